import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * A moderation rule's name becomes localized (one row per content locale in
 * moderation_rules_locales), so explanations name rules in each reader's language.
 *
 * Up copies every stored name into the default locale's row ('fr', the default content locale
 * when this was written) before the column goes. It keeps what is stored: an installation may have
 * renamed the shipped rules, so no name is overwritten and no translation is added here; the
 * Arabic names come with the seed of a new database, or from NCSC editing the rule in Arabic.
 * Down puts the French name back in the column (or, for a rule named only in another locale, that
 * name; a rule with none at all gets "#<id>", so the column can be NOT NULL again); the other
 * locales' names are lost.
 */
export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "moderation_rules_locales" (
  	"name" varchar NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  ALTER TABLE "moderation_rules_locales" ADD CONSTRAINT "moderation_rules_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."moderation_rules"("id") ON DELETE cascade ON UPDATE no action;
  CREATE UNIQUE INDEX "moderation_rules_locales_locale_parent_id_unique" ON "moderation_rules_locales" USING btree ("_locale","_parent_id");
  INSERT INTO "moderation_rules_locales" ("name", "_locale", "_parent_id") SELECT "name", 'fr', "id" FROM "moderation_rules";
  ALTER TABLE "moderation_rules" DROP COLUMN "name";`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "moderation_rules" ADD COLUMN "name" varchar;
  UPDATE "moderation_rules" r SET "name" = COALESCE(
    (SELECT l."name" FROM "moderation_rules_locales" l WHERE l."_parent_id" = r."id" ORDER BY l."_locale" = 'fr' DESC, l."id" LIMIT 1),
    '#' || r."id"
  );
  ALTER TABLE "moderation_rules" ALTER COLUMN "name" SET NOT NULL;
  DROP TABLE "moderation_rules_locales" CASCADE;`)
}
