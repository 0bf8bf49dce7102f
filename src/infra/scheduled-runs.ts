/**
 * One job per scheduled run, whatever the number of instances. Every instance's crons look at
 * Payload's task schedules each minute; Payload's own rule (no job of that task waiting) is read
 * and then acted on, so two instances looking in the same instant both queue the run (seen in the
 * several-instances test). Each schedule here first claims its run — the task and the time it is
 * due — in `scheduled_run_claims`: the one insert that succeeds queues the job.
 */
import type { Config, Plugin, TaskConfig } from 'payload'

import { sqlPool } from './database'

type Schedule = NonNullable<TaskConfig['schedule']>[number]
type BeforeScheduleFn = NonNullable<NonNullable<Schedule['hooks']>['beforeSchedule']>

/** Claims older than this are deleted as new ones are made: they only ever guard the run at hand. */
const keepClaimsDays = 30

function claimingRun(task: string, queue: string, inner: BeforeScheduleFn | undefined): BeforeScheduleFn {
  return async (args) => {
    const decision = await (inner ?? args.defaultBeforeSchedule)(args)
    const runAt = decision.waitUntil ?? args.queueable.waitUntil
    if (!decision.shouldSchedule || !runAt) return decision
    const { rows } = await sqlPool(args.req.payload).query(
      `WITH expired AS (DELETE FROM scheduled_run_claims WHERE claimed_at < now() - make_interval(days => $3))
       INSERT INTO scheduled_run_claims (task, run_at) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING task`,
      [`${queue}:${task}`, runAt, keepClaimsDays],
    )
    return rows.length === 1 ? decision : { shouldSchedule: false }
  }
}

function withClaimedRuns(task: TaskConfig): TaskConfig {
  if (!task.schedule?.length) return task
  return {
    ...task,
    schedule: task.schedule.map((schedule) => ({
      ...schedule,
      hooks: { ...schedule.hooks, beforeSchedule: claimingRun(task.slug, schedule.queue, schedule.hooks?.beforeSchedule) },
    })),
  }
}

/** Last of the plugins, so that it sees every scheduled task, the app's and the plugins'. */
export const claimScheduledRuns: Plugin = (config: Config) => ({
  ...config,
  jobs: config.jobs ? { ...config.jobs, tasks: (config.jobs.tasks ?? []).map((task) => withClaimedRuns(task as TaskConfig)) } : config.jobs,
})
