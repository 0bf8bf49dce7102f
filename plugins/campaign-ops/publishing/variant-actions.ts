import type { Endpoint, PayloadRequest } from 'payload'

import { sqlPool } from '../../../src/infra/database'
import { finishAttempt, idempotencyKeyOf, startAttempt } from './attempts'
import { readCrisisState } from './crisis-mode'
import { readJsonObject, refuse, variantEndpoint, variantNotFound } from './endpoint-responses'
import type { EndpointAccess } from './endpoint-responses'
import { announceOutcome } from './outcome-effects'
import type { PublishingRuntime } from './runtime'
import { publishingScheduler } from './scheduler'
import { variantClearance } from './variant-clearance'
import { reasonText } from './variant-state'
import type { Localized } from '../../../src/i18n/catalogue'
import { pluginText, pluginTextByLanguage } from '../translations'

const words = {
  forbidden: pluginText('variantActions:forbidden'),
  crisis: pluginText('variantActions:crisis'),
  wrongState: (state: string, action: Localized): Localized =>
    pluginTextByLanguage('variantActions:wrongState', (language) => ({ action: action[language], state })),
  badDate: pluginText('variantActions:badDate'),
  pastDate: pluginText('variantActions:pastDate'),
  badResolution: pluginText('variantActions:badResolution'),
  badPermalink: pluginText('variantActions:badPermalink'),
  reasonRequired: pluginText('variantActions:reasonRequired'),
  reconciling: pluginText('variantActions:reconciling'),
}

const actionNames = {
  publishNow: pluginText('variantActions:actions:publishNow'),
  reschedule: pluginText('variantActions:actions:reschedule'),
  cancel: pluginText('variantActions:actions:cancel'),
  resolve: pluginText('variantActions:actions:resolve'),
}

/**
 * Who acts on publications. Payload's own errors are answered too: publish now and reschedule
 * save as the person, and the collection's hooks refuse with field paths.
 */
const publicationActors: EndpointAccess = { roles: ['cm', 'ncsc', 'admin'], forbidden: words.forbidden, answerPayloadErrors: true }

async function loadVariant(req: PayloadRequest, id: string) {
  const variant = await req.payload.findByID({ collection: 'platform-variants', id, depth: 0, overrideAccess: true, req }).catch(() => null)
  if (!variant) refuse({ status: 404, message: variantNotFound })
  return variant!
}

/** Schedules through the collection (its hooks check approval, limits and consent) as the person. */
async function scheduleAs(req: PayloadRequest, id: string, scheduledAt: Date) {
  return req.payload.update({
    collection: 'platform-variants',
    id,
    data: { publicationState: 'scheduled', scheduledAt: scheduledAt.toISOString() },
    user: req.user,
    overrideAccess: false,
    req,
  })
}

const reschedulable = ['draft', 'ready', 'scheduled', 'held', 'failed']

/** Publishing now or rescheduling a variant that is not cleared to go out is refused, whatever its state. */
async function refuseUncleared(req: PayloadRequest, variant: Parameters<typeof variantClearance>[1]): Promise<void> {
  const refusal = await variantClearance(req.payload, variant)
  if (refusal) refuse({ status: 409, message: refusal.message })
}

