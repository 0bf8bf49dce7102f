/**
 * The inbox's one-click actions on an interaction: hide, show again or delete it on its network
 * (`POST /api/interactions/:id/moderate`), and escalate it to NCSC (`POST /api/interactions/:id/escalate`).
 * `POST`/`DELETE /api/interactions/:id/presence`: who else is viewing or replying to the thread (presence.ts).
 * Assignment, status and tags are plain updates of the interaction (logged by its hooks).
 */
import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'

import type { Interaction, User } from '../../../payload-types'
import { hasRole } from '../../../src/domain/roles'
import { networks } from '../../../src/domain/networks'
import { defineEndpoint, readTextBody, refuse } from '../../../src/infra/endpoint'
import { pluginText } from '../translations'
import { escalateInteraction } from './escalation'
import { ImportFileError, maxImportBytes, maxImportRows, readImportFile, runImport, startImport } from './import'
import type { ImportFormat } from './import'
import type { InboxSettings } from './ingest'
import { interactionsSlug } from './interactions-collection'
import { actOnNetwork, NetworkActionError } from './network-actions'
import type { ActionSettings } from './network-actions'
import { leavePresence, othersPresent, presenceActivities, recordPresence } from './presence'
import { decideOnReply, ReplyRefusal, requestReply } from './send-reply'

const inboxTeam = { roles: ['admin', 'ncsc', 'cm'] as const, forbidden: pluginText('inboxActions:forbidden') }
const idParams = z.object({ id: z.coerce.number().int().positive() })

/** The interaction as the caller may read it, or 404. */
async function readable(req: PayloadRequest, id: number): Promise<Interaction> {
  const found = await req.payload.findByID({ collection: interactionsSlug, id, depth: 0, overrideAccess: false, user: req.user, disableErrors: true })
  if (!found) refuse({ status: 404, code: 'not_found', message: pluginText('inboxActions:notFound') })
  return found
}

function answerReplyRefusal(error: unknown): never {
  if (error instanceof ReplyRefusal) refuse({ status: error.status, code: error.code, message: error.reason, ...(error.field ? { field: error.field } : {}) })
  throw error
}

function answerNetworkError(error: unknown): never {
  if (error instanceof NetworkActionError) refuse({ status: error.status, code: error.code, message: error.reason })
  throw error
}

/** The file's format from its content type: CSV, or JSON Lines. */
function importFormat(contentType: string | null): ImportFormat | null {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase()
  if (type === 'text/csv') return 'csv'
  if (type === 'application/x-ndjson' || type === 'application/jsonl' || type === 'application/x-jsonlines') return 'jsonl'
  return null
}

