/**
 * What the variant's publishing panel knows of the variant and its account, and its rules: when it
 * follows the state live, which action each state offers, the default time of the schedule form.
 */
import type { NetworkAccount, PlatformVariant } from '../../../../payload-types'
import { casablancaInputValue } from './publishing-client'
import type { Id } from './publishing-client'

/** What the panel knows of the variant: the REST answer at depth 0, or first the form's saved data (its id as the document view gives it). */
export type VariantDoc = Partial<
  Pick<
    PlatformVariant,
    | 'platform'
    | 'language'
    | 'publicationState'
    | 'scheduledAt'
    | 'remoteId'
    | 'permalink'
    | 'attempts'
    | 'lastError'
    | 'publishedAt'
    | 'nextAttemptAt'
    | 'updatedAt'
  >
> & { id: Id; networkAccount?: Id | { id: Id } | null }

export type Account = Pick<NetworkAccount, 'id' | 'name' | 'status' | 'connection'>
export type AccountInfo = { account: Account | null; isDefault: boolean; candidates: number } | null

/** The inline form or confirmation open under the buttons. */
export type Mode = 'publish' | 'reschedule' | 'cancel' | 'published' | 'not_published' | 'failed' | 'posted' | null
export type OpenMode = Exclude<Mode, null>

/** What the open form asks for. */
export type VariantFormValues = { when: string; reason: string; permalink: string; remoteId: string }

/** The fields whose errors show under their input; any other error shows under the panel. */
export const formFields: readonly string[] = ['scheduledAt', 'reason', 'permalink', 'remoteId']

/** States the panel follows live, and how often it asks. */
const fastPollMs = 5_000
const slowPollMs = 30_000
const soonMs = 15 * 60_000

export function pollDelay(doc: VariantDoc): number | null {
  const state = doc.publicationState
  if (state === 'publishing' || state === 'outcome_unknown') return fastPollMs
  if (state !== 'scheduled') return null
  const due = doc.scheduledAt ? Date.parse(doc.scheduledAt) : Number.NaN
  // Far ahead, a slower pace; close to (or past) its time, every few seconds.
  return Number.isFinite(due) && due - Date.now() > soonMs ? slowPollMs : fastPollMs
}

/** States from which each action is offered, as the endpoints accept them (a refusal still shows inline). */
export const publishNowStates = ['draft', 'ready', 'scheduled', 'failed', 'held']
export const rescheduleStates = publishNowStates
export const cancelStates = publishNowStates
export const markPostedStates = ['ready', 'scheduled', 'held', 'failed', 'outcome_unknown']
export const kitHiddenStates = ['cancelled', 'published']

export const later = (iso: string | undefined, than: string | undefined) => Boolean(iso && (!than || iso > than))

export function defaultWallTime(scheduledAt: string | null | undefined): string {
  const planned = scheduledAt ? Date.parse(scheduledAt) : Number.NaN
  if (Number.isFinite(planned) && planned > Date.now()) return casablancaInputValue(new Date(planned))
  const step = 5 * 60_000
  return casablancaInputValue(new Date(Math.ceil((Date.now() + 60 * 60_000) / step) * step))
}
