import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_crisis_alerts_level" AS ENUM('watch', 'crisis');
  CREATE TYPE "public"."enum_crisis_alerts_status" AS ENUM('open', 'acknowledged', 'resolved');
  CREATE TYPE "public"."enum_crisis_alerts_window" AS ENUM('hour', 'sustained');
  CREATE TYPE "public"."enum_crisis_alerts_method" AS ENUM('poisson', 'zscore');
  CREATE TYPE "public"."enum_crisis_watch_settings_hostile_categories" AS ENUM('hate', 'defamation', 'misinformation', 'harassment', 'spam', 'personal_data', 'off_topic');
  ALTER TYPE "public"."enum_moderation_log_kind" ADD VALUE 'crisis_alert';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'watchForCrises';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'mailCrisisAlert';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'watchForCrises';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'mailCrisisAlert';
  CREATE TABLE "crisis_alerts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"level" "enum_crisis_alerts_level" NOT NULL,
  	"status" "enum_crisis_alerts_status" DEFAULT 'open' NOT NULL,
  	"series" varchar NOT NULL,
  	"subject" jsonb,
  	"window" "enum_crisis_alerts_window",
  	"method" "enum_crisis_alerts_method",
  	"observed" numeric,
  	"expected" numeric,
  	"peak_observed" numeric,
  	"z" numeric,
  	"probability" numeric,
  	"authors" numeric,
  	"share" numeric,
  	"baseline_share" numeric,
  	"window_start" timestamp(3) with time zone,
  	"window_end" timestamp(3) with time zone,
  	"raised_at" timestamp(3) with time zone,
  	"escalated_at" timestamp(3) with time zone,
  	"last_signal_at" timestamp(3) with time zone,
  	"top_terms" jsonb,
  	"examples" jsonb,
  	"acknowledged_at" timestamp(3) with time zone,
  	"acknowledged_by_id" integer,
  	"resolved_at" timestamp(3) with time zone,
  	"resolved_by_id" integer,
  	"resolution_note" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "crisis_alerts_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"platform_variants_id" integer
  );
  
  CREATE TABLE "crisis_watch_settings_hostile_categories" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_crisis_watch_settings_hostile_categories",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "crisis_watch_settings" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"enabled" boolean DEFAULT true,
  	"crisis_sigma" numeric DEFAULT 3,
  	"watch_sigma" numeric DEFAULT 2,
  	"multiplier" numeric DEFAULT 2,
  	"watch_multiplier" numeric DEFAULT 1.5,
  	"watch_window_hours" numeric DEFAULT 6,
  	"minimum_count" numeric DEFAULT 5,
  	"minimum_authors" numeric DEFAULT 5,
  	"share_rise" numeric DEFAULT 1.25,
  	"baseline_days" numeric DEFAULT 14,
  	"warm_up_days" numeric DEFAULT 7,
  	"cooldown_hours" numeric DEFAULT 2,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "crisis_alerts_id" integer;
  ALTER TABLE "crisis_alerts" ADD CONSTRAINT "crisis_alerts_acknowledged_by_id_users_id_fk" FOREIGN KEY ("acknowledged_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "crisis_alerts" ADD CONSTRAINT "crisis_alerts_resolved_by_id_users_id_fk" FOREIGN KEY ("resolved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "crisis_alerts_rels" ADD CONSTRAINT "crisis_alerts_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."crisis_alerts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "crisis_alerts_rels" ADD CONSTRAINT "crisis_alerts_rels_platform_variants_fk" FOREIGN KEY ("platform_variants_id") REFERENCES "public"."platform_variants"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "crisis_watch_settings_hostile_categories" ADD CONSTRAINT "crisis_watch_settings_hostile_categories_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."crisis_watch_settings"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "crisis_alerts_level_idx" ON "crisis_alerts" USING btree ("level");
  CREATE INDEX "crisis_alerts_status_idx" ON "crisis_alerts" USING btree ("status");
  CREATE INDEX "crisis_alerts_series_idx" ON "crisis_alerts" USING btree ("series");
  CREATE INDEX "crisis_alerts_acknowledged_by_idx" ON "crisis_alerts" USING btree ("acknowledged_by_id");
  CREATE INDEX "crisis_alerts_resolved_by_idx" ON "crisis_alerts" USING btree ("resolved_by_id");
  CREATE INDEX "crisis_alerts_updated_at_idx" ON "crisis_alerts" USING btree ("updated_at");
  CREATE INDEX "crisis_alerts_created_at_idx" ON "crisis_alerts" USING btree ("created_at");
  CREATE INDEX "crisis_alerts_rels_order_idx" ON "crisis_alerts_rels" USING btree ("order");
  CREATE INDEX "crisis_alerts_rels_parent_idx" ON "crisis_alerts_rels" USING btree ("parent_id");
  CREATE INDEX "crisis_alerts_rels_path_idx" ON "crisis_alerts_rels" USING btree ("path");
  CREATE INDEX "crisis_alerts_rels_platform_variants_id_idx" ON "crisis_alerts_rels" USING btree ("platform_variants_id");
  CREATE INDEX "crisis_watch_settings_hostile_categories_order_idx" ON "crisis_watch_settings_hostile_categories" USING btree ("order");
  CREATE INDEX "crisis_watch_settings_hostile_categories_parent_idx" ON "crisis_watch_settings_hostile_categories" USING btree ("parent_id");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_crisis_alerts_fk" FOREIGN KEY ("crisis_alerts_id") REFERENCES "public"."crisis_alerts"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_crisis_alerts_id_idx" ON "payload_locked_documents_rels" USING btree ("crisis_alerts_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "crisis_alerts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "crisis_alerts_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "crisis_watch_settings_hostile_categories" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "crisis_watch_settings" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "crisis_alerts" CASCADE;
  DROP TABLE "crisis_alerts_rels" CASCADE;
  DROP TABLE "crisis_watch_settings_hostile_categories" CASCADE;
  DROP TABLE "crisis_watch_settings" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_crisis_alerts_fk";
  
  ALTER TABLE "moderation_log" ALTER COLUMN "kind" SET DATA TYPE text;
  DROP TYPE "public"."enum_moderation_log_kind";
  CREATE TYPE "public"."enum_moderation_log_kind" AS ENUM('decision', 'hide', 'unhide', 'delete', 'escalate', 'assign', 'status', 'reply', 'restore', 'rule_change', 'retention_purge');
  ALTER TABLE "moderation_log" ALTER COLUMN "kind" SET DATA TYPE "public"."enum_moderation_log_kind" USING "kind"::"public"."enum_moderation_log_kind";
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'notifyWorkflowTransition', 'deliverPublicationWebhook', 'purgeModerationLogExcerpts', 'checkpointModerationLog', 'processInboundDeliveries', 'notifyInboxEscalation', 'notifyInboxSilence', 'pollInboundComments', 'resumeInboxImports', 'purgeInboxPersonalData', 'pullPostMetrics', 'queuePeriodicReports', 'resumeMetricImports', 'deliverPeriodicReport');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'notifyWorkflowTransition', 'deliverPublicationWebhook', 'purgeModerationLogExcerpts', 'checkpointModerationLog', 'processInboundDeliveries', 'notifyInboxEscalation', 'notifyInboxSilence', 'pollInboundComments', 'resumeInboxImports', 'purgeInboxPersonalData', 'pullPostMetrics', 'queuePeriodicReports', 'resumeMetricImports', 'deliverPeriodicReport');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_crisis_alerts_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "crisis_alerts_id";
  DROP TYPE "public"."enum_crisis_alerts_level";
  DROP TYPE "public"."enum_crisis_alerts_status";
  DROP TYPE "public"."enum_crisis_alerts_window";
  DROP TYPE "public"."enum_crisis_alerts_method";
  DROP TYPE "public"."enum_crisis_watch_settings_hostile_categories";`)
}
