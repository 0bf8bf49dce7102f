import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_inbox_settings_business_days" AS ENUM('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun');
  CREATE TABLE "inbox_settings_business_days" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_inbox_settings_business_days",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  ALTER TABLE "inbox_settings" ADD COLUMN "business_start_hour" numeric DEFAULT 9;
  ALTER TABLE "inbox_settings" ADD COLUMN "business_end_hour" numeric DEFAULT 18;
  ALTER TABLE "inbox_settings_business_days" ADD CONSTRAINT "inbox_settings_business_days_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."inbox_settings"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "inbox_settings_business_days_order_idx" ON "inbox_settings_business_days" USING btree ("order");
  CREATE INDEX "inbox_settings_business_days_parent_idx" ON "inbox_settings_business_days" USING btree ("parent_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "inbox_settings_business_days" CASCADE;
  ALTER TABLE "inbox_settings" DROP COLUMN "business_start_hour";
  ALTER TABLE "inbox_settings" DROP COLUMN "business_end_hour";
  DROP TYPE "public"."enum_inbox_settings_business_days";`)
}
