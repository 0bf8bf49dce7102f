import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_interaction_evidence_action" AS ENUM('hide', 'delete');
  ALTER TYPE "public"."enum_moderation_log_kind" ADD VALUE 'delete' BEFORE 'escalate';
  ALTER TYPE "public"."enum_moderation_log_kind" ADD VALUE 'assign' BEFORE 'reply';
  ALTER TYPE "public"."enum_moderation_log_kind" ADD VALUE 'status' BEFORE 'reply';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'notifyInboxEscalation';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'purgeInboxPersonalData';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'notifyInboxEscalation';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'purgeInboxPersonalData';
  CREATE TABLE "interaction_evidence" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"interaction_id" integer,
  	"network" varchar NOT NULL,
  	"remote_id" varchar NOT NULL,
  	"text" varchar,
  	"author_handle" varchar,
  	"author_pseudonym" varchar,
  	"permalink" varchar,
  	"written_at" timestamp(3) with time zone,
  	"action" "enum_interaction_evidence_action" NOT NULL,
  	"reason" varchar,
  	"captured_by_id" integer,
  	"captured_at" timestamp(3) with time zone NOT NULL,
  	"expires_at" timestamp(3) with time zone NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "interactions" ADD COLUMN "network_action_error" varchar;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "interaction_evidence_id" integer;
  ALTER TABLE "interaction_evidence" ADD CONSTRAINT "interaction_evidence_interaction_id_interactions_id_fk" FOREIGN KEY ("interaction_id") REFERENCES "public"."interactions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "interaction_evidence" ADD CONSTRAINT "interaction_evidence_captured_by_id_users_id_fk" FOREIGN KEY ("captured_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "interaction_evidence_interaction_idx" ON "interaction_evidence" USING btree ("interaction_id");
  CREATE INDEX "interaction_evidence_captured_by_idx" ON "interaction_evidence" USING btree ("captured_by_id");
  CREATE INDEX "interaction_evidence_captured_at_idx" ON "interaction_evidence" USING btree ("captured_at");
  CREATE INDEX "interaction_evidence_expires_at_idx" ON "interaction_evidence" USING btree ("expires_at");
  CREATE INDEX "interaction_evidence_updated_at_idx" ON "interaction_evidence" USING btree ("updated_at");
  CREATE INDEX "interaction_evidence_created_at_idx" ON "interaction_evidence" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_interaction_evidence_fk" FOREIGN KEY ("interaction_evidence_id") REFERENCES "public"."interaction_evidence"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_interaction_evidence_id_idx" ON "payload_locked_documents_rels" USING btree ("interaction_evidence_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "interaction_evidence" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "interaction_evidence" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_interaction_evidence_fk";
  
  ALTER TABLE "moderation_log" ALTER COLUMN "kind" SET DATA TYPE text;
  DROP TYPE "public"."enum_moderation_log_kind";
  CREATE TYPE "public"."enum_moderation_log_kind" AS ENUM('decision', 'hide', 'unhide', 'escalate', 'reply', 'restore', 'rule_change', 'retention_purge');
  ALTER TABLE "moderation_log" ALTER COLUMN "kind" SET DATA TYPE "public"."enum_moderation_log_kind" USING "kind"::"public"."enum_moderation_log_kind";
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'notifyWorkflowTransition', 'deliverPublicationWebhook', 'purgeModerationLogExcerpts', 'processInboundDeliveries');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'notifyWorkflowTransition', 'deliverPublicationWebhook', 'purgeModerationLogExcerpts', 'processInboundDeliveries');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_interaction_evidence_id_idx";
  ALTER TABLE "interactions" DROP COLUMN "network_action_error";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "interaction_evidence_id";
  DROP TYPE "public"."enum_interaction_evidence_action";`)
}
