import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_network_accounts_network" AS ENUM('facebook', 'instagram', 'x', 'linkedin', 'youtube', 'tiktok');
  CREATE TYPE "public"."enum_network_accounts_connection" AS ENUM('api', 'manual');
  CREATE TYPE "public"."enum_network_accounts_status" AS ENUM('ok', 'needs_reconnect', 'rate_limited');
  CREATE TYPE "public"."enum_publication_attempts_kind" AS ENUM('publish', 'reconcile', 'manual', 'resolve');
  CREATE TYPE "public"."enum_publication_attempts_outcome" AS ENUM('in_progress', 'succeeded', 'retry_scheduled', 'rate_limited', 'failed', 'outcome_unknown', 'found', 'not_found', 'vetoed', 'interrupted');
  CREATE TYPE "public"."enum_webhook_subscriptions_events" AS ENUM('publication.succeeded', 'publication.failed', 'publication.outcome_unknown');
  ALTER TYPE "public"."enum_platform_variants_publication_state" ADD VALUE 'held';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'deliverPublicationWebhook';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'deliverPublicationWebhook';
  CREATE TABLE "network_accounts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"network" "enum_network_accounts_network" NOT NULL,
  	"connection" "enum_network_accounts_connection" DEFAULT 'api' NOT NULL,
  	"name" varchar NOT NULL,
  	"account_id" varchar NOT NULL,
  	"access_token_sealed" varchar,
  	"refresh_token_sealed" varchar,
  	"token_expires_at" timestamp(3) with time zone,
  	"scopes" varchar,
  	"status" "enum_network_accounts_status" DEFAULT 'ok',
  	"rate_limited_until" timestamp(3) with time zone,
  	"last_error" varchar,
  	"connected_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "publication_attempts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"variant_id" integer NOT NULL,
  	"network_account_id" integer,
  	"platform" varchar,
  	"attempt_number" numeric NOT NULL,
  	"kind" "enum_publication_attempts_kind" NOT NULL,
  	"idempotency_key" varchar NOT NULL,
  	"instance" varchar,
  	"actor_id" integer,
  	"outcome" "enum_publication_attempts_outcome" NOT NULL,
  	"request_summary" jsonb,
  	"response" jsonb,
  	"error_kind" varchar,
  	"reason" varchar,
  	"remote_id" varchar,
  	"permalink" varchar,
  	"retry_at" timestamp(3) with time zone,
  	"started_at" timestamp(3) with time zone NOT NULL,
  	"finished_at" timestamp(3) with time zone,
  	"duration_ms" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "webhook_subscriptions_events" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_webhook_subscriptions_events",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "webhook_subscriptions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"url" varchar NOT NULL,
  	"active" boolean DEFAULT true,
  	"secret_sealed" varchar,
  	"last_delivery_at" timestamp(3) with time zone,
  	"last_status" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "crisis_mode_events" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"active" boolean DEFAULT false NOT NULL,
  	"reason" varchar NOT NULL,
  	"actor_id" integer NOT NULL,
  	"at" timestamp(3) with time zone NOT NULL,
  	"held_variants" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "crisis_mode" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"active" boolean DEFAULT false,
  	"reason" varchar,
  	"changed_by_id" integer,
  	"changed_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "platform_variants" ADD COLUMN "network_account_id" integer;
  ALTER TABLE "platform_variants" ADD COLUMN "published_at" timestamp(3) with time zone;
  ALTER TABLE "platform_variants" ADD COLUMN "next_attempt_at" timestamp(3) with time zone;
  ALTER TABLE "platform_variants" ADD COLUMN "lease_until" timestamp(3) with time zone;
  ALTER TABLE "platform_variants" ADD COLUMN "claim_token" varchar;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "network_accounts_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "publication_attempts_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "webhook_subscriptions_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "crisis_mode_events_id" integer;
  ALTER TABLE "publication_attempts" ADD CONSTRAINT "publication_attempts_variant_id_platform_variants_id_fk" FOREIGN KEY ("variant_id") REFERENCES "public"."platform_variants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "publication_attempts" ADD CONSTRAINT "publication_attempts_network_account_id_network_accounts_id_fk" FOREIGN KEY ("network_account_id") REFERENCES "public"."network_accounts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "publication_attempts" ADD CONSTRAINT "publication_attempts_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "webhook_subscriptions_events" ADD CONSTRAINT "webhook_subscriptions_events_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."webhook_subscriptions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "crisis_mode_events" ADD CONSTRAINT "crisis_mode_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "crisis_mode" ADD CONSTRAINT "crisis_mode_changed_by_id_users_id_fk" FOREIGN KEY ("changed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "network_accounts_updated_at_idx" ON "network_accounts" USING btree ("updated_at");
  CREATE INDEX "network_accounts_created_at_idx" ON "network_accounts" USING btree ("created_at");
  CREATE UNIQUE INDEX "network_accountId_idx" ON "network_accounts" USING btree ("network","account_id");
  CREATE INDEX "publication_attempts_variant_idx" ON "publication_attempts" USING btree ("variant_id");
  CREATE INDEX "publication_attempts_network_account_idx" ON "publication_attempts" USING btree ("network_account_id");
  CREATE INDEX "publication_attempts_idempotency_key_idx" ON "publication_attempts" USING btree ("idempotency_key");
  CREATE INDEX "publication_attempts_actor_idx" ON "publication_attempts" USING btree ("actor_id");
  CREATE INDEX "publication_attempts_outcome_idx" ON "publication_attempts" USING btree ("outcome");
  CREATE INDEX "publication_attempts_started_at_idx" ON "publication_attempts" USING btree ("started_at");
  CREATE INDEX "publication_attempts_updated_at_idx" ON "publication_attempts" USING btree ("updated_at");
  CREATE INDEX "publication_attempts_created_at_idx" ON "publication_attempts" USING btree ("created_at");
  CREATE INDEX "webhook_subscriptions_events_order_idx" ON "webhook_subscriptions_events" USING btree ("order");
  CREATE INDEX "webhook_subscriptions_events_parent_idx" ON "webhook_subscriptions_events" USING btree ("parent_id");
  CREATE INDEX "webhook_subscriptions_updated_at_idx" ON "webhook_subscriptions" USING btree ("updated_at");
  CREATE INDEX "webhook_subscriptions_created_at_idx" ON "webhook_subscriptions" USING btree ("created_at");
  CREATE INDEX "crisis_mode_events_actor_idx" ON "crisis_mode_events" USING btree ("actor_id");
  CREATE INDEX "crisis_mode_events_updated_at_idx" ON "crisis_mode_events" USING btree ("updated_at");
  CREATE INDEX "crisis_mode_events_created_at_idx" ON "crisis_mode_events" USING btree ("created_at");
  CREATE INDEX "crisis_mode_changed_by_idx" ON "crisis_mode" USING btree ("changed_by_id");
  ALTER TABLE "platform_variants" ADD CONSTRAINT "platform_variants_network_account_id_network_accounts_id_fk" FOREIGN KEY ("network_account_id") REFERENCES "public"."network_accounts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_network_accounts_fk" FOREIGN KEY ("network_accounts_id") REFERENCES "public"."network_accounts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_publication_attempts_fk" FOREIGN KEY ("publication_attempts_id") REFERENCES "public"."publication_attempts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_webhook_subscriptions_fk" FOREIGN KEY ("webhook_subscriptions_id") REFERENCES "public"."webhook_subscriptions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_crisis_mode_events_fk" FOREIGN KEY ("crisis_mode_events_id") REFERENCES "public"."crisis_mode_events"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "platform_variants_network_account_idx" ON "platform_variants" USING btree ("network_account_id");
  CREATE INDEX "platform_variants_next_attempt_at_idx" ON "platform_variants" USING btree ("next_attempt_at");
  CREATE INDEX "platform_variants_lease_until_idx" ON "platform_variants" USING btree ("lease_until");
  -- Written by hand: the scheduler's claim reads due variants in time order and stops at the first
  -- one not locked by another instance; without this index every claim sorts all scheduled rows.
  CREATE INDEX "platform_variants_due_idx" ON "platform_variants" USING btree ("scheduled_at", "id") WHERE "publication_state" = 'scheduled';
  CREATE INDEX "payload_locked_documents_rels_network_accounts_id_idx" ON "payload_locked_documents_rels" USING btree ("network_accounts_id");
  CREATE INDEX "payload_locked_documents_rels_publication_attempts_id_idx" ON "payload_locked_documents_rels" USING btree ("publication_attempts_id");
  CREATE INDEX "payload_locked_documents_rels_webhook_subscriptions_id_idx" ON "payload_locked_documents_rels" USING btree ("webhook_subscriptions_id");
  CREATE INDEX "payload_locked_documents_rels_crisis_mode_events_id_idx" ON "payload_locked_documents_rels" USING btree ("crisis_mode_events_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "network_accounts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "publication_attempts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "webhook_subscriptions_events" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "webhook_subscriptions" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "crisis_mode_events" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "crisis_mode" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "network_accounts" CASCADE;
  DROP TABLE "publication_attempts" CASCADE;
  DROP TABLE "webhook_subscriptions_events" CASCADE;
  DROP TABLE "webhook_subscriptions" CASCADE;
  DROP TABLE "crisis_mode_events" CASCADE;
  DROP TABLE "crisis_mode" CASCADE;
  ALTER TABLE "platform_variants" DROP CONSTRAINT "platform_variants_network_account_id_network_accounts_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_network_accounts_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_publication_attempts_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_webhook_subscriptions_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_crisis_mode_events_fk";
  
  ALTER TABLE "platform_variants" ALTER COLUMN "publication_state" SET DATA TYPE text;
  ALTER TABLE "platform_variants" ALTER COLUMN "publication_state" SET DEFAULT 'draft'::text;
  DROP TYPE "public"."enum_platform_variants_publication_state";
  CREATE TYPE "public"."enum_platform_variants_publication_state" AS ENUM('draft', 'ready', 'scheduled', 'publishing', 'published', 'failed', 'outcome_unknown', 'cancelled');
  ALTER TABLE "platform_variants" ALTER COLUMN "publication_state" SET DEFAULT 'draft'::"public"."enum_platform_variants_publication_state";
  ALTER TABLE "platform_variants" ALTER COLUMN "publication_state" SET DATA TYPE "public"."enum_platform_variants_publication_state" USING "publication_state"::"public"."enum_platform_variants_publication_state";
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'notifyWorkflowTransition');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'notifyWorkflowTransition');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "platform_variants_network_account_idx";
  DROP INDEX "platform_variants_next_attempt_at_idx";
  DROP INDEX "platform_variants_lease_until_idx";
  DROP INDEX "platform_variants_due_idx";
  DROP INDEX "payload_locked_documents_rels_network_accounts_id_idx";
  DROP INDEX "payload_locked_documents_rels_publication_attempts_id_idx";
  DROP INDEX "payload_locked_documents_rels_webhook_subscriptions_id_idx";
  DROP INDEX "payload_locked_documents_rels_crisis_mode_events_id_idx";
  ALTER TABLE "platform_variants" DROP COLUMN "network_account_id";
  ALTER TABLE "platform_variants" DROP COLUMN "published_at";
  ALTER TABLE "platform_variants" DROP COLUMN "next_attempt_at";
  ALTER TABLE "platform_variants" DROP COLUMN "lease_until";
  ALTER TABLE "platform_variants" DROP COLUMN "claim_token";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "network_accounts_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "publication_attempts_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "webhook_subscriptions_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "crisis_mode_events_id";
  DROP TYPE "public"."enum_network_accounts_network";
  DROP TYPE "public"."enum_network_accounts_connection";
  DROP TYPE "public"."enum_network_accounts_status";
  DROP TYPE "public"."enum_publication_attempts_kind";
  DROP TYPE "public"."enum_publication_attempts_outcome";
  DROP TYPE "public"."enum_webhook_subscriptions_events";`)
}
