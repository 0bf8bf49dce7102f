import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_metric_snapshots_scope" AS ENUM('post', 'account');
  ALTER TABLE "metric_snapshots" ADD COLUMN "scope" "enum_metric_snapshots_scope" DEFAULT 'post' NOT NULL;
  ALTER TABLE "metric_snapshots" ADD COLUMN "followers" numeric;
  ALTER TABLE "metric_snapshots" ADD COLUMN "period_reach" numeric;
  CREATE INDEX "account_scope_fetchedAt_idx" ON "metric_snapshots" USING btree ("account_id","scope","fetched_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "account_scope_fetchedAt_idx";
  ALTER TABLE "metric_snapshots" DROP COLUMN "scope";
  ALTER TABLE "metric_snapshots" DROP COLUMN "followers";
  ALTER TABLE "metric_snapshots" DROP COLUMN "period_reach";
  DROP TYPE "public"."enum_metric_snapshots_scope";`)
}
