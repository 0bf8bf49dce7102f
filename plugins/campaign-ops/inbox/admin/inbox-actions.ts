/**
 * The inbox view's calls (browser side): the one-click actions of interaction-endpoints.ts and the
 * plain updates (status, assignee, notes) that the collection's hooks log. Each answers the
 * interaction as the server now has it, or the server's reason in the reader's language.
 */
import type { Interaction, InteractionReply } from '../../../../payload-types'
import { callApi } from '../../publishing/admin/publishing-client'
import type { ApiResult } from '../../publishing/admin/publishing-client'

export type ReplyLanguage = 'fr' | 'ar' | 'ary'

export type ReplyRequest = {
  text?: string
  templateId?: number
  language?: ReplyLanguage
  idempotencyKey: string
  openedAt: string
  confirm?: boolean
}

export type InboxApi = ReturnType<typeof inboxApi>

export function inboxApi(api: string) {
  const base = `${api}/interactions`
  return {
    moderate: (id: number, action: 'hide' | 'unhide' | 'delete', reason?: string): Promise<ApiResult<{ interaction: Interaction }>> =>
      callApi(`${base}/${id}/moderate`, { method: 'POST', body: { action, ...(reason ? { reason } : {}) } }),
    escalate: (id: number, reason: string, toLegal: boolean): Promise<ApiResult<{ interaction: Interaction }>> =>
      callApi(`${base}/${id}/escalate`, { method: 'POST', body: { reason, toLegal } }),
    reply: (id: number, request: ReplyRequest): Promise<ApiResult<{ reply: InteractionReply }>> =>
      callApi(`${base}/${id}/reply`, { method: 'POST', body: request }),
    update: (id: number, data: Partial<Pick<Interaction, 'status' | 'assignee' | 'notes' | 'tags'>>): Promise<ApiResult<{ doc: Interaction }>> =>
      callApi(`${base}/${id}?depth=0`, { method: 'PATCH', body: data }),
    find: (id: number): Promise<ApiResult<Interaction>> => callApi(`${base}/${id}?depth=1`),
  }
}

/** The reply language that fits the comment's: Darija in either script is answered in Darija. */
export function replyLanguageFor(language: string | null | undefined, fallback: ReplyLanguage): ReplyLanguage {
  if (language === 'fr' || language === 'ar') return language
  if (language === 'ary_arabic' || language === 'ary_latin') return 'ary'
  return fallback
}

/** A fresh key per reply written: the server sends a reply once per key, whatever the retries. */
export const newIdempotencyKey = () => `inbox-${crypto.randomUUID()}`
