import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_response_templates_purpose" AS ENUM('correction', 'answer', 'thanks', 'notice');
  CREATE TYPE "public"."enum_response_templates_state" AS ENUM('proposed', 'approved', 'retired');
  CREATE TYPE "public"."enum_interaction_replies_state" AS ENUM('awaiting_approval', 'pending', 'sending', 'sent', 'failed', 'outcome_unknown', 'rejected');
  CREATE TABLE "response_templates" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"purpose" "enum_response_templates_purpose" DEFAULT 'correction' NOT NULL,
  	"myth_id" integer,
  	"state" "enum_response_templates_state" DEFAULT 'proposed' NOT NULL,
  	"proposed_by_id" integer,
  	"approved_by_id" integer,
  	"approved_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "response_templates_locales" (
  	"body" varchar NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "interaction_replies" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"interaction_id" integer NOT NULL,
  	"template_id" integer,
  	"text" varchar NOT NULL,
  	"idempotency_key" varchar NOT NULL,
  	"state" "enum_interaction_replies_state" NOT NULL,
  	"author_id" integer,
  	"approved_by_id" integer,
  	"remote_id" varchar,
  	"error" varchar,
  	"sent_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "interactions" ADD COLUMN "escalated_at" timestamp(3) with time zone;
  ALTER TABLE "interactions" ADD COLUMN "suggested_template_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "response_templates_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "interaction_replies_id" integer;
  ALTER TABLE "response_templates" ADD CONSTRAINT "response_templates_myth_id_myths_id_fk" FOREIGN KEY ("myth_id") REFERENCES "public"."myths"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "response_templates" ADD CONSTRAINT "response_templates_proposed_by_id_users_id_fk" FOREIGN KEY ("proposed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "response_templates" ADD CONSTRAINT "response_templates_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "response_templates_locales" ADD CONSTRAINT "response_templates_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."response_templates"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "interaction_replies" ADD CONSTRAINT "interaction_replies_interaction_id_interactions_id_fk" FOREIGN KEY ("interaction_id") REFERENCES "public"."interactions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "interaction_replies" ADD CONSTRAINT "interaction_replies_template_id_response_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."response_templates"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "interaction_replies" ADD CONSTRAINT "interaction_replies_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "interaction_replies" ADD CONSTRAINT "interaction_replies_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "response_templates_myth_idx" ON "response_templates" USING btree ("myth_id");
  CREATE INDEX "response_templates_state_idx" ON "response_templates" USING btree ("state");
  CREATE INDEX "response_templates_proposed_by_idx" ON "response_templates" USING btree ("proposed_by_id");
  CREATE INDEX "response_templates_approved_by_idx" ON "response_templates" USING btree ("approved_by_id");
  CREATE INDEX "response_templates_updated_at_idx" ON "response_templates" USING btree ("updated_at");
  CREATE INDEX "response_templates_created_at_idx" ON "response_templates" USING btree ("created_at");
  CREATE UNIQUE INDEX "response_templates_locales_locale_parent_id_unique" ON "response_templates_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "interaction_replies_interaction_idx" ON "interaction_replies" USING btree ("interaction_id");
  CREATE INDEX "interaction_replies_template_idx" ON "interaction_replies" USING btree ("template_id");
  CREATE UNIQUE INDEX "interaction_replies_idempotency_key_idx" ON "interaction_replies" USING btree ("idempotency_key");
  CREATE INDEX "interaction_replies_state_idx" ON "interaction_replies" USING btree ("state");
  CREATE INDEX "interaction_replies_author_idx" ON "interaction_replies" USING btree ("author_id");
  CREATE INDEX "interaction_replies_approved_by_idx" ON "interaction_replies" USING btree ("approved_by_id");
  CREATE INDEX "interaction_replies_updated_at_idx" ON "interaction_replies" USING btree ("updated_at");
  CREATE INDEX "interaction_replies_created_at_idx" ON "interaction_replies" USING btree ("created_at");
  ALTER TABLE "interactions" ADD CONSTRAINT "interactions_suggested_template_id_response_templates_id_fk" FOREIGN KEY ("suggested_template_id") REFERENCES "public"."response_templates"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_response_templates_fk" FOREIGN KEY ("response_templates_id") REFERENCES "public"."response_templates"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_interaction_replies_fk" FOREIGN KEY ("interaction_replies_id") REFERENCES "public"."interaction_replies"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "interactions_suggested_template_idx" ON "interactions" USING btree ("suggested_template_id");
  CREATE INDEX "payload_locked_documents_rels_response_templates_id_idx" ON "payload_locked_documents_rels" USING btree ("response_templates_id");
  CREATE INDEX "payload_locked_documents_rels_interaction_replies_id_idx" ON "payload_locked_documents_rels" USING btree ("interaction_replies_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "response_templates" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "response_templates_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "interaction_replies" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "response_templates" CASCADE;
  DROP TABLE "response_templates_locales" CASCADE;
  DROP TABLE "interaction_replies" CASCADE;
  ALTER TABLE "interactions" DROP CONSTRAINT "interactions_suggested_template_id_response_templates_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_response_templates_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_interaction_replies_fk";
  
  DROP INDEX "interactions_suggested_template_idx";
  DROP INDEX "payload_locked_documents_rels_response_templates_id_idx";
  DROP INDEX "payload_locked_documents_rels_interaction_replies_id_idx";
  ALTER TABLE "interactions" DROP COLUMN "escalated_at";
  ALTER TABLE "interactions" DROP COLUMN "suggested_template_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "response_templates_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "interaction_replies_id";
  DROP TYPE "public"."enum_response_templates_purpose";
  DROP TYPE "public"."enum_response_templates_state";
  DROP TYPE "public"."enum_interaction_replies_state";`)
}
