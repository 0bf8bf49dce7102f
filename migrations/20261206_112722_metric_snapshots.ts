import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_metric_snapshots_network" AS ENUM('facebook', 'instagram', 'x', 'linkedin', 'youtube', 'tiktok');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'pullPostMetrics';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'pullPostMetrics';
  CREATE TABLE "metric_snapshots" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"network" "enum_metric_snapshots_network" NOT NULL,
  	"account_id" integer,
  	"variant_id" integer,
  	"remote_id" varchar NOT NULL,
  	"values" jsonb NOT NULL,
  	"fetched_at" timestamp(3) with time zone NOT NULL,
  	"definition_date" timestamp(3) with time zone NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "metric_snapshots_id" integer;
  ALTER TABLE "metric_snapshots" ADD CONSTRAINT "metric_snapshots_account_id_network_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."network_accounts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "metric_snapshots" ADD CONSTRAINT "metric_snapshots_variant_id_platform_variants_id_fk" FOREIGN KEY ("variant_id") REFERENCES "public"."platform_variants"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "metric_snapshots_account_idx" ON "metric_snapshots" USING btree ("account_id");
  CREATE INDEX "metric_snapshots_variant_idx" ON "metric_snapshots" USING btree ("variant_id");
  CREATE INDEX "metric_snapshots_fetched_at_idx" ON "metric_snapshots" USING btree ("fetched_at");
  CREATE INDEX "metric_snapshots_updated_at_idx" ON "metric_snapshots" USING btree ("updated_at");
  CREATE INDEX "metric_snapshots_created_at_idx" ON "metric_snapshots" USING btree ("created_at");
  CREATE INDEX "variant_fetchedAt_idx" ON "metric_snapshots" USING btree ("variant_id","fetched_at");
  CREATE INDEX "network_remoteId_fetchedAt_idx" ON "metric_snapshots" USING btree ("network","remote_id","fetched_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_metric_snapshots_fk" FOREIGN KEY ("metric_snapshots_id") REFERENCES "public"."metric_snapshots"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_metric_snapshots_id_idx" ON "payload_locked_documents_rels" USING btree ("metric_snapshots_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "metric_snapshots" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "metric_snapshots" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_metric_snapshots_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'notifyWorkflowTransition', 'deliverPublicationWebhook', 'purgeModerationLogExcerpts', 'checkpointModerationLog', 'processInboundDeliveries', 'notifyInboxEscalation', 'notifyInboxSilence', 'pollInboundComments', 'resumeInboxImports', 'purgeInboxPersonalData');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'notifyWorkflowTransition', 'deliverPublicationWebhook', 'purgeModerationLogExcerpts', 'checkpointModerationLog', 'processInboundDeliveries', 'notifyInboxEscalation', 'notifyInboxSilence', 'pollInboundComments', 'resumeInboxImports', 'purgeInboxPersonalData');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_metric_snapshots_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "metric_snapshots_id";
  DROP TYPE "public"."enum_metric_snapshots_network";`)
}
