/**
 * The triage models' endpoints (collection `moderation-models`):
 * - `POST /api/moderation-models/train` (NCSC, admins): a training on the campaign's decisions is
 *   queued now rather than on Monday; refused while there are too few decisions to learn from;
 * - `POST /api/moderation-models/:id/activate` (NCSC): the model triages new comments from now on,
 *   the one before is retired; refused when no class kept the target precision;
 * - `POST /api/moderation-models/:id/retire` (NCSC): the model stops; the rules go on alone.
 * Activations and retirements are written to the moderation log.
 */
import type { Endpoint, Payload } from 'payload'
import { z } from 'zod'

import type { ModerationModel } from '../../../../payload-types'
import { sqlPool } from '../../../../src/infra/database'
import { defineEndpoint, refuse } from '../../../../src/infra/endpoint'
import { pluginText } from '../../translations'
import { appendModerationLog } from '../moderation-log'
import { maintenanceQueue } from '../retention-task'
import { forgetActiveTriageModel } from './active-model'
import { campaignLabelCounts } from './campaign-labels'
import { moderationModelsSlug } from './models-collection'
import { trainModelTask } from './train-task'
import { defaultTrainingSettings } from './train-triage-model'

const idParams = z.object({ id: z.coerce.number().int().positive() })

async function modelOrRefuse(payload: Payload, id: number): Promise<ModerationModel> {
  const model = await payload.findByID({ collection: moderationModelsSlug, id, depth: 0, overrideAccess: true, disableErrors: true, select: { model: false } })
  if (!model) refuse({ status: 404, message: pluginText('triageModels:notFound') })
  return model as ModerationModel
}

const publicFields = (model: ModerationModel) => {
  const { model: _weights, ...rest } = model
  void _weights
  return rest
}

export const trainModelEndpoint: Endpoint = defineEndpoint({
  path: '/train',
  method: 'post',
  access: { roles: ['admin', 'ncsc'], forbidden: pluginText('triageModels:trainForbidden') },
  handler: async ({ req, user }) => {
    const counts = await campaignLabelCounts(sqlPool(req.payload))
    const needed = defaultTrainingSettings.minExamplesPerClass
    const learnable = (['hostile', 'misinformation'] as const).some(
      (label) => counts[label] >= needed && counts.ok + counts.hostile + counts.misinformation - counts[label] >= needed,
    )
    if (!learnable) {
      refuse({ status: 400, code: 'too_few_decisions', message: pluginText('triageModels:tooFewDecisions', { ...counts, needed }) })
    }
    const job = await req.payload.jobs.queue({ task: trainModelTask, queue: maintenanceQueue, input: { requestedBy: Number(user.id) } })
    return Response.json(
      { queued: true, job: job.id, message: pluginText('triageModels:trainQueued', { count: counts.ok + counts.hostile + counts.misinformation }) },
      { status: 202 },
    )
  },
})

export const activateModelEndpoint: Endpoint = defineEndpoint({
  path: '/:id/activate',
  method: 'post',
  access: { roles: ['ncsc'], forbidden: pluginText('triageModels:activateForbidden') },
  params: idParams,
  handler: async ({ req, user, params }) => {
    const model = await modelOrRefuse(req.payload, params.id)
    if (model.status === 'active') refuse({ status: 409, field: 'status', message: pluginText('triageModels:alreadyActive') })
    if (!model.activatable) refuse({ status: 400, field: 'activatable', message: pluginText('triageModels:precisionNotReached') })
    const now = new Date().toISOString()
    const { docs: previous } = await req.payload.find({
      collection: moderationModelsSlug,
      where: { status: { equals: 'active' } },
      depth: 0,
      pagination: false,
      overrideAccess: true,
      select: { version: true },
    })
    for (const old of previous) {
      await req.payload.update({
        collection: moderationModelsSlug,
        id: old.id,
        overrideAccess: true,
        data: { status: 'retired', retiredAt: now, retiredBy: Number(user.id) },
        depth: 0,
      })
    }
    const activated = await req.payload.update({
      collection: moderationModelsSlug,
      id: model.id,
      overrideAccess: true,
      data: { status: 'active', activatedAt: now, activatedBy: Number(user.id), retiredAt: null, retiredBy: null },
      depth: 0,
      select: { model: false },
    })
    await appendModerationLog(req.payload, {
      kind: 'model_change',
      actor: { type: 'user', userId: user.id },
      action: 'activate',
      itemRef: `${moderationModelsSlug}/${model.id}`,
      before: { activeVersions: previous.map((old) => old.version) },
      after: {
        version: model.version,
        classes: (model.classes ?? []).map(({ className, status, precision, recall, threshold }) => ({ className, status, precision, recall, threshold })),
      },
    })
    forgetActiveTriageModel(req.payload)
    return Response.json({ doc: publicFields(activated as ModerationModel), message: pluginText('triageModels:activated', { version: model.version }) })
  },
})

export const retireModelEndpoint: Endpoint = defineEndpoint({
  path: '/:id/retire',
  method: 'post',
  access: { roles: ['ncsc'], forbidden: pluginText('triageModels:activateForbidden') },
  params: idParams,
  handler: async ({ req, user, params }) => {
    const model = await modelOrRefuse(req.payload, params.id)
    if (model.status !== 'active') refuse({ status: 409, field: 'status', message: pluginText('triageModels:notActive') })
    const retired = await req.payload.update({
      collection: moderationModelsSlug,
      id: model.id,
      overrideAccess: true,
      data: { status: 'retired', retiredAt: new Date().toISOString(), retiredBy: Number(user.id) },
      depth: 0,
      select: { model: false },
    })
    await appendModerationLog(req.payload, {
      kind: 'model_change',
      actor: { type: 'user', userId: user.id },
      action: 'retire',
      itemRef: `${moderationModelsSlug}/${model.id}`,
      before: { version: model.version, status: 'active' },
      after: { version: model.version, status: 'retired' },
    })
    forgetActiveTriageModel(req.payload)
    return Response.json({ doc: publicFields(retired as ModerationModel), message: pluginText('triageModels:retired', { version: model.version }) })
  },
})

export const moderationModelEndpoints = [trainModelEndpoint, activateModelEndpoint, retireModelEndpoint]