export function variantActionEndpoints(runtime: PublishingRuntime): Endpoint[] {
  return [
    variantEndpoint({ path: '/:id/publish-now', method: 'post', access: publicationActors }, async (req, language, id) => {
      const variant = await loadVariant(req, id)
      const state = variant.publicationState ?? 'draft'
      if (!reschedulable.includes(state)) refuse({ status: 409, message: words.wrongState(state, actionNames.publishNow) })
      if ((await readCrisisState(req.payload)).active) refuse({ status: 409, message: words.crisis })
      await refuseUncleared(req, variant)
      const updated = await scheduleAs(req, id, new Date())
      // Published by this instance's next pass, started now rather than at the next tick.
      try {
        void publishingScheduler(req.payload)
          .tick()
          .catch((error) => req.payload.logger.error({ err: error, msg: 'Publish-now tick failed' }))
      } catch {
        // No scheduler in this process (a web-only instance): the workers' next tick takes it.
      }
      return Response.json({ variant: updated })
    }),
    variantEndpoint({ path: '/:id/reschedule', method: 'post', access: publicationActors }, async (req, _language, id) => {
      const input = await readJsonObject(req)
      const when = typeof input.scheduledAt === 'string' ? new Date(input.scheduledAt) : null
      if (!when || Number.isNaN(when.getTime())) refuse({ status: 400, message: words.badDate, field: 'scheduledAt' })
      if (when!.getTime() < Date.now() - 60_000) refuse({ status: 400, message: words.pastDate, field: 'scheduledAt' })
      const variant = await loadVariant(req, id)
      const state = variant.publicationState ?? 'draft'
      if (!reschedulable.includes(state)) refuse({ status: 409, message: words.wrongState(state, actionNames.reschedule) })
      await refuseUncleared(req, variant)
      return Response.json({ variant: await scheduleAs(req, id, when!) })
    }),
    variantEndpoint({ path: '/:id/cancel', method: 'post', access: publicationActors }, async (req, _language, id) => {
      const input = await readJsonObject(req)
      const variant = await loadVariant(req, id)
      const state = variant.publicationState ?? 'draft'
      if (!['draft', 'ready', 'scheduled', 'held', 'failed'].includes(state)) refuse({ status: 409, message: words.wrongState(state, actionNames.cancel) })
      const reason = typeof input.reason === 'string' ? input.reason.trim() : ''
      // Conditional on the state read: a claim taken meanwhile wins, the cancel is refused.
      const { rowCount } = await sqlPool(req.payload).query(
        `UPDATE platform_variants SET publication_state = 'cancelled', next_attempt_at = NULL, last_error = $3, updated_at = now()
            WHERE id = $1 AND publication_state = $2`,
        [Number(id), state, reason ? reasonText(pluginText('publishWarnings:cancelled', { reason })) : null],
      )
      if (!rowCount) {
        const now = await loadVariant(req, id)
        refuse({ status: 409, message: words.wrongState(now.publicationState ?? 'draft', actionNames.cancel) })
      }
      return Response.json({ variant: await loadVariant(req, id) })
    }),
    variantEndpoint({ path: '/:id/resolve', method: 'post', access: publicationActors }, async (req, _language, id) => {
      const input = await readJsonObject(req)
      const resolution = input.resolution
      if (resolution !== 'published' && resolution !== 'not_published' && resolution !== 'failed') {
        refuse({ status: 400, message: words.badResolution, field: 'resolution' })
      }
      const permalink = typeof input.permalink === 'string' ? input.permalink.trim() : ''
      const remoteId = typeof input.remoteId === 'string' && input.remoteId.trim() ? input.remoteId.trim() : null
      const reason = typeof input.reason === 'string' ? input.reason.trim() : ''
      if (resolution === 'published' && !(/^https?:\/\//.test(permalink) && URL.canParse(permalink))) {
        refuse({ status: 400, message: words.badPermalink, field: 'permalink' })
      }
      if (resolution === 'failed' && !reason) refuse({ status: 400, message: words.reasonRequired, field: 'reason' })
      const variant = await loadVariant(req, id)
      if (variant.publicationState !== 'outcome_unknown') {
        refuse({ status: 409, message: words.wrongState(variant.publicationState ?? 'draft', actionNames.resolve) })
      }
      const db = sqlPool(req.payload)
      const next = { published: 'published', not_published: 'scheduled', failed: 'failed' }[resolution as string]!
      const { rowCount } = await db.query(
        `UPDATE platform_variants
              SET publication_state = $2::text::enum_platform_variants_publication_state,
                  permalink = CASE WHEN $2::text = 'published' THEN $3 ELSE permalink END,
                  remote_id = CASE WHEN $2::text = 'published' THEN COALESCE($4, remote_id) ELSE remote_id END,
                  published_at = CASE WHEN $2::text = 'published' THEN now() ELSE published_at END,
                  last_error = $5, next_attempt_at = NULL, claim_token = NULL, lease_until = NULL, updated_at = now()
            WHERE id = $1 AND publication_state = 'outcome_unknown' AND (lease_until IS NULL OR lease_until < now())`,
        [Number(id), next, permalink || null, remoteId, resolution === 'failed' ? reason : null],
      )
      if (!rowCount) refuse({ status: 409, message: words.reconciling })
      const attempt = await startAttempt(req.payload, {
        variantId: Number(id),
        attemptNumber: variant.attempts ?? 0,
        kind: 'resolve',
        idempotencyKey: idempotencyKeyOf(id),
        instance: runtime.instanceId,
        platform: variant.platform,
        accountId: typeof variant.networkAccount === 'object' ? (variant.networkAccount?.id ?? null) : (variant.networkAccount ?? null),
        actorId: req.user!.id as number,
      })
      const outcome = resolution === 'published' ? 'succeeded' : resolution === 'failed' ? 'failed' : 'not_found'
      await finishAttempt(req.payload, attempt, { outcome, permalink: permalink || null, remoteId, reason: reason || null })
      const claim = { variantId: Number(id), attempts: variant.attempts ?? 0 }
      if (resolution === 'published') {
        await announceOutcome(req.payload, runtime, null, { outcome: 'succeeded', result: { remoteId: remoteId ?? '', permalink } }, claim, variant)
      } else if (resolution === 'failed') {
        await announceOutcome(req.payload, runtime, null, { outcome: 'failed', reason }, claim, variant)
      }
      return Response.json({ variant: await loadVariant(req, id) })
    }),
  ]
}
