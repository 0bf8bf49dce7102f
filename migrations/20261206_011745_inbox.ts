import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_interactions_network" AS ENUM('facebook', 'instagram', 'x', 'linkedin', 'youtube', 'tiktok');
  CREATE TYPE "public"."enum_interactions_kind" AS ENUM('comment', 'reply', 'dm', 'mention', 'review');
  CREATE TYPE "public"."enum_interactions_language" AS ENUM('fr', 'ar', 'ary_arabic', 'ary_latin', 'other');
  CREATE TYPE "public"."enum_interactions_arrived_by" AS ENUM('webhook', 'poll', 'import');
  CREATE TYPE "public"."enum_interactions_moderation_category" AS ENUM('hate', 'defamation', 'misinformation', 'harassment', 'spam', 'personal_data', 'off_topic');
  CREATE TYPE "public"."enum_interactions_moderation_action" AS ENUM('hide', 'flag', 'escalate', 'suggest_reply', 'mark_done');
  CREATE TYPE "public"."enum_interactions_moderation_severity" AS ENUM('low', 'medium', 'high', 'critical');
  CREATE TYPE "public"."enum_interactions_status" AS ENUM('new', 'assigned', 'waiting', 'answered', 'escalated', 'hidden', 'closed');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'processInboundDeliveries';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'processInboundDeliveries';
  CREATE TABLE "interactions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"network" "enum_interactions_network" NOT NULL,
  	"account_id" integer,
  	"account_remote_id" varchar NOT NULL,
  	"kind" "enum_interactions_kind" NOT NULL,
  	"remote_id" varchar NOT NULL,
  	"parent_remote_id" varchar,
  	"post_remote_id" varchar,
  	"variant_id" integer,
  	"author_pseudonym" varchar,
  	"author_handle" varchar,
  	"from_account_itself" boolean DEFAULT false,
  	"text" varchar,
  	"language" "enum_interactions_language",
  	"arrived_by" "enum_interactions_arrived_by",
  	"received_at" timestamp(3) with time zone NOT NULL,
  	"remote_created_at" timestamp(3) with time zone,
  	"remote_updated_at" timestamp(3) with time zone,
  	"removed_on_network_at" timestamp(3) with time zone,
  	"hidden_on_network" boolean DEFAULT false,
  	"moderation_decided_at" timestamp(3) with time zone,
  	"moderation_flagged" boolean DEFAULT false,
  	"moderation_category" "enum_interactions_moderation_category",
  	"moderation_action" "enum_interactions_moderation_action",
  	"moderation_severity" "enum_interactions_moderation_severity",
  	"moderation_rule_ids" varchar,
  	"moderation_spans" jsonb,
  	"status" "enum_interactions_status" DEFAULT 'new' NOT NULL,
  	"reviewed" boolean DEFAULT false,
  	"assignee_id" integer,
  	"sla_due_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "interactions_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "inbound_deliveries" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"source" varchar NOT NULL,
  	"delivery_key" varchar NOT NULL,
  	"body" jsonb NOT NULL,
  	"received_at" timestamp(3) with time zone NOT NULL,
  	"claimed_until" timestamp(3) with time zone,
  	"processed_at" timestamp(3) with time zone,
  	"attempts" numeric DEFAULT 0,
  	"last_error" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "interactions_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "inbound_deliveries_id" integer;
  ALTER TABLE "interactions" ADD CONSTRAINT "interactions_account_id_network_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."network_accounts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "interactions" ADD CONSTRAINT "interactions_variant_id_platform_variants_id_fk" FOREIGN KEY ("variant_id") REFERENCES "public"."platform_variants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "interactions" ADD CONSTRAINT "interactions_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "interactions_texts" ADD CONSTRAINT "interactions_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."interactions"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "interactions_network_idx" ON "interactions" USING btree ("network");
  CREATE INDEX "interactions_account_idx" ON "interactions" USING btree ("account_id");
  CREATE INDEX "interactions_parent_remote_id_idx" ON "interactions" USING btree ("parent_remote_id");
  CREATE INDEX "interactions_post_remote_id_idx" ON "interactions" USING btree ("post_remote_id");
  CREATE INDEX "interactions_variant_idx" ON "interactions" USING btree ("variant_id");
  CREATE INDEX "interactions_author_pseudonym_idx" ON "interactions" USING btree ("author_pseudonym");
  CREATE INDEX "interactions_language_idx" ON "interactions" USING btree ("language");
  CREATE INDEX "interactions_received_at_idx" ON "interactions" USING btree ("received_at");
  CREATE INDEX "interactions_moderation_moderation_flagged_idx" ON "interactions" USING btree ("moderation_flagged");
  CREATE INDEX "interactions_moderation_moderation_category_idx" ON "interactions" USING btree ("moderation_category");
  CREATE INDEX "interactions_status_idx" ON "interactions" USING btree ("status");
  CREATE INDEX "interactions_assignee_idx" ON "interactions" USING btree ("assignee_id");
  CREATE INDEX "interactions_sla_due_at_idx" ON "interactions" USING btree ("sla_due_at");
  CREATE INDEX "interactions_updated_at_idx" ON "interactions" USING btree ("updated_at");
  CREATE INDEX "interactions_created_at_idx" ON "interactions" USING btree ("created_at");
  CREATE UNIQUE INDEX "network_remoteId_idx" ON "interactions" USING btree ("network","remote_id");
  CREATE INDEX "interactions_texts_order_parent" ON "interactions_texts" USING btree ("order","parent_id");
  CREATE UNIQUE INDEX "inbound_deliveries_delivery_key_idx" ON "inbound_deliveries" USING btree ("delivery_key");
  CREATE INDEX "inbound_deliveries_updated_at_idx" ON "inbound_deliveries" USING btree ("updated_at");
  CREATE INDEX "inbound_deliveries_created_at_idx" ON "inbound_deliveries" USING btree ("created_at");
  CREATE INDEX "processedAt_claimedUntil_idx" ON "inbound_deliveries" USING btree ("processed_at","claimed_until");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_interactions_fk" FOREIGN KEY ("interactions_id") REFERENCES "public"."interactions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_inbound_deliveries_fk" FOREIGN KEY ("inbound_deliveries_id") REFERENCES "public"."inbound_deliveries"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_interactions_id_idx" ON "payload_locked_documents_rels" USING btree ("interactions_id");
  CREATE INDEX "payload_locked_documents_rels_inbound_deliveries_id_idx" ON "payload_locked_documents_rels" USING btree ("inbound_deliveries_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "interactions" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "interactions_texts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "inbound_deliveries" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "interactions" CASCADE;
  DROP TABLE "interactions_texts" CASCADE;
  DROP TABLE "inbound_deliveries" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_interactions_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_inbound_deliveries_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'notifyWorkflowTransition', 'deliverPublicationWebhook', 'purgeModerationLogExcerpts');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'notifyWorkflowTransition', 'deliverPublicationWebhook', 'purgeModerationLogExcerpts');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_interactions_id_idx";
  DROP INDEX "payload_locked_documents_rels_inbound_deliveries_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "interactions_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "inbound_deliveries_id";
  DROP TYPE "public"."enum_interactions_network";
  DROP TYPE "public"."enum_interactions_kind";
  DROP TYPE "public"."enum_interactions_language";
  DROP TYPE "public"."enum_interactions_arrived_by";
  DROP TYPE "public"."enum_interactions_moderation_category";
  DROP TYPE "public"."enum_interactions_moderation_action";
  DROP TYPE "public"."enum_interactions_moderation_severity";
  DROP TYPE "public"."enum_interactions_status";`)
}
