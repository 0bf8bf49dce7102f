import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_crisis_playbooks_levels" AS ENUM('watch', 'crisis');
  CREATE TYPE "public"."enum_crisis_playbooks_series_kinds" AS ENUM('hostile', 'myth');
  CREATE TABLE "crisis_alerts_checklist" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"text" jsonb,
  	"done_at" timestamp(3) with time zone,
  	"done_by_id" integer
  );
  
  CREATE TABLE "crisis_playbooks_levels" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_crisis_playbooks_levels",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "crisis_playbooks_series_kinds" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_crisis_playbooks_series_kinds",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "crisis_playbooks_steps" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "crisis_playbooks_steps_locales" (
  	"text" varchar NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" varchar NOT NULL
  );
  
  CREATE TABLE "crisis_playbooks_contacts" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"role" varchar,
  	"phone" varchar,
  	"email" varchar
  );
  
  CREATE TABLE "crisis_playbooks" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "crisis_playbooks_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"response_templates_id" integer
  );
  
  ALTER TABLE "crisis_alerts" ADD COLUMN "playbook_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "crisis_playbooks_id" integer;
  ALTER TABLE "crisis_alerts_checklist" ADD CONSTRAINT "crisis_alerts_checklist_done_by_id_users_id_fk" FOREIGN KEY ("done_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "crisis_alerts_checklist" ADD CONSTRAINT "crisis_alerts_checklist_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."crisis_alerts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "crisis_playbooks_levels" ADD CONSTRAINT "crisis_playbooks_levels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."crisis_playbooks"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "crisis_playbooks_series_kinds" ADD CONSTRAINT "crisis_playbooks_series_kinds_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."crisis_playbooks"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "crisis_playbooks_steps" ADD CONSTRAINT "crisis_playbooks_steps_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."crisis_playbooks"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "crisis_playbooks_steps_locales" ADD CONSTRAINT "crisis_playbooks_steps_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."crisis_playbooks_steps"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "crisis_playbooks_contacts" ADD CONSTRAINT "crisis_playbooks_contacts_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."crisis_playbooks"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "crisis_playbooks_rels" ADD CONSTRAINT "crisis_playbooks_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."crisis_playbooks"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "crisis_playbooks_rels" ADD CONSTRAINT "crisis_playbooks_rels_response_templates_fk" FOREIGN KEY ("response_templates_id") REFERENCES "public"."response_templates"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "crisis_alerts_checklist_order_idx" ON "crisis_alerts_checklist" USING btree ("_order");
  CREATE INDEX "crisis_alerts_checklist_parent_id_idx" ON "crisis_alerts_checklist" USING btree ("_parent_id");
  CREATE INDEX "crisis_alerts_checklist_done_by_idx" ON "crisis_alerts_checklist" USING btree ("done_by_id");
  CREATE INDEX "crisis_playbooks_levels_order_idx" ON "crisis_playbooks_levels" USING btree ("order");
  CREATE INDEX "crisis_playbooks_levels_parent_idx" ON "crisis_playbooks_levels" USING btree ("parent_id");
  CREATE INDEX "crisis_playbooks_series_kinds_order_idx" ON "crisis_playbooks_series_kinds" USING btree ("order");
  CREATE INDEX "crisis_playbooks_series_kinds_parent_idx" ON "crisis_playbooks_series_kinds" USING btree ("parent_id");
  CREATE INDEX "crisis_playbooks_steps_order_idx" ON "crisis_playbooks_steps" USING btree ("_order");
  CREATE INDEX "crisis_playbooks_steps_parent_id_idx" ON "crisis_playbooks_steps" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "crisis_playbooks_steps_locales_locale_parent_id_unique" ON "crisis_playbooks_steps_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "crisis_playbooks_contacts_order_idx" ON "crisis_playbooks_contacts" USING btree ("_order");
  CREATE INDEX "crisis_playbooks_contacts_parent_id_idx" ON "crisis_playbooks_contacts" USING btree ("_parent_id");
  CREATE INDEX "crisis_playbooks_updated_at_idx" ON "crisis_playbooks" USING btree ("updated_at");
  CREATE INDEX "crisis_playbooks_created_at_idx" ON "crisis_playbooks" USING btree ("created_at");
  CREATE INDEX "crisis_playbooks_rels_order_idx" ON "crisis_playbooks_rels" USING btree ("order");
  CREATE INDEX "crisis_playbooks_rels_parent_idx" ON "crisis_playbooks_rels" USING btree ("parent_id");
  CREATE INDEX "crisis_playbooks_rels_path_idx" ON "crisis_playbooks_rels" USING btree ("path");
  CREATE INDEX "crisis_playbooks_rels_response_templates_id_idx" ON "crisis_playbooks_rels" USING btree ("response_templates_id");
  ALTER TABLE "crisis_alerts" ADD CONSTRAINT "crisis_alerts_playbook_id_crisis_playbooks_id_fk" FOREIGN KEY ("playbook_id") REFERENCES "public"."crisis_playbooks"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_crisis_playbooks_fk" FOREIGN KEY ("crisis_playbooks_id") REFERENCES "public"."crisis_playbooks"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "crisis_alerts_playbook_idx" ON "crisis_alerts" USING btree ("playbook_id");
  CREATE INDEX "payload_locked_documents_rels_crisis_playbooks_id_idx" ON "payload_locked_documents_rels" USING btree ("crisis_playbooks_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "crisis_alerts_checklist" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "crisis_playbooks_levels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "crisis_playbooks_series_kinds" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "crisis_playbooks_steps" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "crisis_playbooks_steps_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "crisis_playbooks_contacts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "crisis_playbooks" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "crisis_playbooks_rels" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "crisis_alerts_checklist" CASCADE;
  DROP TABLE "crisis_playbooks_levels" CASCADE;
  DROP TABLE "crisis_playbooks_series_kinds" CASCADE;
  DROP TABLE "crisis_playbooks_steps" CASCADE;
  DROP TABLE "crisis_playbooks_steps_locales" CASCADE;
  DROP TABLE "crisis_playbooks_contacts" CASCADE;
  DROP TABLE "crisis_playbooks" CASCADE;
  DROP TABLE "crisis_playbooks_rels" CASCADE;
  ALTER TABLE "crisis_alerts" DROP CONSTRAINT "crisis_alerts_playbook_id_crisis_playbooks_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_crisis_playbooks_fk";
  
  DROP INDEX "crisis_alerts_playbook_idx";
  DROP INDEX "payload_locked_documents_rels_crisis_playbooks_id_idx";
  ALTER TABLE "crisis_alerts" DROP COLUMN "playbook_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "crisis_playbooks_id";
  DROP TYPE "public"."enum_crisis_playbooks_levels";
  DROP TYPE "public"."enum_crisis_playbooks_series_kinds";`)
}
