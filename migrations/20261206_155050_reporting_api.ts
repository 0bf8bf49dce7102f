import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

import { metricCounts } from '../plugins/campaign-ops/reporting/metric-components'
import type { Network } from '../plugins/campaign-ops/networks/registry'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "metric_snapshots" ADD COLUMN "impressions" numeric;
  ALTER TABLE "metric_snapshots" ADD COLUMN "reach" numeric;
  ALTER TABLE "metric_snapshots" ADD COLUMN "reactions" numeric;
  ALTER TABLE "metric_snapshots" ADD COLUMN "comments" numeric;
  ALTER TABLE "metric_snapshots" ADD COLUMN "shares" numeric;
  ALTER TABLE "metric_snapshots" ADD COLUMN "saves" numeric;
  ALTER TABLE "metric_snapshots" ADD COLUMN "clicks" numeric;
  ALTER TABLE "metric_snapshots" ADD COLUMN "video_views" numeric;
  ALTER TABLE "metric_snapshots" ADD COLUMN "interactions" numeric;
  CREATE INDEX "platform_variants_published_at_idx" ON "platform_variants" USING btree ("published_at");
  CREATE INDEX "moderation_log_item_ref_idx" ON "moderation_log" USING btree ("item_ref");
  CREATE TABLE "report_api_rate_limits" (
    "key" varchar(255) PRIMARY KEY,
    "points" integer NOT NULL DEFAULT 0,
    "expire" bigint
  );
  CREATE TABLE "report_api_calls" (
    "user_id" integer NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
    "day" date NOT NULL,
    "route" varchar NOT NULL,
    "calls" integer NOT NULL DEFAULT 0,
    PRIMARY KEY ("user_id", "day", "route")
  );`)
  // Snapshots taken before the common components existed get them from their stored values.
  const { rows } = await db.execute(sql`SELECT "id", "network", "values" FROM "metric_snapshots"`)
  for (const row of rows as Array<{ id: number; network: Network; values: Record<string, unknown> }>) {
    const counts = metricCounts(row.network, row.values ?? {})
    await db.execute(sql`UPDATE "metric_snapshots" SET
      "impressions" = ${counts.impressions}, "reach" = ${counts.reach}, "reactions" = ${counts.reactions}, "comments" = ${counts.comments},
      "shares" = ${counts.shares}, "saves" = ${counts.saves}, "clicks" = ${counts.clicks}, "video_views" = ${counts.videoViews},
      "interactions" = ${counts.interactions} WHERE "id" = ${row.id}`)
  }
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "report_api_calls";
  DROP TABLE "report_api_rate_limits";
  DROP INDEX "platform_variants_published_at_idx";
  DROP INDEX "moderation_log_item_ref_idx";
  ALTER TABLE "metric_snapshots" DROP COLUMN "impressions";
  ALTER TABLE "metric_snapshots" DROP COLUMN "reach";
  ALTER TABLE "metric_snapshots" DROP COLUMN "reactions";
  ALTER TABLE "metric_snapshots" DROP COLUMN "comments";
  ALTER TABLE "metric_snapshots" DROP COLUMN "shares";
  ALTER TABLE "metric_snapshots" DROP COLUMN "saves";
  ALTER TABLE "metric_snapshots" DROP COLUMN "clicks";
  ALTER TABLE "metric_snapshots" DROP COLUMN "video_views";
  ALTER TABLE "metric_snapshots" DROP COLUMN "interactions";`)
}
