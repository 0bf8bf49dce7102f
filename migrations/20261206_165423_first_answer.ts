import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "interactions" ADD COLUMN "first_answered_at" timestamp(3) with time zone;`)
  // Items answered before the column existed: their first reply sent from Badil, or posted by the account itself.
  await db.execute(sql`
   UPDATE "interactions" i SET "first_answered_at" = answers.at
     FROM (
       SELECT item_id, min(at) AS at FROM (
         SELECT r."interaction_id" AS item_id, r."sent_at" AS at FROM "interaction_replies" r WHERE r."state" = 'sent' AND r."sent_at" IS NOT NULL
         UNION ALL
         SELECT p."id", coalesce(o."remote_created_at", o."received_at")
           FROM "interactions" o JOIN "interactions" p ON p."network" = o."network" AND p."remote_id" = o."parent_remote_id"
          WHERE o."from_account_itself" AND NOT coalesce(p."from_account_itself", false)
       ) found GROUP BY item_id
     ) answers
    WHERE i."id" = answers.item_id;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "interactions" DROP COLUMN "first_answered_at";`)
}
