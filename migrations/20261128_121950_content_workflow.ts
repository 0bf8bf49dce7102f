import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_key_moments_priority" AS ENUM('high', 'medium', 'low');
  CREATE TYPE "public"."enum_media_consents_scope" AS ENUM('social_media', 'video', 'print', 'press', 'website');
  CREATE TYPE "public"."enum_media_kind" AS ENUM('image', 'video', 'pdf');
  CREATE TYPE "public"."enum_content_items_audiences" AS ENUM('general_public', 'journalists', 'students', 'associations', 'professionals');
  CREATE TYPE "public"."enum_content_items_format" AS ENUM('post', 'infographic', 'short_video', 'animated_video', 'story', 'carousel', 'article', 'live');
  CREATE TYPE "public"."enum_content_items_sensitivity" AS ENUM('normal', 'sensitive');
  CREATE TYPE "public"."enum_content_items_workflow_state" AS ENUM('draft', 'in_review', 'legal_review', 'changes_requested', 'approved', 'published', 'archived');
  CREATE TYPE "public"."enum__content_items_v_version_audiences" AS ENUM('general_public', 'journalists', 'students', 'associations', 'professionals');
  CREATE TYPE "public"."enum__content_items_v_version_format" AS ENUM('post', 'infographic', 'short_video', 'animated_video', 'story', 'carousel', 'article', 'live');
  CREATE TYPE "public"."enum__content_items_v_version_sensitivity" AS ENUM('normal', 'sensitive');
  CREATE TYPE "public"."enum__content_items_v_version_workflow_state" AS ENUM('draft', 'in_review', 'legal_review', 'changes_requested', 'approved', 'published', 'archived');
  CREATE TYPE "public"."enum_platform_variants_platform" AS ENUM('facebook', 'instagram_feed', 'instagram_reel', 'instagram_story', 'x', 'linkedin', 'youtube', 'youtube_short', 'tiktok');
  CREATE TYPE "public"."enum_platform_variants_language" AS ENUM('fr', 'ar', 'ary');
  CREATE TYPE "public"."enum_platform_variants_scheduledat_tz" AS ENUM('Africa/Casablanca');
  CREATE TYPE "public"."enum_platform_variants_publication_state" AS ENUM('draft', 'ready', 'scheduled', 'publishing', 'published', 'failed', 'outcome_unknown', 'cancelled');
  CREATE TYPE "public"."enum_platform_variants_approval_state" AS ENUM('pending', 'approved');
  CREATE TYPE "public"."enum_workflow_events_kind" AS ENUM('transition', 'invalidation', 'variant_approval', 'variant_revocation');
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'notifyWorkflowTransition');
  CREATE TYPE "public"."enum_payload_jobs_log_state" AS ENUM('failed', 'succeeded');
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'notifyWorkflowTransition');
  CREATE TABLE "themes" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slug" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "themes_locales" (
  	"name" varchar NOT NULL,
  	"description" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "key_moments" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"starts_on" timestamp(3) with time zone NOT NULL,
  	"ends_on" timestamp(3) with time zone NOT NULL,
  	"priority" "enum_key_moments_priority" DEFAULT 'medium' NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "key_moments_locales" (
  	"title" varchar NOT NULL,
  	"description" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "key_moments_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"themes_id" integer
  );
  
  CREATE TABLE "media_consents_scope" (
  	"order" integer NOT NULL,
  	"parent_id" varchar NOT NULL,
  	"value" "enum_media_consents_scope",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "media_consents" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"person" varchar,
  	"signed_on" timestamp(3) with time zone,
  	"expires_on" timestamp(3) with time zone,
  	"signed_form_id" integer
  );
  
  CREATE TABLE "media" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"kind" "enum_media_kind",
  	"video_duration_seconds" numeric,
  	"video_codec" varchar,
  	"credit" varchar,
  	"rights_holder" varchar DEFAULT 'NCSC — propriété exclusive',
  	"licence" varchar,
  	"people_shown" boolean DEFAULT false,
  	"renditions" jsonb,
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
  
  CREATE TABLE "media_locales" (
  	"alt" varchar NOT NULL,
  	"caption" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "content_items_audiences" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_content_items_audiences",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "content_items_legal_references" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"article" varchar NOT NULL,
  	"source_url" varchar
  );
  
  CREATE TABLE "content_items_legal_references_locales" (
  	"text" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" varchar NOT NULL
  );
  
  CREATE TABLE "content_items" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"format" "enum_content_items_format" NOT NULL,
  	"sensitivity" "enum_content_items_sensitivity" DEFAULT 'normal',
  	"key_moment_id" integer,
  	"owner_id" integer,
  	"workflow_state" "enum_content_items_workflow_state" DEFAULT 'draft',
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "content_items_locales" (
  	"title" varchar NOT NULL,
  	"summary" varchar,
  	"body" jsonb,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "content_items_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"themes_id" integer,
  	"media_id" integer
  );
  
  CREATE TABLE "_content_items_v_version_audiences" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum__content_items_v_version_audiences",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "_content_items_v_version_legal_references" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"article" varchar NOT NULL,
  	"source_url" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_content_items_v_version_legal_references_locales" (
  	"text" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_content_items_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_format" "enum__content_items_v_version_format" NOT NULL,
  	"version_sensitivity" "enum__content_items_v_version_sensitivity" DEFAULT 'normal',
  	"version_key_moment_id" integer,
  	"version_owner_id" integer,
  	"version_workflow_state" "enum__content_items_v_version_workflow_state" DEFAULT 'draft',
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "_content_items_v_locales" (
  	"version_title" varchar NOT NULL,
  	"version_summary" varchar,
  	"version_body" jsonb,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_content_items_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"themes_id" integer,
  	"media_id" integer
  );
  
  CREATE TABLE "platform_variants" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"label" varchar,
  	"content_item_id" integer NOT NULL,
  	"platform" "enum_platform_variants_platform" NOT NULL,
  	"language" "enum_platform_variants_language" DEFAULT 'fr' NOT NULL,
  	"title" varchar,
  	"text" varchar,
  	"link" varchar,
  	"first_comment" varchar,
  	"validation_report" jsonb,
  	"scheduled_at" timestamp(3) with time zone,
  	"scheduledat_tz" "enum_platform_variants_scheduledat_tz" DEFAULT 'Africa/Casablanca',
  	"publication_state" "enum_platform_variants_publication_state" DEFAULT 'draft',
  	"approval_state" "enum_platform_variants_approval_state" DEFAULT 'pending',
  	"approval_approved_by_id" integer,
  	"approval_approved_at" timestamp(3) with time zone,
  	"approval_approved_hash" varchar,
  	"remote_id" varchar,
  	"permalink" varchar,
  	"attempts" numeric DEFAULT 0,
  	"last_error" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "platform_variants_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "platform_variants_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"media_id" integer
  );
  
  CREATE TABLE "workflow_events" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"kind" "enum_workflow_events_kind" NOT NULL,
  	"transition" varchar,
  	"content_item_id" integer,
  	"variant_id" integer,
  	"from" varchar,
  	"to" varchar,
  	"actor_id" integer,
  	"role" varchar,
  	"reason" varchar,
  	"at" timestamp(3) with time zone NOT NULL,
  	"snapshot_hash" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_jobs_log" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"executed_at" timestamp(3) with time zone NOT NULL,
  	"completed_at" timestamp(3) with time zone NOT NULL,
  	"task_slug" "enum_payload_jobs_log_task_slug" NOT NULL,
  	"task_i_d" varchar NOT NULL,
  	"input" jsonb,
  	"output" jsonb,
  	"state" "enum_payload_jobs_log_state" NOT NULL,
  	"error" jsonb
  );
  
  CREATE TABLE "payload_jobs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"input" jsonb,
  	"completed_at" timestamp(3) with time zone,
  	"total_tried" numeric DEFAULT 0,
  	"has_error" boolean DEFAULT false,
  	"error" jsonb,
  	"task_slug" "enum_payload_jobs_task_slug",
  	"queue" varchar DEFAULT 'default',
  	"wait_until" timestamp(3) with time zone,
  	"processing" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "users" ADD COLUMN "calendar_feed_token_hash" varchar;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "themes_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "key_moments_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "media_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "content_items_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "platform_variants_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "workflow_events_id" integer;
  ALTER TABLE "themes_locales" ADD CONSTRAINT "themes_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."themes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "key_moments_locales" ADD CONSTRAINT "key_moments_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."key_moments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "key_moments_rels" ADD CONSTRAINT "key_moments_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."key_moments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "key_moments_rels" ADD CONSTRAINT "key_moments_rels_themes_fk" FOREIGN KEY ("themes_id") REFERENCES "public"."themes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "media_consents_scope" ADD CONSTRAINT "media_consents_scope_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."media_consents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "media_consents" ADD CONSTRAINT "media_consents_signed_form_id_media_id_fk" FOREIGN KEY ("signed_form_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "media_consents" ADD CONSTRAINT "media_consents_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "media_locales" ADD CONSTRAINT "media_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "content_items_audiences" ADD CONSTRAINT "content_items_audiences_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."content_items"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "content_items_legal_references" ADD CONSTRAINT "content_items_legal_references_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."content_items"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "content_items_legal_references_locales" ADD CONSTRAINT "content_items_legal_references_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."content_items_legal_references"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "content_items" ADD CONSTRAINT "content_items_key_moment_id_key_moments_id_fk" FOREIGN KEY ("key_moment_id") REFERENCES "public"."key_moments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "content_items" ADD CONSTRAINT "content_items_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "content_items_locales" ADD CONSTRAINT "content_items_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."content_items"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "content_items_rels" ADD CONSTRAINT "content_items_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."content_items"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "content_items_rels" ADD CONSTRAINT "content_items_rels_themes_fk" FOREIGN KEY ("themes_id") REFERENCES "public"."themes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "content_items_rels" ADD CONSTRAINT "content_items_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_content_items_v_version_audiences" ADD CONSTRAINT "_content_items_v_version_audiences_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_content_items_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_content_items_v_version_legal_references" ADD CONSTRAINT "_content_items_v_version_legal_references_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_content_items_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_content_items_v_version_legal_references_locales" ADD CONSTRAINT "_content_items_v_version_legal_references_locales_parent__fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_content_items_v_version_legal_references"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_content_items_v" ADD CONSTRAINT "_content_items_v_parent_id_content_items_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."content_items"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_content_items_v" ADD CONSTRAINT "_content_items_v_version_key_moment_id_key_moments_id_fk" FOREIGN KEY ("version_key_moment_id") REFERENCES "public"."key_moments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_content_items_v" ADD CONSTRAINT "_content_items_v_version_owner_id_users_id_fk" FOREIGN KEY ("version_owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_content_items_v_locales" ADD CONSTRAINT "_content_items_v_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_content_items_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_content_items_v_rels" ADD CONSTRAINT "_content_items_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_content_items_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_content_items_v_rels" ADD CONSTRAINT "_content_items_v_rels_themes_fk" FOREIGN KEY ("themes_id") REFERENCES "public"."themes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_content_items_v_rels" ADD CONSTRAINT "_content_items_v_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "platform_variants" ADD CONSTRAINT "platform_variants_content_item_id_content_items_id_fk" FOREIGN KEY ("content_item_id") REFERENCES "public"."content_items"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "platform_variants" ADD CONSTRAINT "platform_variants_approval_approved_by_id_users_id_fk" FOREIGN KEY ("approval_approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "platform_variants_texts" ADD CONSTRAINT "platform_variants_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."platform_variants"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "platform_variants_rels" ADD CONSTRAINT "platform_variants_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."platform_variants"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "platform_variants_rels" ADD CONSTRAINT "platform_variants_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "workflow_events" ADD CONSTRAINT "workflow_events_content_item_id_content_items_id_fk" FOREIGN KEY ("content_item_id") REFERENCES "public"."content_items"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "workflow_events" ADD CONSTRAINT "workflow_events_variant_id_platform_variants_id_fk" FOREIGN KEY ("variant_id") REFERENCES "public"."platform_variants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "workflow_events" ADD CONSTRAINT "workflow_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_jobs_log" ADD CONSTRAINT "payload_jobs_log_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."payload_jobs"("id") ON DELETE cascade ON UPDATE no action;
  CREATE UNIQUE INDEX "themes_slug_idx" ON "themes" USING btree ("slug");
  CREATE INDEX "themes_updated_at_idx" ON "themes" USING btree ("updated_at");
  CREATE INDEX "themes_created_at_idx" ON "themes" USING btree ("created_at");
  CREATE UNIQUE INDEX "themes_locales_locale_parent_id_unique" ON "themes_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "key_moments_starts_on_idx" ON "key_moments" USING btree ("starts_on");
  CREATE INDEX "key_moments_updated_at_idx" ON "key_moments" USING btree ("updated_at");
  CREATE INDEX "key_moments_created_at_idx" ON "key_moments" USING btree ("created_at");
  CREATE UNIQUE INDEX "key_moments_locales_locale_parent_id_unique" ON "key_moments_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "key_moments_rels_order_idx" ON "key_moments_rels" USING btree ("order");
  CREATE INDEX "key_moments_rels_parent_idx" ON "key_moments_rels" USING btree ("parent_id");
  CREATE INDEX "key_moments_rels_path_idx" ON "key_moments_rels" USING btree ("path");
  CREATE INDEX "key_moments_rels_themes_id_idx" ON "key_moments_rels" USING btree ("themes_id");
  CREATE INDEX "media_consents_scope_order_idx" ON "media_consents_scope" USING btree ("order");
  CREATE INDEX "media_consents_scope_parent_idx" ON "media_consents_scope" USING btree ("parent_id");
  CREATE INDEX "media_consents_order_idx" ON "media_consents" USING btree ("_order");
  CREATE INDEX "media_consents_parent_id_idx" ON "media_consents" USING btree ("_parent_id");
  CREATE INDEX "media_consents_signed_form_idx" ON "media_consents" USING btree ("signed_form_id");
  CREATE INDEX "media_kind_idx" ON "media" USING btree ("kind");
  CREATE INDEX "media_updated_at_idx" ON "media" USING btree ("updated_at");
  CREATE INDEX "media_created_at_idx" ON "media" USING btree ("created_at");
  CREATE UNIQUE INDEX "media_filename_idx" ON "media" USING btree ("filename");
  CREATE UNIQUE INDEX "media_locales_locale_parent_id_unique" ON "media_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "content_items_audiences_order_idx" ON "content_items_audiences" USING btree ("order");
  CREATE INDEX "content_items_audiences_parent_idx" ON "content_items_audiences" USING btree ("parent_id");
  CREATE INDEX "content_items_legal_references_order_idx" ON "content_items_legal_references" USING btree ("_order");
  CREATE INDEX "content_items_legal_references_parent_id_idx" ON "content_items_legal_references" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "content_items_legal_references_locales_locale_parent_id_uniq" ON "content_items_legal_references_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "content_items_format_idx" ON "content_items" USING btree ("format");
  CREATE INDEX "content_items_sensitivity_idx" ON "content_items" USING btree ("sensitivity");
  CREATE INDEX "content_items_key_moment_idx" ON "content_items" USING btree ("key_moment_id");
  CREATE INDEX "content_items_owner_idx" ON "content_items" USING btree ("owner_id");
  CREATE INDEX "content_items_workflow_state_idx" ON "content_items" USING btree ("workflow_state");
  CREATE INDEX "content_items_updated_at_idx" ON "content_items" USING btree ("updated_at");
  CREATE INDEX "content_items_created_at_idx" ON "content_items" USING btree ("created_at");
  CREATE UNIQUE INDEX "content_items_locales_locale_parent_id_unique" ON "content_items_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "content_items_rels_order_idx" ON "content_items_rels" USING btree ("order");
  CREATE INDEX "content_items_rels_parent_idx" ON "content_items_rels" USING btree ("parent_id");
  CREATE INDEX "content_items_rels_path_idx" ON "content_items_rels" USING btree ("path");
  CREATE INDEX "content_items_rels_themes_id_idx" ON "content_items_rels" USING btree ("themes_id");
  CREATE INDEX "content_items_rels_media_id_idx" ON "content_items_rels" USING btree ("media_id");
  CREATE INDEX "_content_items_v_version_audiences_order_idx" ON "_content_items_v_version_audiences" USING btree ("order");
  CREATE INDEX "_content_items_v_version_audiences_parent_idx" ON "_content_items_v_version_audiences" USING btree ("parent_id");
  CREATE INDEX "_content_items_v_version_legal_references_order_idx" ON "_content_items_v_version_legal_references" USING btree ("_order");
  CREATE INDEX "_content_items_v_version_legal_references_parent_id_idx" ON "_content_items_v_version_legal_references" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "_content_items_v_version_legal_references_locales_locale_par" ON "_content_items_v_version_legal_references_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_content_items_v_parent_idx" ON "_content_items_v" USING btree ("parent_id");
  CREATE INDEX "_content_items_v_version_version_format_idx" ON "_content_items_v" USING btree ("version_format");
  CREATE INDEX "_content_items_v_version_version_sensitivity_idx" ON "_content_items_v" USING btree ("version_sensitivity");
  CREATE INDEX "_content_items_v_version_version_key_moment_idx" ON "_content_items_v" USING btree ("version_key_moment_id");
  CREATE INDEX "_content_items_v_version_version_owner_idx" ON "_content_items_v" USING btree ("version_owner_id");
  CREATE INDEX "_content_items_v_version_version_workflow_state_idx" ON "_content_items_v" USING btree ("version_workflow_state");
  CREATE INDEX "_content_items_v_version_version_updated_at_idx" ON "_content_items_v" USING btree ("version_updated_at");
  CREATE INDEX "_content_items_v_version_version_created_at_idx" ON "_content_items_v" USING btree ("version_created_at");
  CREATE INDEX "_content_items_v_created_at_idx" ON "_content_items_v" USING btree ("created_at");
  CREATE INDEX "_content_items_v_updated_at_idx" ON "_content_items_v" USING btree ("updated_at");
  CREATE UNIQUE INDEX "_content_items_v_locales_locale_parent_id_unique" ON "_content_items_v_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_content_items_v_rels_order_idx" ON "_content_items_v_rels" USING btree ("order");
  CREATE INDEX "_content_items_v_rels_parent_idx" ON "_content_items_v_rels" USING btree ("parent_id");
  CREATE INDEX "_content_items_v_rels_path_idx" ON "_content_items_v_rels" USING btree ("path");
  CREATE INDEX "_content_items_v_rels_themes_id_idx" ON "_content_items_v_rels" USING btree ("themes_id");
  CREATE INDEX "_content_items_v_rels_media_id_idx" ON "_content_items_v_rels" USING btree ("media_id");
  CREATE INDEX "platform_variants_content_item_idx" ON "platform_variants" USING btree ("content_item_id");
  CREATE INDEX "platform_variants_scheduled_at_idx" ON "platform_variants" USING btree ("scheduled_at");
  CREATE INDEX "platform_variants_publication_state_idx" ON "platform_variants" USING btree ("publication_state");
  CREATE INDEX "platform_variants_approval_approval_approved_by_idx" ON "platform_variants" USING btree ("approval_approved_by_id");
  CREATE INDEX "platform_variants_updated_at_idx" ON "platform_variants" USING btree ("updated_at");
  CREATE INDEX "platform_variants_created_at_idx" ON "platform_variants" USING btree ("created_at");
  CREATE UNIQUE INDEX "contentItem_platform_language_idx" ON "platform_variants" USING btree ("content_item_id","platform","language");
  CREATE INDEX "platform_variants_texts_order_parent" ON "platform_variants_texts" USING btree ("order","parent_id");
  CREATE INDEX "platform_variants_rels_order_idx" ON "platform_variants_rels" USING btree ("order");
  CREATE INDEX "platform_variants_rels_parent_idx" ON "platform_variants_rels" USING btree ("parent_id");
  CREATE INDEX "platform_variants_rels_path_idx" ON "platform_variants_rels" USING btree ("path");
  CREATE INDEX "platform_variants_rels_media_id_idx" ON "platform_variants_rels" USING btree ("media_id");
  CREATE INDEX "workflow_events_content_item_idx" ON "workflow_events" USING btree ("content_item_id");
  CREATE INDEX "workflow_events_variant_idx" ON "workflow_events" USING btree ("variant_id");
  CREATE INDEX "workflow_events_actor_idx" ON "workflow_events" USING btree ("actor_id");
  CREATE INDEX "workflow_events_at_idx" ON "workflow_events" USING btree ("at");
  CREATE INDEX "workflow_events_updated_at_idx" ON "workflow_events" USING btree ("updated_at");
  CREATE INDEX "workflow_events_created_at_idx" ON "workflow_events" USING btree ("created_at");
  CREATE INDEX "payload_jobs_log_order_idx" ON "payload_jobs_log" USING btree ("_order");
  CREATE INDEX "payload_jobs_log_parent_id_idx" ON "payload_jobs_log" USING btree ("_parent_id");
  CREATE INDEX "payload_jobs_completed_at_idx" ON "payload_jobs" USING btree ("completed_at");
  CREATE INDEX "payload_jobs_total_tried_idx" ON "payload_jobs" USING btree ("total_tried");
  CREATE INDEX "payload_jobs_has_error_idx" ON "payload_jobs" USING btree ("has_error");
  CREATE INDEX "payload_jobs_task_slug_idx" ON "payload_jobs" USING btree ("task_slug");
  CREATE INDEX "payload_jobs_queue_idx" ON "payload_jobs" USING btree ("queue");
  CREATE INDEX "payload_jobs_wait_until_idx" ON "payload_jobs" USING btree ("wait_until");
  CREATE INDEX "payload_jobs_processing_idx" ON "payload_jobs" USING btree ("processing");
  CREATE INDEX "payload_jobs_updated_at_idx" ON "payload_jobs" USING btree ("updated_at");
  CREATE INDEX "payload_jobs_created_at_idx" ON "payload_jobs" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_themes_fk" FOREIGN KEY ("themes_id") REFERENCES "public"."themes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_key_moments_fk" FOREIGN KEY ("key_moments_id") REFERENCES "public"."key_moments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_content_items_fk" FOREIGN KEY ("content_items_id") REFERENCES "public"."content_items"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_platform_variants_fk" FOREIGN KEY ("platform_variants_id") REFERENCES "public"."platform_variants"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_workflow_events_fk" FOREIGN KEY ("workflow_events_id") REFERENCES "public"."workflow_events"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "users_calendar_feed_token_hash_idx" ON "users" USING btree ("calendar_feed_token_hash");
  CREATE INDEX "payload_locked_documents_rels_themes_id_idx" ON "payload_locked_documents_rels" USING btree ("themes_id");
  CREATE INDEX "payload_locked_documents_rels_key_moments_id_idx" ON "payload_locked_documents_rels" USING btree ("key_moments_id");
  CREATE INDEX "payload_locked_documents_rels_media_id_idx" ON "payload_locked_documents_rels" USING btree ("media_id");
  CREATE INDEX "payload_locked_documents_rels_content_items_id_idx" ON "payload_locked_documents_rels" USING btree ("content_items_id");
  CREATE INDEX "payload_locked_documents_rels_platform_variants_id_idx" ON "payload_locked_documents_rels" USING btree ("platform_variants_id");
  CREATE INDEX "payload_locked_documents_rels_workflow_events_id_idx" ON "payload_locked_documents_rels" USING btree ("workflow_events_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "themes" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "themes_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "key_moments" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "key_moments_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "key_moments_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "media_consents_scope" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "media_consents" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "media" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "media_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "content_items_audiences" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "content_items_legal_references" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "content_items_legal_references_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "content_items" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "content_items_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "content_items_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_content_items_v_version_audiences" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_content_items_v_version_legal_references" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_content_items_v_version_legal_references_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_content_items_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_content_items_v_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_content_items_v_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "platform_variants" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "platform_variants_texts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "platform_variants_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "workflow_events" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload_jobs_log" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload_jobs" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "themes" CASCADE;
  DROP TABLE "themes_locales" CASCADE;
  DROP TABLE "key_moments" CASCADE;
  DROP TABLE "key_moments_locales" CASCADE;
  DROP TABLE "key_moments_rels" CASCADE;
  DROP TABLE "media_consents_scope" CASCADE;
  DROP TABLE "media_consents" CASCADE;
  DROP TABLE "media" CASCADE;
  DROP TABLE "media_locales" CASCADE;
  DROP TABLE "content_items_audiences" CASCADE;
  DROP TABLE "content_items_legal_references" CASCADE;
  DROP TABLE "content_items_legal_references_locales" CASCADE;
  DROP TABLE "content_items" CASCADE;
  DROP TABLE "content_items_locales" CASCADE;
  DROP TABLE "content_items_rels" CASCADE;
  DROP TABLE "_content_items_v_version_audiences" CASCADE;
  DROP TABLE "_content_items_v_version_legal_references" CASCADE;
  DROP TABLE "_content_items_v_version_legal_references_locales" CASCADE;
  DROP TABLE "_content_items_v" CASCADE;
  DROP TABLE "_content_items_v_locales" CASCADE;
  DROP TABLE "_content_items_v_rels" CASCADE;
  DROP TABLE "platform_variants" CASCADE;
  DROP TABLE "platform_variants_texts" CASCADE;
  DROP TABLE "platform_variants_rels" CASCADE;
  DROP TABLE "workflow_events" CASCADE;
  DROP TABLE "payload_jobs_log" CASCADE;
  DROP TABLE "payload_jobs" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_themes_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_key_moments_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_media_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_content_items_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_platform_variants_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_workflow_events_fk";
  
  DROP INDEX "users_calendar_feed_token_hash_idx";
  DROP INDEX "payload_locked_documents_rels_themes_id_idx";
  DROP INDEX "payload_locked_documents_rels_key_moments_id_idx";
  DROP INDEX "payload_locked_documents_rels_media_id_idx";
  DROP INDEX "payload_locked_documents_rels_content_items_id_idx";
  DROP INDEX "payload_locked_documents_rels_platform_variants_id_idx";
  DROP INDEX "payload_locked_documents_rels_workflow_events_id_idx";
  ALTER TABLE "users" DROP COLUMN "calendar_feed_token_hash";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "themes_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "key_moments_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "media_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "content_items_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "platform_variants_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "workflow_events_id";
  DROP TYPE "public"."enum_key_moments_priority";
  DROP TYPE "public"."enum_media_consents_scope";
  DROP TYPE "public"."enum_media_kind";
  DROP TYPE "public"."enum_content_items_audiences";
  DROP TYPE "public"."enum_content_items_format";
  DROP TYPE "public"."enum_content_items_sensitivity";
  DROP TYPE "public"."enum_content_items_workflow_state";
  DROP TYPE "public"."enum__content_items_v_version_audiences";
  DROP TYPE "public"."enum__content_items_v_version_format";
  DROP TYPE "public"."enum__content_items_v_version_sensitivity";
  DROP TYPE "public"."enum__content_items_v_version_workflow_state";
  DROP TYPE "public"."enum_platform_variants_platform";
  DROP TYPE "public"."enum_platform_variants_language";
  DROP TYPE "public"."enum_platform_variants_scheduledat_tz";
  DROP TYPE "public"."enum_platform_variants_publication_state";
  DROP TYPE "public"."enum_platform_variants_approval_state";
  DROP TYPE "public"."enum_workflow_events_kind";
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  DROP TYPE "public"."enum_payload_jobs_log_state";
  DROP TYPE "public"."enum_payload_jobs_task_slug";`)
}
