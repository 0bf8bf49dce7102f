import os from 'node:os'

import type { PayloadRequest } from 'payload'

import type { PlatformVariant } from '../../../payload-types'
import { sqlPool } from '../../../src/infra/database'
import { finishAttempt, idempotencyKeyOf, startAttempt } from './attempts'
import { resolveAccountId } from './claim'
import { readJsonObject, refuse, variantEndpoint, variantNotFound } from './endpoint-responses'
import type { EndpointAccess } from './endpoint-responses'
import { buildManualKit } from './manual-kit'
import { MissingMediaFileError } from './publish-request'
import { markItemPublished } from './outcome-effects'
import { buildPublishRequest, summarizeRequest } from './publish-request'
import { variantClearance } from './variant-clearance'
import { queuePublicationEvent } from './webhooks'
import type { Localized } from '../../../src/i18n/catalogue'
import { pluginText } from '../translations'

/**
 * Publishing by hand: `GET /api/platform-variants/:id/kit` downloads the ready-to-post kit, and
 * `POST /api/platform-variants/:id/mark-posted` records that a person posted it.
 */

const words = {
  forbidden: pluginText('manualPublishing:forbidden'),
  kitCancelled: pluginText('manualPublishing:kitCancelled'),
  missingFile: (mediaId: number | string): Localized => pluginText('manualPublishing:missingFile', { mediaId }),
  permalinkRequired: pluginText('manualPublishing:permalinkRequired'),
  permalinkInvalid: pluginText('manualPublishing:permalinkInvalid'),
  remoteIdInvalid: pluginText('manualPublishing:remoteIdInvalid'),
  alreadyPublished: pluginText('manualPublishing:alreadyPublished'),
  publishing: pluginText('manualPublishing:publishing'),
  cancelled: pluginText('manualPublishing:cancelled'),
  draft: pluginText('manualPublishing:draft'),
}

/** Who may download kits and mark variants as posted. */
const manualPublishers: EndpointAccess = { roles: ['cm', 'ncsc', 'admin'], forbidden: words.forbidden }

/** States from which a person may say "I posted it": a post by hand settles all of them. */
export const markPostedFromStates = ['ready', 'scheduled', 'held', 'failed', 'outcome_unknown'] as const

const refusalOfState: Record<string, Localized> = {
  published: words.alreadyPublished,
  publishing: words.publishing,
  cancelled: words.cancelled,
  draft: words.draft,
}

const maxPermalinkLength = 2048
const maxRemoteIdLength = 255

async function loadVariant(req: PayloadRequest, id: string): Promise<PlatformVariant> {
  // Ids are serial integers: anything else names no variant.
  if (!/^\d{1,10}$/.test(id)) refuse({ status: 404, message: variantNotFound })
  const variant = await req.payload.findByID({ collection: 'platform-variants', id: Number(id), depth: 0, overrideAccess: true, req }).catch(() => null)
  if (!variant) refuse({ status: 404, message: variantNotFound })
  return variant
}

