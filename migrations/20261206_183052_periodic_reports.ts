import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_report_subscriptions_platforms" AS ENUM('facebook', 'instagram', 'x', 'linkedin', 'youtube', 'tiktok');
  CREATE TYPE "public"."enum_report_subscriptions_languages" AS ENUM('fr', 'ar', 'ary');
  CREATE TYPE "public"."enum_report_subscriptions_audiences" AS ENUM('general_public', 'journalists', 'students', 'associations', 'professionals');
  CREATE TYPE "public"."enum_report_subscriptions_formats" AS ENUM('post', 'infographic', 'short_video', 'animated_video', 'story', 'carousel', 'article', 'live');
  CREATE TYPE "public"."enum_report_subscriptions_frequency" AS ENUM('weekly', 'monthly');
  CREATE TYPE "public"."enum_periodic_reports_kind" AS ENUM('weekly', 'monthly', 'on_demand');
  CREATE TYPE "public"."enum_periodic_reports_language" AS ENUM('fr', 'ar', 'en');
  CREATE TYPE "public"."enum_periodic_reports_status" AS ENUM('stored', 'sent', 'failed');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'queuePeriodicReports';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'deliverPeriodicReport';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'queuePeriodicReports';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'deliverPeriodicReport';
  CREATE TABLE "report_subscriptions_platforms" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_report_subscriptions_platforms",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "report_subscriptions_languages" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_report_subscriptions_languages",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "report_subscriptions_audiences" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_report_subscriptions_audiences",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "report_subscriptions_formats" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_report_subscriptions_formats",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "report_subscriptions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"frequency" "enum_report_subscriptions_frequency" DEFAULT 'weekly' NOT NULL,
  	"active" boolean DEFAULT true,
  	"last_period_sent" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "report_subscriptions_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer,
  	"themes_id" integer,
  	"key_moments_id" integer
  );
  
  CREATE TABLE "periodic_reports" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar NOT NULL,
  	"kind" "enum_periodic_reports_kind" NOT NULL,
  	"subscription_id" integer,
  	"period_from" varchar NOT NULL,
  	"period_to" varchar NOT NULL,
  	"language" "enum_periodic_reports_language" NOT NULL,
  	"status" "enum_periodic_reports_status" DEFAULT 'stored' NOT NULL,
  	"sent_at" timestamp(3) with time zone,
  	"failure" varchar,
  	"requested_by_id" integer,
  	"pdf" boolean,
  	"delivery_key" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric
  );
  
  CREATE TABLE "periodic_reports_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "report_subscriptions_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "periodic_reports_id" integer;
  ALTER TABLE "report_subscriptions_platforms" ADD CONSTRAINT "report_subscriptions_platforms_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."report_subscriptions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "report_subscriptions_languages" ADD CONSTRAINT "report_subscriptions_languages_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."report_subscriptions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "report_subscriptions_audiences" ADD CONSTRAINT "report_subscriptions_audiences_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."report_subscriptions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "report_subscriptions_formats" ADD CONSTRAINT "report_subscriptions_formats_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."report_subscriptions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "report_subscriptions_rels" ADD CONSTRAINT "report_subscriptions_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."report_subscriptions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "report_subscriptions_rels" ADD CONSTRAINT "report_subscriptions_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "report_subscriptions_rels" ADD CONSTRAINT "report_subscriptions_rels_themes_fk" FOREIGN KEY ("themes_id") REFERENCES "public"."themes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "report_subscriptions_rels" ADD CONSTRAINT "report_subscriptions_rels_key_moments_fk" FOREIGN KEY ("key_moments_id") REFERENCES "public"."key_moments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "periodic_reports" ADD CONSTRAINT "periodic_reports_subscription_id_report_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."report_subscriptions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "periodic_reports" ADD CONSTRAINT "periodic_reports_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "periodic_reports_rels" ADD CONSTRAINT "periodic_reports_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."periodic_reports"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "periodic_reports_rels" ADD CONSTRAINT "periodic_reports_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "report_subscriptions_platforms_order_idx" ON "report_subscriptions_platforms" USING btree ("order");
  CREATE INDEX "report_subscriptions_platforms_parent_idx" ON "report_subscriptions_platforms" USING btree ("parent_id");
  CREATE INDEX "report_subscriptions_languages_order_idx" ON "report_subscriptions_languages" USING btree ("order");
  CREATE INDEX "report_subscriptions_languages_parent_idx" ON "report_subscriptions_languages" USING btree ("parent_id");
  CREATE INDEX "report_subscriptions_audiences_order_idx" ON "report_subscriptions_audiences" USING btree ("order");
  CREATE INDEX "report_subscriptions_audiences_parent_idx" ON "report_subscriptions_audiences" USING btree ("parent_id");
  CREATE INDEX "report_subscriptions_formats_order_idx" ON "report_subscriptions_formats" USING btree ("order");
  CREATE INDEX "report_subscriptions_formats_parent_idx" ON "report_subscriptions_formats" USING btree ("parent_id");
  CREATE INDEX "report_subscriptions_updated_at_idx" ON "report_subscriptions" USING btree ("updated_at");
  CREATE INDEX "report_subscriptions_created_at_idx" ON "report_subscriptions" USING btree ("created_at");
  CREATE INDEX "report_subscriptions_rels_order_idx" ON "report_subscriptions_rels" USING btree ("order");
  CREATE INDEX "report_subscriptions_rels_parent_idx" ON "report_subscriptions_rels" USING btree ("parent_id");
  CREATE INDEX "report_subscriptions_rels_path_idx" ON "report_subscriptions_rels" USING btree ("path");
  CREATE INDEX "report_subscriptions_rels_users_id_idx" ON "report_subscriptions_rels" USING btree ("users_id");
  CREATE INDEX "report_subscriptions_rels_themes_id_idx" ON "report_subscriptions_rels" USING btree ("themes_id");
  CREATE INDEX "report_subscriptions_rels_key_moments_id_idx" ON "report_subscriptions_rels" USING btree ("key_moments_id");
  CREATE INDEX "periodic_reports_subscription_idx" ON "periodic_reports" USING btree ("subscription_id");
  CREATE INDEX "periodic_reports_requested_by_idx" ON "periodic_reports" USING btree ("requested_by_id");
  CREATE UNIQUE INDEX "periodic_reports_delivery_key_idx" ON "periodic_reports" USING btree ("delivery_key");
  CREATE INDEX "periodic_reports_updated_at_idx" ON "periodic_reports" USING btree ("updated_at");
  CREATE INDEX "periodic_reports_created_at_idx" ON "periodic_reports" USING btree ("created_at");
  CREATE UNIQUE INDEX "periodic_reports_filename_idx" ON "periodic_reports" USING btree ("filename");
  CREATE INDEX "periodic_reports_rels_order_idx" ON "periodic_reports_rels" USING btree ("order");
  CREATE INDEX "periodic_reports_rels_parent_idx" ON "periodic_reports_rels" USING btree ("parent_id");
  CREATE INDEX "periodic_reports_rels_path_idx" ON "periodic_reports_rels" USING btree ("path");
  CREATE INDEX "periodic_reports_rels_users_id_idx" ON "periodic_reports_rels" USING btree ("users_id");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_report_subscriptions_fk" FOREIGN KEY ("report_subscriptions_id") REFERENCES "public"."report_subscriptions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_periodic_reports_fk" FOREIGN KEY ("periodic_reports_id") REFERENCES "public"."periodic_reports"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_report_subscriptions_id_idx" ON "payload_locked_documents_rels" USING btree ("report_subscriptions_id");
  CREATE INDEX "payload_locked_documents_rels_periodic_reports_id_idx" ON "payload_locked_documents_rels" USING btree ("periodic_reports_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "report_subscriptions_platforms" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "report_subscriptions_languages" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "report_subscriptions_audiences" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "report_subscriptions_formats" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "report_subscriptions" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "report_subscriptions_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "periodic_reports" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "periodic_reports_rels" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "report_subscriptions_platforms" CASCADE;
  DROP TABLE "report_subscriptions_languages" CASCADE;
  DROP TABLE "report_subscriptions_audiences" CASCADE;
  DROP TABLE "report_subscriptions_formats" CASCADE;
  DROP TABLE "report_subscriptions" CASCADE;
  DROP TABLE "report_subscriptions_rels" CASCADE;
  DROP TABLE "periodic_reports" CASCADE;
  DROP TABLE "periodic_reports_rels" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_report_subscriptions_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_periodic_reports_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'notifyWorkflowTransition', 'deliverPublicationWebhook', 'purgeModerationLogExcerpts', 'checkpointModerationLog', 'processInboundDeliveries', 'notifyInboxEscalation', 'notifyInboxSilence', 'pollInboundComments', 'resumeInboxImports', 'purgeInboxPersonalData', 'pullPostMetrics');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'notifyWorkflowTransition', 'deliverPublicationWebhook', 'purgeModerationLogExcerpts', 'checkpointModerationLog', 'processInboundDeliveries', 'notifyInboxEscalation', 'notifyInboxSilence', 'pollInboundComments', 'resumeInboxImports', 'purgeInboxPersonalData', 'pullPostMetrics');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_report_subscriptions_id_idx";
  DROP INDEX "payload_locked_documents_rels_periodic_reports_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "report_subscriptions_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "periodic_reports_id";
  DROP TYPE "public"."enum_report_subscriptions_platforms";
  DROP TYPE "public"."enum_report_subscriptions_languages";
  DROP TYPE "public"."enum_report_subscriptions_audiences";
  DROP TYPE "public"."enum_report_subscriptions_formats";
  DROP TYPE "public"."enum_report_subscriptions_frequency";
  DROP TYPE "public"."enum_periodic_reports_kind";
  DROP TYPE "public"."enum_periodic_reports_language";
  DROP TYPE "public"."enum_periodic_reports_status";`)
}
