/**
 * Training the triage model on the campaign's decisions, in the server: weekly on the maintenance
 * queue, or when NCSC asks. One training at a time across instances (advisory lock); the work runs
 * in slices so the instance keeps answering meanwhile. Each training stores a new candidate model;
 * none is put in use without NCSC.
 */
import type { Payload, TaskConfig } from 'payload'

import { sqlPool } from '../../../../src/infra/database'
import { advisoryLocks } from '../../../../src/infra/locks'
import { maintenanceQueue } from '../retention-task'
import { campaignLabels } from './campaign-labels'
import { toThousandths } from './comment-triage'
import { runCooperatively } from './cooperative-run'
import { modelToFile } from './model-file'
import { moderationModelsSlug } from './models-collection'
import { defaultTrainingSettings, triageTrainingSteps, type ClassReport, type TrainingSettings } from './train-triage-model'
import { triageLabels } from './triage-model'

export const trainModelTask = 'trainModerationModel'

export type TrainingOutcome =
  { status: 'trained'; modelId: number; version: number; trainingSize: number; activatable: boolean } | { status: 'busy' } | { status: 'no_decisions' }

const rounded = (value: number | null | undefined) => (typeof value === 'number' ? toThousandths(value) : null)

function classRow(report: ClassReport) {
  if (report.status === 'too_few_examples') {
    return { className: report.name, status: 'too_few_examples' as const, positives: report.positives, negatives: report.negatives }
  }
  const measure = report.crossValidation
  return {
    className: report.name,
    status: measure === null ? ('precision_not_reached' as const) : ('ready' as const),
    positives: report.positives,
    negatives: report.negatives,
    precision: rounded(measure?.precision ?? report.bestF1.precision),
    recall: rounded(measure?.recall ?? report.bestF1.recall),
    f1: rounded(measure?.f1 ?? report.bestF1.f1),
    threshold: rounded(measure?.threshold),
  }
}

export async function trainCampaignModel(
  payload: Payload,
  options: { trigger: 'schedule' | 'request'; requestedBy?: number | null; settings?: Partial<TrainingSettings>; now?: Date },
): Promise<TrainingOutcome> {
  const client = await sqlPool(payload).connect()
  try {
    const { rows } = await client.query('SELECT pg_try_advisory_lock($1) AS taken', [advisoryLocks.moderationModelTraining])
    if (!rows[0]?.taken) return { status: 'busy' }
    try {
      const examples = await campaignLabels(client)
      if (examples.length === 0) return { status: 'no_decisions' }
      const started = performance.now()
      const settings = { ...defaultTrainingSettings, ...options.settings }
      const { model, reports } = await runCooperatively(triageTrainingSteps(examples, settings))
      const trainingSeconds = Math.round((performance.now() - started) / 100) / 10
      const { rows: versions } = await client.query('SELECT coalesce(max(version), 0)::int + 1 AS next FROM moderation_models')
      const version = Number(versions[0]!.next)
      const trainedAt = options.now ?? new Date()
      const labelCounts = Object.fromEntries(triageLabels.map((label) => [label, examples.filter((example) => example.label === label).length]))
      const activatable = model.classes.some((name) => model.data.classes[name]!.threshold !== null)
      const created = await payload.create({
        collection: moderationModelsSlug,
        overrideAccess: true,
        data: {
          version,
          title: `v${version} (${trainedAt.toISOString().slice(0, 10)})`,
          status: 'candidate',
          activatable,
          trigger: options.trigger,
          requestedBy: options.requestedBy ?? null,
          trainedAt: trainedAt.toISOString(),
          trainingSeconds,
          trainingSize: examples.length,
          labelCounts,
          targetPrecision: settings.targetPrecision,
          classes: reports.map(classRow),
          model: modelToFile(model),
        },
        depth: 0,
      })
      payload.logger.info(
        `Moderation: triage model v${version} trained on ${examples.length} decisions in ${trainingSeconds} s${activatable ? '' : ' (no class reaches the target precision)'}`,
      )
      return { status: 'trained', modelId: Number(created.id), version, trainingSize: examples.length, activatable }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [advisoryLocks.moderationModelTraining])
    }
  } finally {
    client.release()
  }
}

/** Weekly (Monday 04:23, server time) and on demand, on the maintenance queue. */
export const trainModelTaskConfig: TaskConfig = {
  slug: trainModelTask,
  retries: 0,
  schedule: [{ cron: '23 4 * * 1', queue: maintenanceQueue }],
  inputSchema: [{ name: 'requestedBy', type: 'number' }],
  outputSchema: [
    { name: 'status', type: 'text' },
    { name: 'version', type: 'number' },
    { name: 'trainingSize', type: 'number' },
  ],
  handler: async ({ req, input }) => {
    const requestedBy = (input as { requestedBy?: number | null } | undefined)?.requestedBy ?? null
    const outcome = await trainCampaignModel(req.payload, { trigger: requestedBy ? 'request' : 'schedule', requestedBy })
    return {
      output: {
        status: outcome.status,
        version: outcome.status === 'trained' ? outcome.version : null,
        trainingSize: outcome.status === 'trained' ? outcome.trainingSize : null,
      },
    }
  },
}