function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`
}

/** `GET /api/platform-variants/:id/kit`: the zip of the ready-to-post kit, for any variant not cancelled. */
export const manualKitEndpoint = variantEndpoint({ path: '/:id/kit', method: 'get', access: manualPublishers }, async (req, language, id) => {
  const variant = await loadVariant(req, id)
  if (variant.publicationState === 'cancelled') refuse({ status: 409, message: words.kitCancelled })
  const refusal = await variantClearance(req.payload, variant)
  if (refusal) refuse({ status: 409, message: refusal.message })
  const kit = await buildManualKit(req.payload, variant, { language }).catch((error: unknown) => {
    if (error instanceof MissingMediaFileError) refuse({ status: 409, message: words.missingFile(error.mediaId) })
    throw error
  })
  return new Response(kit.stream, {
    status: 200,
    headers: {
      'Content-Type': 'application/zip',
      'Content-Disposition': contentDisposition(kit.filename),
      // Holds the text as it is now: never served from a cache after an edit.
      'Cache-Control': 'no-store',
    },
  })
})

function parseMarkPostedBody(input: Record<string, unknown>): { permalink: string; remoteId: string | null } {
  const rawPermalink = typeof input.permalink === 'string' ? input.permalink.trim() : ''
  if (!rawPermalink) refuse({ status: 400, message: words.permalinkRequired, field: 'permalink' })
  let permalink = ''
  try {
    const url = new URL(rawPermalink)
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname && rawPermalink.length <= maxPermalinkLength) permalink = rawPermalink
  } catch {
    // Not a URL: refused below.
  }
  if (!permalink) refuse({ status: 400, message: words.permalinkInvalid, field: 'permalink' })
  const rawRemoteId = input.remoteId
  if (rawRemoteId !== undefined && rawRemoteId !== null && (typeof rawRemoteId !== 'string' || rawRemoteId.trim().length > maxRemoteIdLength)) {
    refuse({ status: 400, message: words.remoteIdInvalid, field: 'remoteId' })
  }
  const remoteId = typeof rawRemoteId === 'string' && rawRemoteId.trim() ? rawRemoteId.trim() : null
  return { permalink, remoteId }
}

/**
 * `POST /api/platform-variants/:id/mark-posted` `{ permalink, remoteId? }`: a person posted the
 * variant by hand. The state changes in one conditional UPDATE, so of two clicks (or two people)
 * exactly one wins and the other gets 409; the attempt, the webhook and the item's move follow.
 */
export const markPostedEndpoint = variantEndpoint({ path: '/:id/mark-posted', method: 'post', access: manualPublishers }, async (req, _language, id) => {
  const { permalink, remoteId } = parseMarkPostedBody(await readJsonObject(req))
  const variant = await loadVariant(req, id)
  const variantId = variant.id
  const state = variant.publicationState ?? 'draft'
  if (!(markPostedFromStates as readonly string[]).includes(state)) {
    refuse({ status: 409, message: refusalOfState[state] ?? words.alreadyPublished })
  }
  // An unknown outcome was sent by the engine while cleared: saying it is online records a fact.
  const refusal = state === 'outcome_unknown' ? null : await variantClearance(req.payload, variant)
  if (refusal) refuse({ status: 409, message: refusal.message })

  const db = sqlPool(req.payload)
  const { rows } = await db.query(
    `UPDATE platform_variants
          SET publication_state = 'published', permalink = $2, remote_id = $3, published_at = now(),
              attempts = COALESCE(attempts, 0) + 1,
              claim_token = NULL, lease_until = NULL, next_attempt_at = NULL, last_error = NULL, updated_at = now()
        WHERE id = $1 AND publication_state IN (${markPostedFromStates.map((from) => `'${from}'`).join(', ')})
        RETURNING id, attempts`,
    [variantId, permalink, remoteId],
  )
  if (rows.length === 0) {
    // Someone (a second click, a colleague, the engine) changed the state since it was read.
    const now = await loadVariant(req, id)
    refuse({ status: 409, message: refusalOfState[now.publicationState ?? 'draft'] ?? words.alreadyPublished })
  }
  const attemptNumber = Number(rows[0]!.attempts)

  // The post is on the network and stored as such: what follows cannot undo it, so failures are logged.
  const logFailure = (what: string) => (error: unknown) => req.payload.logger.error({ err: error, msg: what, variant: variantId })
  const contentItemId = typeof variant.contentItem === 'object' ? variant.contentItem.id : variant.contentItem
  await recordManualAttempt(req, variant, { attemptNumber, permalink, remoteId }).catch(logFailure('Recording a manual publication attempt failed'))
  await queuePublicationEvent(req.payload, 'publication.succeeded', {
    variant: {
      id: variantId,
      platform: variant.platform,
      language: variant.language,
      contentItem: contentItemId ?? null,
      scheduledAt: variant.scheduledAt ?? null,
    },
    remoteId,
    permalink,
    reason: null,
    attemptNumber,
  }).catch(logFailure('Queuing a publication webhook failed'))
  if (contentItemId) await markItemPublished(req.payload, contentItemId).catch(logFailure('Moving the item to published failed'))

  return Response.json({ variant: await loadVariant(req, id) })
})

async function recordManualAttempt(
  req: PayloadRequest,
  variant: PlatformVariant,
  posted: { attemptNumber: number; permalink: string; remoteId: string | null },
): Promise<void> {
  const { payload } = req
  const { accountId } = await resolveAccountId(sqlPool(payload), variant.id)
  // What the kit held, i.e. what the person was given to post.
  const requestSummary = await buildPublishRequest(payload, variant, {})
    .then(summarizeRequest)
    .catch(() => undefined)
  const attempt = await startAttempt(payload, {
    variantId: variant.id,
    attemptNumber: posted.attemptNumber,
    kind: 'manual',
    idempotencyKey: idempotencyKeyOf(variant.id),
    instance: `${os.hostname()}:${process.pid}`,
    platform: variant.platform,
    accountId,
    actorId: Number(req.user!.id),
    requestSummary,
  })
  await finishAttempt(payload, attempt, {
    outcome: 'succeeded',
    remoteId: posted.remoteId,
    permalink: posted.permalink,
    response: { postedBy: 'hand', previousState: variant.publicationState ?? null },
  })
}
