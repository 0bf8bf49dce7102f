import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_metric_snapshots_source" AS ENUM('api', 'import');
  CREATE TYPE "public"."enum_metric_imports_network" AS ENUM('facebook', 'instagram', 'x', 'linkedin', 'youtube', 'tiktok');
  CREATE TYPE "public"."enum_metric_imports_status" AS ENUM('queued', 'running', 'done');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'resumeMetricImports' BEFORE 'deliverPeriodicReport';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'resumeMetricImports' BEFORE 'deliverPeriodicReport';
  CREATE TABLE "metric_imports" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"file_name" varchar,
  	"network" "enum_metric_imports_network" NOT NULL,
  	"status" "enum_metric_imports_status" DEFAULT 'queued' NOT NULL,
  	"total" numeric NOT NULL,
  	"processed" numeric DEFAULT 0,
  	"created" numeric DEFAULT 0,
  	"unmatched" numeric DEFAULT 0,
  	"invalid" numeric DEFAULT 0,
  	"rows" jsonb NOT NULL,
  	"report" jsonb,
  	"claimed_until" timestamp(3) with time zone,
  	"started_by_id" integer,
  	"finished_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "metric_snapshots" ADD COLUMN "source" "enum_metric_snapshots_source" DEFAULT 'api';
  ALTER TABLE "metric_snapshots" ADD COLUMN "import_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "metric_imports_id" integer;
  ALTER TABLE "metric_imports" ADD CONSTRAINT "metric_imports_started_by_id_users_id_fk" FOREIGN KEY ("started_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "metric_imports_started_by_idx" ON "metric_imports" USING btree ("started_by_id");
  CREATE INDEX "metric_imports_updated_at_idx" ON "metric_imports" USING btree ("updated_at");
  CREATE INDEX "metric_imports_created_at_idx" ON "metric_imports" USING btree ("created_at");
  ALTER TABLE "metric_snapshots" ADD CONSTRAINT "metric_snapshots_import_id_metric_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."metric_imports"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_metric_imports_fk" FOREIGN KEY ("metric_imports_id") REFERENCES "public"."metric_imports"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "metric_snapshots_import_idx" ON "metric_snapshots" USING btree ("import_id");
  CREATE INDEX "payload_locked_documents_rels_metric_imports_id_idx" ON "payload_locked_documents_rels" USING btree ("metric_imports_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "metric_imports" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "metric_imports" CASCADE;
  ALTER TABLE "metric_snapshots" DROP CONSTRAINT "metric_snapshots_import_id_metric_imports_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_metric_imports_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'notifyWorkflowTransition', 'deliverPublicationWebhook', 'purgeModerationLogExcerpts', 'checkpointModerationLog', 'processInboundDeliveries', 'notifyInboxEscalation', 'notifyInboxSilence', 'pollInboundComments', 'resumeInboxImports', 'purgeInboxPersonalData', 'pullPostMetrics', 'queuePeriodicReports', 'deliverPeriodicReport');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'notifyWorkflowTransition', 'deliverPublicationWebhook', 'purgeModerationLogExcerpts', 'checkpointModerationLog', 'processInboundDeliveries', 'notifyInboxEscalation', 'notifyInboxSilence', 'pollInboundComments', 'resumeInboxImports', 'purgeInboxPersonalData', 'pullPostMetrics', 'queuePeriodicReports', 'deliverPeriodicReport');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "metric_snapshots_import_idx";
  DROP INDEX "payload_locked_documents_rels_metric_imports_id_idx";
  ALTER TABLE "metric_snapshots" DROP COLUMN "source";
  ALTER TABLE "metric_snapshots" DROP COLUMN "import_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "metric_imports_id";
  DROP TYPE "public"."enum_metric_snapshots_source";
  DROP TYPE "public"."enum_metric_imports_network";
  DROP TYPE "public"."enum_metric_imports_status";`)
}
