import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * One row per scheduled run (task, time) that an instance queued: every instance looks at the
 * schedules each minute, and the first to insert the row is the one that queues the job.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE TABLE "scheduled_run_claims" (
    "task" varchar NOT NULL,
    "run_at" timestamp(3) with time zone NOT NULL,
    "claimed_at" timestamp(3) with time zone NOT NULL DEFAULT now(),
    PRIMARY KEY ("task", "run_at")
  );
  CREATE INDEX "scheduled_run_claims_claimed_at_idx" ON "scheduled_run_claims" USING btree ("claimed_at");`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP TABLE "scheduled_run_claims";`)
}
