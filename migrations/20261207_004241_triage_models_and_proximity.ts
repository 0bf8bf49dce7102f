import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_moderation_rules_proximity_any_of_language" AS ENUM('fr', 'ar', 'ary');
  CREATE TYPE "public"."enum_moderation_rules_proximity_any_of_script" AS ENUM('latin', 'arabic');
  CREATE TYPE "public"."enum_moderation_rules_proximity_near_any_of_language" AS ENUM('fr', 'ar', 'ary');
  CREATE TYPE "public"."enum_moderation_rules_proximity_near_any_of_script" AS ENUM('latin', 'arabic');
  CREATE TYPE "public"."enum_moderation_models_classes_class_name" AS ENUM('hostile', 'misinformation');
  CREATE TYPE "public"."enum_moderation_models_classes_status" AS ENUM('ready', 'precision_not_reached', 'too_few_examples');
  CREATE TYPE "public"."enum_moderation_models_status" AS ENUM('candidate', 'active', 'retired');
  CREATE TYPE "public"."enum_moderation_models_trigger" AS ENUM('schedule', 'request');
  ALTER TYPE "public"."enum_moderation_log_kind" ADD VALUE 'model_change';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'trainModerationModel';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'trainModerationModel';
  CREATE TABLE "moderation_rules_proximity_any_of" (
  	"_order" integer NOT NULL,
  	"_parent_id" varchar NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"text" varchar NOT NULL,
  	"language" "enum_moderation_rules_proximity_any_of_language" DEFAULT 'fr' NOT NULL,
  	"script" "enum_moderation_rules_proximity_any_of_script" DEFAULT 'latin' NOT NULL,
  	"note" varchar
  );
  
  CREATE TABLE "moderation_rules_proximity_near_any_of" (
  	"_order" integer NOT NULL,
  	"_parent_id" varchar NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"text" varchar NOT NULL,
  	"language" "enum_moderation_rules_proximity_near_any_of_language" DEFAULT 'fr' NOT NULL,
  	"script" "enum_moderation_rules_proximity_near_any_of_script" DEFAULT 'latin' NOT NULL,
  	"note" varchar
  );
  
  CREATE TABLE "moderation_rules_proximity" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"within" numeric DEFAULT 6 NOT NULL,
  	"note" varchar
  );
  
  CREATE TABLE "moderation_models_classes" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"class_name" "enum_moderation_models_classes_class_name" NOT NULL,
  	"status" "enum_moderation_models_classes_status" NOT NULL,
  	"positives" numeric,
  	"negatives" numeric,
  	"precision" numeric,
  	"recall" numeric,
  	"f1" numeric,
  	"threshold" numeric
  );
  
  CREATE TABLE "moderation_models" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"version" numeric NOT NULL,
  	"title" varchar NOT NULL,
  	"status" "enum_moderation_models_status" DEFAULT 'candidate' NOT NULL,
  	"activatable" boolean DEFAULT false,
  	"trigger" "enum_moderation_models_trigger" NOT NULL,
  	"requested_by_id" integer,
  	"trained_at" timestamp(3) with time zone NOT NULL,
  	"training_seconds" numeric,
  	"training_size" numeric,
  	"label_counts_hostile" numeric,
  	"label_counts_misinformation" numeric,
  	"label_counts_ok" numeric,
  	"target_precision" numeric,
  	"activated_at" timestamp(3) with time zone,
  	"activated_by_id" integer,
  	"retired_at" timestamp(3) with time zone,
  	"retired_by_id" integer,
  	"model" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "interactions" ADD COLUMN "moderation_risk" numeric;
  ALTER TABLE "interactions" ADD COLUMN "moderation_model_version" numeric;
  ALTER TABLE "interactions" ADD COLUMN "moderation_model_raised" varchar;
  ALTER TABLE "interactions" ADD COLUMN "moderation_model_words" jsonb;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "moderation_models_id" integer;
  ALTER TABLE "moderation_rules_proximity_any_of" ADD CONSTRAINT "moderation_rules_proximity_any_of_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."moderation_rules_proximity"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "moderation_rules_proximity_near_any_of" ADD CONSTRAINT "moderation_rules_proximity_near_any_of_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."moderation_rules_proximity"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "moderation_rules_proximity" ADD CONSTRAINT "moderation_rules_proximity_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."moderation_rules"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "moderation_models_classes" ADD CONSTRAINT "moderation_models_classes_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."moderation_models"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "moderation_models" ADD CONSTRAINT "moderation_models_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "moderation_models" ADD CONSTRAINT "moderation_models_activated_by_id_users_id_fk" FOREIGN KEY ("activated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "moderation_models" ADD CONSTRAINT "moderation_models_retired_by_id_users_id_fk" FOREIGN KEY ("retired_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "moderation_rules_proximity_any_of_order_idx" ON "moderation_rules_proximity_any_of" USING btree ("_order");
  CREATE INDEX "moderation_rules_proximity_any_of_parent_id_idx" ON "moderation_rules_proximity_any_of" USING btree ("_parent_id");
  CREATE INDEX "moderation_rules_proximity_near_any_of_order_idx" ON "moderation_rules_proximity_near_any_of" USING btree ("_order");
  CREATE INDEX "moderation_rules_proximity_near_any_of_parent_id_idx" ON "moderation_rules_proximity_near_any_of" USING btree ("_parent_id");
  CREATE INDEX "moderation_rules_proximity_order_idx" ON "moderation_rules_proximity" USING btree ("_order");
  CREATE INDEX "moderation_rules_proximity_parent_id_idx" ON "moderation_rules_proximity" USING btree ("_parent_id");
  CREATE INDEX "moderation_models_classes_order_idx" ON "moderation_models_classes" USING btree ("_order");
  CREATE INDEX "moderation_models_classes_parent_id_idx" ON "moderation_models_classes" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "moderation_models_version_idx" ON "moderation_models" USING btree ("version");
  CREATE INDEX "moderation_models_status_idx" ON "moderation_models" USING btree ("status");
  CREATE INDEX "moderation_models_requested_by_idx" ON "moderation_models" USING btree ("requested_by_id");
  CREATE INDEX "moderation_models_trained_at_idx" ON "moderation_models" USING btree ("trained_at");
  CREATE INDEX "moderation_models_activated_by_idx" ON "moderation_models" USING btree ("activated_by_id");
  CREATE INDEX "moderation_models_retired_by_idx" ON "moderation_models" USING btree ("retired_by_id");
  CREATE INDEX "moderation_models_updated_at_idx" ON "moderation_models" USING btree ("updated_at");
  CREATE INDEX "moderation_models_created_at_idx" ON "moderation_models" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_moderation_models_fk" FOREIGN KEY ("moderation_models_id") REFERENCES "public"."moderation_models"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "interactions_moderation_moderation_risk_idx" ON "interactions" USING btree ("moderation_risk");
  CREATE INDEX "payload_locked_documents_rels_moderation_models_id_idx" ON "payload_locked_documents_rels" USING btree ("moderation_models_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "moderation_rules_proximity_any_of" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "moderation_rules_proximity_near_any_of" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "moderation_rules_proximity" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "moderation_models_classes" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "moderation_models" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "moderation_rules_proximity_any_of" CASCADE;
  DROP TABLE "moderation_rules_proximity_near_any_of" CASCADE;
  DROP TABLE "moderation_rules_proximity" CASCADE;
  DROP TABLE "moderation_models_classes" CASCADE;
  DROP TABLE "moderation_models" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_moderation_models_fk";
  
  ALTER TABLE "moderation_log" ALTER COLUMN "kind" SET DATA TYPE text;
  DROP TYPE "public"."enum_moderation_log_kind";
  CREATE TYPE "public"."enum_moderation_log_kind" AS ENUM('decision', 'hide', 'unhide', 'delete', 'escalate', 'assign', 'status', 'reply', 'restore', 'rule_change', 'retention_purge', 'crisis_alert');
  ALTER TABLE "moderation_log" ALTER COLUMN "kind" SET DATA TYPE "public"."enum_moderation_log_kind" USING "kind"::"public"."enum_moderation_log_kind";
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'notifyWorkflowTransition', 'deliverPublicationWebhook', 'purgeModerationLogExcerpts', 'checkpointModerationLog', 'processInboundDeliveries', 'notifyInboxEscalation', 'notifyInboxSilence', 'pollInboundComments', 'resumeInboxImports', 'purgeInboxPersonalData', 'pullPostMetrics', 'queuePeriodicReports', 'resumeMetricImports', 'deliverPeriodicReport', 'watchForCrises', 'mailCrisisAlert');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'notifyWorkflowTransition', 'deliverPublicationWebhook', 'purgeModerationLogExcerpts', 'checkpointModerationLog', 'processInboundDeliveries', 'notifyInboxEscalation', 'notifyInboxSilence', 'pollInboundComments', 'resumeInboxImports', 'purgeInboxPersonalData', 'pullPostMetrics', 'queuePeriodicReports', 'resumeMetricImports', 'deliverPeriodicReport', 'watchForCrises', 'mailCrisisAlert');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "interactions_moderation_moderation_risk_idx";
  DROP INDEX "payload_locked_documents_rels_moderation_models_id_idx";
  ALTER TABLE "interactions" DROP COLUMN "moderation_risk";
  ALTER TABLE "interactions" DROP COLUMN "moderation_model_version";
  ALTER TABLE "interactions" DROP COLUMN "moderation_model_raised";
  ALTER TABLE "interactions" DROP COLUMN "moderation_model_words";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "moderation_models_id";
  DROP TYPE "public"."enum_moderation_rules_proximity_any_of_language";
  DROP TYPE "public"."enum_moderation_rules_proximity_any_of_script";
  DROP TYPE "public"."enum_moderation_rules_proximity_near_any_of_language";
  DROP TYPE "public"."enum_moderation_rules_proximity_near_any_of_script";
  DROP TYPE "public"."enum_moderation_models_classes_class_name";
  DROP TYPE "public"."enum_moderation_models_classes_status";
  DROP TYPE "public"."enum_moderation_models_status";
  DROP TYPE "public"."enum_moderation_models_trigger";`)
}
