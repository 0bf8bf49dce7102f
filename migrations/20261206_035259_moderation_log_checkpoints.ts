import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'checkpointModerationLog' BEFORE 'processInboundDeliveries';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'checkpointModerationLog' BEFORE 'processInboundDeliveries';
  CREATE TABLE "moderation_log_checkpoints" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"sequence" numeric NOT NULL,
  	"hash" varchar NOT NULL,
  	"recorded_at" timestamp(3) with time zone NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "moderation_log_checkpoints_id" integer;
  CREATE INDEX "moderation_log_checkpoints_sequence_idx" ON "moderation_log_checkpoints" USING btree ("sequence");
  CREATE INDEX "moderation_log_checkpoints_updated_at_idx" ON "moderation_log_checkpoints" USING btree ("updated_at");
  CREATE INDEX "moderation_log_checkpoints_created_at_idx" ON "moderation_log_checkpoints" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_moderation_log_checkpoints_fk" FOREIGN KEY ("moderation_log_checkpoints_id") REFERENCES "public"."moderation_log_checkpoints"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_moderation_log_checkpoints_idx" ON "payload_locked_documents_rels" USING btree ("moderation_log_checkpoints_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "moderation_log_checkpoints" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "moderation_log_checkpoints" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_moderation_log_checkpoints_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'notifyWorkflowTransition', 'deliverPublicationWebhook', 'purgeModerationLogExcerpts', 'processInboundDeliveries', 'notifyInboxEscalation', 'notifyInboxSilence', 'pollInboundComments', 'resumeInboxImports', 'purgeInboxPersonalData');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'notifyWorkflowTransition', 'deliverPublicationWebhook', 'purgeModerationLogExcerpts', 'processInboundDeliveries', 'notifyInboxEscalation', 'notifyInboxSilence', 'pollInboundComments', 'resumeInboxImports', 'purgeInboxPersonalData');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_moderation_log_checkpoints_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "moderation_log_checkpoints_id";`)
}