export function interactionEndpoints(settings: ActionSettings, inboxSettings: InboxSettings): Endpoint[] {
  return [
    defineEndpoint({
      path: '/import',
      method: 'post',
      access: inboxTeam,
      query: z.object({ network: z.enum(networks), account: z.string().trim().min(1).max(200), fileName: z.string().trim().max(300).optional() }),
      handler: async ({ req, user, query }) => {
        const format = importFormat(req.headers.get('content-type'))
        if (!format) refuse({ status: 400, code: 'unsupported_format', field: 'body', message: pluginText('inboxImport:format') })
        const text = await readTextBody(req, maxImportBytes)
        let rows: Record<string, unknown>[]
        try {
          rows = readImportFile(text, format)
        } catch (error) {
          if (!(error instanceof ImportFileError)) throw error
          const message =
            error.code === 'too_many_rows'
              ? pluginText('inboxImport:tooManyRows', { max: maxImportRows })
              : error.code === 'empty'
                ? pluginText('inboxImport:empty')
                : error.line
                  ? pluginText('inboxImport:unreadableLine', { line: error.line })
                  : pluginText('inboxImport:unreadable')
          refuse({
            status: error.code === 'too_many_rows' ? 413 : 400,
            code: error.code,
            field: 'body',
            message,
            ...(error.line ? { details: { line: error.line } } : {}),
          })
        }
        const started = await startImport(req.payload, {
          network: query.network,
          accountRemoteId: query.account,
          fileName: query.fileName ?? null,
          rows,
          userId: user.id,
        })
        // Read in the background; the inbox job takes it up again if this instance stops.
        void runImport(req.payload, inboxSettings, Number(started.id)).catch((error: unknown) =>
          req.payload.logger.error({ err: error, import: started.id }, 'Inbox: an import stopped; the inbox job will resume it'),
        )
        return Response.json({ import: { id: started.id, total: started.total, status: started.status } }, { status: 202 })
      },
    }),
    defineEndpoint({
      path: '/:id/moderate',
      method: 'post',
      access: inboxTeam,
      params: idParams,
      body: z.object({ action: z.enum(['hide', 'unhide', 'delete']), reason: z.string().trim().max(2000).optional() }),
      handler: async ({ req, user, params, body }) => {
        if (body.action === 'delete') {
          if (!hasRole(user, 'ncsc')) refuse({ status: 403, code: 'ncsc_only', message: pluginText('inboxActions:deleteNcscOnly') })
          if (!body.reason) refuse({ status: 400, code: 'reason_required', field: 'reason', message: pluginText('inboxActions:deleteNeedsReason') })
        }
        const interaction = await readable(req, params.id)
        if (interaction.removedOnNetworkAt) refuse({ status: 409, code: 'already_removed', message: pluginText('inboxActions:alreadyRemoved') })
        const updated = await actOnNetwork(req.payload, settings, interaction, body.action, { type: 'user', userId: user.id }, body.reason || null).catch(
          answerNetworkError,
        )
        return { interaction: updated }
      },
    }),
    defineEndpoint({
      path: '/:id/reply',
      method: 'post',
      access: inboxTeam,
      params: idParams,
      body: z.object({
        text: z.string().max(8000).optional(),
        templateId: z.number().int().positive().optional(),
        language: z.enum(['fr', 'ar', 'ary']).optional(),
        idempotencyKey: z.string().trim().min(8).max(200),
        openedAt: z.iso.datetime({ offset: true }).optional(),
        confirm: z.boolean().optional(),
      }),
      handler: async ({ req, user, params, body }) => {
        const interaction = await readable(req, params.id)
        const reply = await requestReply(req.payload, settings, interaction, user as User, {
          ...body,
          openedAt: body.openedAt ? new Date(body.openedAt) : undefined,
        }).catch(answerReplyRefusal)
        return { reply }
      },
    }),
    defineEndpoint({
      path: '/:id/escalate',
      method: 'post',
      access: inboxTeam,
      params: idParams,
      body: z.object({ reason: z.string().trim().min(1).max(2000), toLegal: z.boolean().optional() }),
      fieldMessages: { reason: pluginText('inboxActions:escalateNeedsReason') },
      handler: async ({ req, user, params, body }) => {
        const interaction = await readable(req, params.id)
        const updated = await escalateInteraction(
          req.payload,
          interaction,
          { type: 'user', userId: user.id },
          {
            reason: body.reason,
            toLegal: body.toLegal === true,
            pseudonymKey: settings.pseudonymKey,
          },
        )
        return { interaction: updated }
      },
    }),
    defineEndpoint({
      path: '/:id/presence',
      method: 'post',
      access: inboxTeam,
      params: idParams,
      body: z.object({ activity: z.enum(presenceActivities) }),
      fieldMessages: { activity: pluginText('inboxActions:presenceActivity') },
      headers: { 'Cache-Control': 'no-store' },
      handler: async ({ req, user, params, body }) => {
        await readable(req, params.id)
        await recordPresence(req.payload, params.id, user, body.activity)
        return { present: await othersPresent(req.payload, params.id, user.id) }
      },
    }),
    defineEndpoint({
      path: '/:id/presence',
      method: 'delete',
      access: inboxTeam,
      params: idParams,
      headers: { 'Cache-Control': 'no-store' },
      handler: async ({ req, user, params }) => {
        await readable(req, params.id)
        await leavePresence(req.payload, params.id, user.id)
        return { present: await othersPresent(req.payload, params.id, user.id) }
      },
    }),
  ]
}

/** `POST /api/interaction-replies/:id/decision`: NCSC approves (and sends) or rejects a reply on a sensitive thread. */
export function replyDecisionEndpoints(settings: ActionSettings): Endpoint[] {
  return [
    defineEndpoint({
      path: '/:id/decision',
      method: 'post',
      access: { roles: ['admin', 'ncsc'], forbidden: pluginText('inboxReplies:approveNcscOnly') },
      params: idParams,
      body: z.object({ approve: z.boolean() }),
      handler: async ({ req, user, params, body }) => {
        const found = await req.payload.findByID({
          collection: 'interaction-replies',
          id: params.id,
          depth: 0,
          overrideAccess: false,
          user,
          disableErrors: true,
        })
        if (!found) refuse({ status: 404, code: 'not_found', message: pluginText('inboxReplies:notFound') })
        const reply = await decideOnReply(req.payload, settings, params.id, user as User, body.approve).catch(answerReplyRefusal)
        return { reply }
      },
    }),
  ]
}
