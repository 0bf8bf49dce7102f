import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'pollInboundComments' BEFORE 'purgeInboxPersonalData';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'pollInboundComments' BEFORE 'purgeInboxPersonalData';
  CREATE TABLE "inbox_sync" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"network" varchar NOT NULL,
  	"account_remote_id" varchar NOT NULL,
  	"post_remote_id" varchar NOT NULL,
  	"last_webhook_at" timestamp(3) with time zone,
  	"last_poll_at" timestamp(3) with time zone,
  	"found_only_by_polling" numeric DEFAULT 0,
  	"last_poll_error" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "inbox_sync_id" integer;
  CREATE INDEX "inbox_sync_updated_at_idx" ON "inbox_sync" USING btree ("updated_at");
  CREATE INDEX "inbox_sync_created_at_idx" ON "inbox_sync" USING btree ("created_at");
  CREATE UNIQUE INDEX "network_accountRemoteId_postRemoteId_idx" ON "inbox_sync" USING btree ("network","account_remote_id","post_remote_id");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_inbox_sync_fk" FOREIGN KEY ("inbox_sync_id") REFERENCES "public"."inbox_sync"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_inbox_sync_id_idx" ON "payload_locked_documents_rels" USING btree ("inbox_sync_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "inbox_sync" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "inbox_sync" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_inbox_sync_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'notifyWorkflowTransition', 'deliverPublicationWebhook', 'purgeModerationLogExcerpts', 'processInboundDeliveries', 'notifyInboxEscalation', 'purgeInboxPersonalData');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'notifyWorkflowTransition', 'deliverPublicationWebhook', 'purgeModerationLogExcerpts', 'processInboundDeliveries', 'notifyInboxEscalation', 'purgeInboxPersonalData');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_inbox_sync_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "inbox_sync_id";`)
}
