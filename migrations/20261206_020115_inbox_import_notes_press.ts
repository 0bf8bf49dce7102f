import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_press_mentions_language" AS ENUM('fr', 'ar', 'ary', 'other');
  CREATE TYPE "public"."enum_press_mentions_tone" AS ENUM('positive', 'neutral', 'mixed', 'negative');
  CREATE TYPE "public"."enum_inbox_imports_status" AS ENUM('queued', 'running', 'done');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'resumeInboxImports' BEFORE 'purgeInboxPersonalData';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'resumeInboxImports' BEFORE 'purgeInboxPersonalData';
  CREATE TABLE "interactions_notes" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"text" varchar NOT NULL,
  	"author_id" integer,
  	"at" timestamp(3) with time zone
  );
  
  CREATE TABLE "press_mentions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar NOT NULL,
  	"outlet" varchar NOT NULL,
  	"published_at" timestamp(3) with time zone NOT NULL,
  	"url" varchar,
  	"language" "enum_press_mentions_language" DEFAULT 'fr' NOT NULL,
  	"summary" varchar,
  	"tone" "enum_press_mentions_tone" DEFAULT 'neutral' NOT NULL,
  	"highlighted" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "press_mentions_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"themes_id" integer,
  	"myths_id" integer
  );
  
  CREATE TABLE "inbox_imports" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"file_name" varchar,
  	"network" varchar NOT NULL,
  	"account_remote_id" varchar NOT NULL,
  	"status" "enum_inbox_imports_status" DEFAULT 'queued' NOT NULL,
  	"total" numeric NOT NULL,
  	"processed" numeric DEFAULT 0,
  	"created" numeric DEFAULT 0,
  	"duplicates" numeric DEFAULT 0,
  	"invalid" numeric DEFAULT 0,
  	"rows" jsonb NOT NULL,
  	"report" jsonb,
  	"claimed_until" timestamp(3) with time zone,
  	"started_by_id" integer,
  	"finished_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "press_mentions_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "inbox_imports_id" integer;
  ALTER TABLE "interactions_notes" ADD CONSTRAINT "interactions_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "interactions_notes" ADD CONSTRAINT "interactions_notes_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."interactions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "press_mentions_rels" ADD CONSTRAINT "press_mentions_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."press_mentions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "press_mentions_rels" ADD CONSTRAINT "press_mentions_rels_themes_fk" FOREIGN KEY ("themes_id") REFERENCES "public"."themes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "press_mentions_rels" ADD CONSTRAINT "press_mentions_rels_myths_fk" FOREIGN KEY ("myths_id") REFERENCES "public"."myths"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "inbox_imports" ADD CONSTRAINT "inbox_imports_started_by_id_users_id_fk" FOREIGN KEY ("started_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "interactions_notes_order_idx" ON "interactions_notes" USING btree ("_order");
  CREATE INDEX "interactions_notes_parent_id_idx" ON "interactions_notes" USING btree ("_parent_id");
  CREATE INDEX "interactions_notes_author_idx" ON "interactions_notes" USING btree ("author_id");
  CREATE INDEX "press_mentions_outlet_idx" ON "press_mentions" USING btree ("outlet");
  CREATE INDEX "press_mentions_published_at_idx" ON "press_mentions" USING btree ("published_at");
  CREATE INDEX "press_mentions_highlighted_idx" ON "press_mentions" USING btree ("highlighted");
  CREATE INDEX "press_mentions_updated_at_idx" ON "press_mentions" USING btree ("updated_at");
  CREATE INDEX "press_mentions_created_at_idx" ON "press_mentions" USING btree ("created_at");
  CREATE INDEX "press_mentions_rels_order_idx" ON "press_mentions_rels" USING btree ("order");
  CREATE INDEX "press_mentions_rels_parent_idx" ON "press_mentions_rels" USING btree ("parent_id");
  CREATE INDEX "press_mentions_rels_path_idx" ON "press_mentions_rels" USING btree ("path");
  CREATE INDEX "press_mentions_rels_themes_id_idx" ON "press_mentions_rels" USING btree ("themes_id");
  CREATE INDEX "press_mentions_rels_myths_id_idx" ON "press_mentions_rels" USING btree ("myths_id");
  CREATE INDEX "inbox_imports_started_by_idx" ON "inbox_imports" USING btree ("started_by_id");
  CREATE INDEX "inbox_imports_updated_at_idx" ON "inbox_imports" USING btree ("updated_at");
  CREATE INDEX "inbox_imports_created_at_idx" ON "inbox_imports" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_press_mentions_fk" FOREIGN KEY ("press_mentions_id") REFERENCES "public"."press_mentions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_inbox_imports_fk" FOREIGN KEY ("inbox_imports_id") REFERENCES "public"."inbox_imports"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_press_mentions_id_idx" ON "payload_locked_documents_rels" USING btree ("press_mentions_id");
  CREATE INDEX "payload_locked_documents_rels_inbox_imports_id_idx" ON "payload_locked_documents_rels" USING btree ("inbox_imports_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "interactions_notes" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "press_mentions" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "press_mentions_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "inbox_imports" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "interactions_notes" CASCADE;
  DROP TABLE "press_mentions" CASCADE;
  DROP TABLE "press_mentions_rels" CASCADE;
  DROP TABLE "inbox_imports" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_press_mentions_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_inbox_imports_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'notifyWorkflowTransition', 'deliverPublicationWebhook', 'purgeModerationLogExcerpts', 'processInboundDeliveries', 'notifyInboxEscalation', 'pollInboundComments', 'purgeInboxPersonalData');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'notifyWorkflowTransition', 'deliverPublicationWebhook', 'purgeModerationLogExcerpts', 'processInboundDeliveries', 'notifyInboxEscalation', 'pollInboundComments', 'purgeInboxPersonalData');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_press_mentions_id_idx";
  DROP INDEX "payload_locked_documents_rels_inbox_imports_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "press_mentions_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "inbox_imports_id";
  DROP TYPE "public"."enum_press_mentions_language";
  DROP TYPE "public"."enum_press_mentions_tone";
  DROP TYPE "public"."enum_inbox_imports_status";`)
}
