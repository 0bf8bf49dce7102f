import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_moderation_rules_terms_language" AS ENUM('fr', 'ar', 'ary');
  CREATE TYPE "public"."enum_moderation_rules_terms_script" AS ENUM('latin', 'arabic');
  CREATE TYPE "public"."enum_moderation_rules_patterns_view" AS ENUM('base', 'arabizi');
  CREATE TYPE "public"."enum_moderation_rules_conditions_platforms" AS ENUM('facebook', 'instagram', 'x', 'linkedin', 'youtube', 'tiktok');
  CREATE TYPE "public"."enum_moderation_rules_conditions_item_formats" AS ENUM('post', 'infographic', 'short_video', 'animated_video', 'story', 'carousel', 'article', 'live');
  CREATE TYPE "public"."enum_moderation_rules_category" AS ENUM('hate', 'defamation', 'misinformation', 'harassment', 'spam', 'personal_data', 'off_topic');
  CREATE TYPE "public"."enum_moderation_rules_action" AS ENUM('hide', 'flag', 'escalate', 'suggest_reply', 'mark_done');
  CREATE TYPE "public"."enum_moderation_rules_severity" AS ENUM('low', 'medium', 'high', 'critical');
  CREATE TYPE "public"."enum_moderation_rules_state" AS ENUM('proposed', 'active', 'retired');
  CREATE TYPE "public"."enum_moderation_log_kind" AS ENUM('decision', 'hide', 'unhide', 'escalate', 'reply', 'restore', 'rule_change', 'retention_purge');
  CREATE TYPE "public"."enum_moderation_log_actor_type" AS ENUM('rule', 'user', 'system');
  CREATE TABLE "myths" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"legal_source" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "myths_locales" (
  	"claim" varchar NOT NULL,
  	"correction" varchar NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "moderation_rules_terms" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"text" varchar NOT NULL,
  	"language" "enum_moderation_rules_terms_language" DEFAULT 'fr' NOT NULL,
  	"script" "enum_moderation_rules_terms_script" DEFAULT 'latin' NOT NULL,
  	"note" varchar
  );
  
  CREATE TABLE "moderation_rules_patterns" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"source" varchar NOT NULL,
  	"view" "enum_moderation_rules_patterns_view" DEFAULT 'base',
  	"note" varchar
  );
  
  CREATE TABLE "moderation_rules_exceptions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"text" varchar NOT NULL
  );
  
  CREATE TABLE "moderation_rules_conditions_platforms" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_moderation_rules_conditions_platforms",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "moderation_rules_conditions_item_formats" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_moderation_rules_conditions_item_formats",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "moderation_rules_samples_should_match" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"text" varchar NOT NULL
  );
  
  CREATE TABLE "moderation_rules_samples_should_not_match" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"text" varchar NOT NULL
  );
  
  CREATE TABLE "moderation_rules" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"category" "enum_moderation_rules_category" NOT NULL,
  	"action" "enum_moderation_rules_action" DEFAULT 'flag' NOT NULL,
  	"severity" "enum_moderation_rules_severity" DEFAULT 'medium' NOT NULL,
  	"priority" numeric DEFAULT 50 NOT NULL,
  	"state" "enum_moderation_rules_state" DEFAULT 'proposed' NOT NULL,
  	"conditions_contains_link" boolean,
  	"conditions_contains_email" boolean,
  	"conditions_contains_phone" boolean,
  	"conditions_only_mentions" boolean,
  	"conditions_only_emoji" boolean,
  	"conditions_min_words" numeric,
  	"conditions_max_words" numeric,
  	"myth_id" integer,
  	"proposed_by_id" integer,
  	"activated_by_id" integer,
  	"activated_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "moderation_log" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"sequence" numeric NOT NULL,
  	"kind" "enum_moderation_log_kind" NOT NULL,
  	"actor_type" "enum_moderation_log_actor_type" NOT NULL,
  	"actor_user_id" integer,
  	"rule_ids" varchar,
  	"category" varchar,
  	"action" varchar,
  	"platform" varchar,
  	"item_ref" varchar,
  	"commenter_pseudonym" varchar,
  	"excerpt" varchar,
  	"excerpt_hash" varchar,
  	"excerpt_purged_at" timestamp(3) with time zone,
  	"before" jsonb,
  	"after" jsonb,
  	"occurred_at" timestamp(3) with time zone NOT NULL,
  	"prev_hash" varchar NOT NULL,
  	"hash" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "myths_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "moderation_rules_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "moderation_log_id" integer;
  ALTER TABLE "myths_locales" ADD CONSTRAINT "myths_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."myths"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "moderation_rules_terms" ADD CONSTRAINT "moderation_rules_terms_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."moderation_rules"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "moderation_rules_patterns" ADD CONSTRAINT "moderation_rules_patterns_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."moderation_rules"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "moderation_rules_exceptions" ADD CONSTRAINT "moderation_rules_exceptions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."moderation_rules"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "moderation_rules_conditions_platforms" ADD CONSTRAINT "moderation_rules_conditions_platforms_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."moderation_rules"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "moderation_rules_conditions_item_formats" ADD CONSTRAINT "moderation_rules_conditions_item_formats_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."moderation_rules"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "moderation_rules_samples_should_match" ADD CONSTRAINT "moderation_rules_samples_should_match_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."moderation_rules"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "moderation_rules_samples_should_not_match" ADD CONSTRAINT "moderation_rules_samples_should_not_match_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."moderation_rules"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "moderation_rules" ADD CONSTRAINT "moderation_rules_myth_id_myths_id_fk" FOREIGN KEY ("myth_id") REFERENCES "public"."myths"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "moderation_rules" ADD CONSTRAINT "moderation_rules_proposed_by_id_users_id_fk" FOREIGN KEY ("proposed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "moderation_rules" ADD CONSTRAINT "moderation_rules_activated_by_id_users_id_fk" FOREIGN KEY ("activated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "moderation_log" ADD CONSTRAINT "moderation_log_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE UNIQUE INDEX "myths_key_idx" ON "myths" USING btree ("key");
  CREATE INDEX "myths_updated_at_idx" ON "myths" USING btree ("updated_at");
  CREATE INDEX "myths_created_at_idx" ON "myths" USING btree ("created_at");
  CREATE UNIQUE INDEX "myths_locales_locale_parent_id_unique" ON "myths_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "moderation_rules_terms_order_idx" ON "moderation_rules_terms" USING btree ("_order");
  CREATE INDEX "moderation_rules_terms_parent_id_idx" ON "moderation_rules_terms" USING btree ("_parent_id");
  CREATE INDEX "moderation_rules_patterns_order_idx" ON "moderation_rules_patterns" USING btree ("_order");
  CREATE INDEX "moderation_rules_patterns_parent_id_idx" ON "moderation_rules_patterns" USING btree ("_parent_id");
  CREATE INDEX "moderation_rules_exceptions_order_idx" ON "moderation_rules_exceptions" USING btree ("_order");
  CREATE INDEX "moderation_rules_exceptions_parent_id_idx" ON "moderation_rules_exceptions" USING btree ("_parent_id");
  CREATE INDEX "moderation_rules_conditions_platforms_order_idx" ON "moderation_rules_conditions_platforms" USING btree ("order");
  CREATE INDEX "moderation_rules_conditions_platforms_parent_idx" ON "moderation_rules_conditions_platforms" USING btree ("parent_id");
  CREATE INDEX "moderation_rules_conditions_item_formats_order_idx" ON "moderation_rules_conditions_item_formats" USING btree ("order");
  CREATE INDEX "moderation_rules_conditions_item_formats_parent_idx" ON "moderation_rules_conditions_item_formats" USING btree ("parent_id");
  CREATE INDEX "moderation_rules_samples_should_match_order_idx" ON "moderation_rules_samples_should_match" USING btree ("_order");
  CREATE INDEX "moderation_rules_samples_should_match_parent_id_idx" ON "moderation_rules_samples_should_match" USING btree ("_parent_id");
  CREATE INDEX "moderation_rules_samples_should_not_match_order_idx" ON "moderation_rules_samples_should_not_match" USING btree ("_order");
  CREATE INDEX "moderation_rules_samples_should_not_match_parent_id_idx" ON "moderation_rules_samples_should_not_match" USING btree ("_parent_id");
  CREATE INDEX "moderation_rules_state_idx" ON "moderation_rules" USING btree ("state");
  CREATE INDEX "moderation_rules_myth_idx" ON "moderation_rules" USING btree ("myth_id");
  CREATE INDEX "moderation_rules_proposed_by_idx" ON "moderation_rules" USING btree ("proposed_by_id");
  CREATE INDEX "moderation_rules_activated_by_idx" ON "moderation_rules" USING btree ("activated_by_id");
  CREATE INDEX "moderation_rules_updated_at_idx" ON "moderation_rules" USING btree ("updated_at");
  CREATE INDEX "moderation_rules_created_at_idx" ON "moderation_rules" USING btree ("created_at");
  CREATE UNIQUE INDEX "moderation_log_sequence_idx" ON "moderation_log" USING btree ("sequence");
  CREATE INDEX "moderation_log_actor_user_idx" ON "moderation_log" USING btree ("actor_user_id");
  CREATE INDEX "moderation_log_category_idx" ON "moderation_log" USING btree ("category");
  CREATE INDEX "moderation_log_action_idx" ON "moderation_log" USING btree ("action");
  CREATE INDEX "moderation_log_commenter_pseudonym_idx" ON "moderation_log" USING btree ("commenter_pseudonym");
  CREATE INDEX "moderation_log_occurred_at_idx" ON "moderation_log" USING btree ("occurred_at");
  CREATE INDEX "moderation_log_updated_at_idx" ON "moderation_log" USING btree ("updated_at");
  CREATE INDEX "moderation_log_created_at_idx" ON "moderation_log" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_myths_fk" FOREIGN KEY ("myths_id") REFERENCES "public"."myths"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_moderation_rules_fk" FOREIGN KEY ("moderation_rules_id") REFERENCES "public"."moderation_rules"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_moderation_log_fk" FOREIGN KEY ("moderation_log_id") REFERENCES "public"."moderation_log"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_myths_id_idx" ON "payload_locked_documents_rels" USING btree ("myths_id");
  CREATE INDEX "payload_locked_documents_rels_moderation_rules_id_idx" ON "payload_locked_documents_rels" USING btree ("moderation_rules_id");
  CREATE INDEX "payload_locked_documents_rels_moderation_log_id_idx" ON "payload_locked_documents_rels" USING btree ("moderation_log_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "myths" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "myths_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "moderation_rules_terms" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "moderation_rules_patterns" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "moderation_rules_exceptions" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "moderation_rules_conditions_platforms" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "moderation_rules_conditions_item_formats" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "moderation_rules_samples_should_match" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "moderation_rules_samples_should_not_match" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "moderation_rules" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "moderation_log" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "myths" CASCADE;
  DROP TABLE "myths_locales" CASCADE;
  DROP TABLE "moderation_rules_terms" CASCADE;
  DROP TABLE "moderation_rules_patterns" CASCADE;
  DROP TABLE "moderation_rules_exceptions" CASCADE;
  DROP TABLE "moderation_rules_conditions_platforms" CASCADE;
  DROP TABLE "moderation_rules_conditions_item_formats" CASCADE;
  DROP TABLE "moderation_rules_samples_should_match" CASCADE;
  DROP TABLE "moderation_rules_samples_should_not_match" CASCADE;
  DROP TABLE "moderation_rules" CASCADE;
  DROP TABLE "moderation_log" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_myths_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_moderation_rules_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_moderation_log_fk";
  
  DROP INDEX "payload_locked_documents_rels_myths_id_idx";
  DROP INDEX "payload_locked_documents_rels_moderation_rules_id_idx";
  DROP INDEX "payload_locked_documents_rels_moderation_log_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "myths_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "moderation_rules_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "moderation_log_id";
  DROP TYPE "public"."enum_moderation_rules_terms_language";
  DROP TYPE "public"."enum_moderation_rules_terms_script";
  DROP TYPE "public"."enum_moderation_rules_patterns_view";
  DROP TYPE "public"."enum_moderation_rules_conditions_platforms";
  DROP TYPE "public"."enum_moderation_rules_conditions_item_formats";
  DROP TYPE "public"."enum_moderation_rules_category";
  DROP TYPE "public"."enum_moderation_rules_action";
  DROP TYPE "public"."enum_moderation_rules_severity";
  DROP TYPE "public"."enum_moderation_rules_state";
  DROP TYPE "public"."enum_moderation_log_kind";
  DROP TYPE "public"."enum_moderation_log_actor_type";`)
}
