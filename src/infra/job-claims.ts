/**
 * Each queued job runs once, whatever the number of instances. Payload 3.90's job runner claims
 * jobs by reading the runnable ones and then marking each as processing (the drizzle adapter's
 * `updateJobs` finds, then updates row by row, without looking at `processing` again), so two
 * instances whose crons fire in the same second both claim and run the same jobs — every webhook
 * delivery sent twice in the several-instances test. Here the marking is conditional: a job
 * another instance marked first is left to it, and the runner gets only the jobs it won.
 */
import type { Payload } from 'payload'

import { sqlPool } from './database'

type UpdateJobs = Payload['db']['updateJobs']
type UpdateJobsArgs = Parameters<UpdateJobs>[0]

/** The runner's claim: mark runnable jobs (by a query, not by id) as processing. */
function isClaim(args: UpdateJobsArgs): boolean {
  const data = args.data as Record<string, unknown>
  const onlyMarking = Object.keys(data).every((key) => key === 'processing' || key === 'updatedAt')
  return !('id' in args && args.id !== undefined) && args.where !== undefined && data.processing === true && onlyMarking
}

const claimed = new WeakSet<Payload>()

export function claimJobsOnce(payload: Payload): void {
  if (claimed.has(payload)) return
  claimed.add(payload)
  const db = payload.db
  const updateJobs: UpdateJobs = db.updateJobs.bind(db)
  db.updateJobs = (async (args: UpdateJobsArgs) => {
    if (!isClaim(args)) return updateJobs(args)
    // The candidates as Payload chose them (its filters, order and limit)…
    const candidates = await db.find({
      collection: 'payload-jobs',
      where: args.where!,
      limit: args.limit ?? 0,
      pagination: false,
      sort: args.sort,
      select: { id: true } as never,
      req: { transactionID: undefined },
    })
    const ids = candidates.docs.map((doc) => Number(doc.id))
    if (ids.length === 0) return []
    // …and of those, the ones no other instance marked in the meantime (the row lock makes a
    // concurrent marking wait, then see `processing` true and skip the row).
    const { rows } = await sqlPool(payload).query(
      `UPDATE payload_jobs SET processing = true, updated_at = now() WHERE id = ANY($1::int[]) AND processing = false AND completed_at IS NULL RETURNING id`,
      [ids],
    )
    if (rows.length === 0) return []
    // Payload's own read of the jobs won, in its order, for the runner.
    return updateJobs({
      data: args.data,
      req: args.req,
      returning: args.returning,
      sort: args.sort,
      where: { id: { in: rows.map((row) => Number(row.id)) } },
      limit: rows.length,
    })
  }) as UpdateJobs
}
