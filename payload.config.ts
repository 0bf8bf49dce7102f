import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { ar } from '@payloadcms/translations/languages/ar'
import { en } from '@payloadcms/translations/languages/en'
import { fr } from '@payloadcms/translations/languages/fr'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { ContentItems } from './collections/ContentItems'
import { KeyMoments } from './collections/KeyMoments'
import { mediaCollection } from './collections/Media'
import { PlatformVariants } from './collections/PlatformVariants'
import { Themes } from './collections/Themes'
import { Users } from './collections/Users'
import { WorkflowEvents } from './collections/WorkflowEvents'
import { migrations } from './migrations'
import { campaignOps, oauthConfigFromEnv, seedModerationLibrary } from './plugins/campaign-ops'
import type { CampaignOpsOptions, PublishingOptions } from './plugins/campaign-ops'
import { createDatabaseAdapter } from './src/infra/database'
import { dataDir, resolvePayloadSecret } from './src/infra/data-dir'
import { decodeTokenKey, isBuildPhase, loadEnv } from './src/infra/env'
import { isolatedCollection } from './src/infra/isolated-config'
import type { Env } from './src/infra/env'
import { contentLocales, defaultAdminLanguage, defaultContentLocale } from './src/domain/languages'
import { createEmailAdapter } from './src/infra/mailer'
import { jobsAccess, restrictPayloadInternals } from './src/security/payload-internals'
import { refuseMalformedDocumentIds } from './src/infra/document-ids'
import { migrateOnStart } from './src/infra/migrate-on-start'
import { claimJobsOnce } from './src/infra/job-claims'
import { drainJobsOnShutdown } from './src/infra/job-drain'
import { fileStoresFor, objectStoragePlugin, s3SettingsFromEnv } from './src/infra/object-storage'
import { claimScheduledRuns } from './src/infra/scheduled-runs'
import { uploadLimits } from './src/media/upload-limits'
import { badilTranslations } from './src/i18n/translations'
import { calendarEndpoints } from './src/calendar/calendar-endpoints'
import { appHomeLayout, appWidgets } from './src/admin/home/home-widgets'
import { healthEndpoints } from './src/infra/health-endpoints'
import { installSignalHandlers } from './src/infra/lifecycle'
import { readableLogLines } from './src/infra/log-lines'
import { seedCampaignTaxonomy } from './src/seed/campaign-taxonomy'
import { workflowMutations } from './src/workflow/graphql-mutation'
import { notifyWorkflowTransitionTask } from './src/workflow/notifications'
import { seedInitialAccounts } from './src/seed/initial-accounts'
import type { SeedMode } from './src/seed/initial-accounts'

const projectRoot = path.dirname(fileURLToPath(import.meta.url))

export type BadilConfigOptions = {
  env: Env
  /** Overrides DATABASE_URL (tests give each suite its own database). */
  databaseUrl?: string
  /** What the first start on an empty database creates; defaults from NODE_ENV. */
  seed?: SeedMode
  /** Apply pending migrations during init (on by default). */
  migrate?: boolean
  /** Refuse to start on an empty database without ADMIN_EMAIL/ADMIN_PASSWORD (production by default). */
  requireFirstAdmin?: boolean
  /** Schedule background jobs (off under NODE_ENV=test). */
  runScheduledJobs?: boolean
  /** Overrides of the publishing engine (tests: fake networks, short leases, hooks). */
  publishing?: PublishingOptions
  /** Overrides of the inbox (tests: webhook secrets, processing on arrival). */
  inbox?: CampaignOpsOptions['inbox']
  /** Overrides of the reporting (tests: a small rate limit). */
  reporting?: CampaignOpsOptions['reporting']
}

/** Badil's Payload config: database, email, languages, collections and the campaign-ops plugin. */
export function badilConfig(options: BadilConfigOptions) {
  const { env } = options
  const dataDirPath = dataDir(env)
  const seed: SeedMode = options.seed ?? (env.NODE_ENV === 'development' ? 'demo' : 'admin')

  const mediaDir = path.resolve(projectRoot, env.MEDIA_DIR)
  const reportsDir = path.join(dataDirPath, 'reports')
  const s3 = s3SettingsFromEnv(env)
  const fileStores = fileStoresFor({ s3, mediaDir, reportsDir })

  const mediaLimits = {
    image: env.MEDIA_MAX_IMAGE_MB * 1024 * 1024,
    video: env.MEDIA_MAX_VIDEO_MB * 1024 * 1024,
    pdf: env.MEDIA_MAX_PDF_MB * 1024 * 1024,
  }

  return buildConfig({
    secret: resolvePayloadSecret(env),
    serverURL: env.SERVER_URL,
    admin: {
      user: Users.slug,
      importMap: { baseDir: projectRoot },
      meta: { titleSuffix: ' — Badil' },
      // No Gravatar: the admin makes no request outside the campaign's own server.
      avatar: 'default',
      // Each role's home page: what waits for them, shortcuts (the plugin adds its panels).
      dashboard: { widgets: appWidgets, defaultLayout: appHomeLayout },
      components: {
        // Badil's name and mark on the login page and in the header, not Payload's.
        graphics: { Logo: '/src/admin/BadilLogo#BadilLogo', Icon: '/src/admin/BadilLogo#BadilIcon' },
        providers: ['/src/admin/UserLanguageSync#UserLanguageSync'],
        beforeNavLinks: ['/src/admin/ReviewQueueNav#ReviewQueueNav', '/src/admin/CalendarNavLink#CalendarNavLink'],
        views: {
          editorialCalendar: { Component: '/src/admin/CalendarView#CalendarView', path: '/calendar' },
        },
      },
      // Morocco moves its clocks around Ramadan: times are entered and shown in Casablanca time.
      timezones: {
        defaultTimezone: 'Africa/Casablanca',
        supportedTimezones: [
          { label: 'Casablanca', value: 'Africa/Casablanca' },
          { label: 'UTC', value: 'UTC' },
        ],
      },
    },
    collections: [Users, Themes, KeyMoments, mediaCollection({ staticDir: mediaDir, limits: mediaLimits }), ContentItems, PlatformVariants, WorkflowEvents].map(
      isolatedCollection,
    ),
    endpoints: [...calendarEndpoints, ...healthEndpoints({ migrations, fileStores })],
    editor: lexicalEditor(),
    db: createDatabaseAdapter({
      url: options.databaseUrl ?? env.DATABASE_URL,
      migrationDir: path.resolve(projectRoot, 'migrations'),
      readReplicas: env.DATABASE_READ_REPLICAS,
    }),
    email: createEmailAdapter(env, dataDirPath),
    i18n: {
      supportedLanguages: { fr, ar, en },
      fallbackLanguage: defaultAdminLanguage,
      translations: badilTranslations,
    },
    localization: {
      locales: contentLocales.map((locale) => ({
        code: locale.code,
        label: locale.label,
        rtl: locale.rtl,
        fallbackLocale: locale.code === defaultContentLocale ? undefined : defaultContentLocale,
      })),
      defaultLocale: defaultContentLocale,
      fallback: true,
    },
    sharp,
    // Uploads are refused while they stream once past the largest MEDIA_MAX_*_MB.
    upload: uploadLimits(mediaLimits),
    // Types are generated on purpose (`npm run generate:types`) and checked in CI, not on every boot.
    typescript: { outputFile: path.resolve(projectRoot, 'payload-types.ts'), autoGenerate: false },
    telemetry: false,
    // External reporting tools discover the schema by introspection, in production too.
    graphQL: {
      disableIntrospectionInProduction: false,
      mutations: (graphQL, context) => workflowMutations(graphQL, context),
    },
    jobs: {
      access: jobsAccess,
      tasks: [notifyWorkflowTransitionTask],
      // Payload runs the notifications every minute in each web instance; tests run jobs by hand.
      autoRun: (options.runScheduledJobs ?? env.NODE_ENV !== 'test') ? [{ queue: 'notifications', cron: '* * * * *', limit: 50 }] : undefined,
      deleteJobOnComplete: false,
    },
    // JSON lines in production (for the log collector); readable lines for a person elsewhere.
    logger: env.NODE_ENV === 'production' ? { options: { level: env.LOG_LEVEL } } : { options: { level: env.LOG_LEVEL }, destination: readableLogLines() },
    plugins: [
      campaignOps({
        moderation: { logRetentionDays: env.MODERATION_LOG_RETENTION_DAYS, pseudonymKey: env.MODERATION_PSEUDONYM_KEY },
        inbox: { ...options.inbox, meta: { appSecret: env.FACEBOOK_APP_SECRET, verifyToken: env.META_WEBHOOK_VERIFY_TOKEN, ...options.inbox?.meta } },
        publishing: {
          tokenKey: env.NETWORK_TOKEN_KEY ? decodeTokenKey(env.NETWORK_TOKEN_KEY) : undefined,
          endpoints: {
            facebook: { baseUrl: env.FACEBOOK_GRAPH_URL, uploadBaseUrl: env.FACEBOOK_UPLOAD_URL },
            instagram: { baseUrl: env.INSTAGRAM_GRAPH_URL },
            x: { baseUrl: env.X_API_URL, uploadBaseUrl: env.X_UPLOAD_URL },
            linkedin: { baseUrl: env.LINKEDIN_API_URL },
            youtube: { baseUrl: env.YOUTUBE_API_URL, uploadBaseUrl: env.YOUTUBE_UPLOAD_URL },
            tiktok: { baseUrl: env.TIKTOK_API_URL },
          },
          oauth: oauthConfigFromEnv(env),
          publicMediaBaseUrl: env.SERVER_URL,
          runScheduler: env.PUBLISHING_SCHEDULER,
          webhooks: { allowPrivateAddresses: env.WEBHOOK_ALLOW_PRIVATE },
          ...options.publishing,
        },
        reporting: {
          apiRateLimit: { calls: env.REPORT_API_CALLS_PER_MINUTE, perSeconds: 60 },
          reportsDir,
          chromiumPath: env.CHROMIUM_PATH,
          ...options.reporting,
        },
        runScheduledJobs: options.runScheduledJobs ?? env.NODE_ENV !== 'test',
      }),
      // After the plugin, whose reports collection it stores too.
      objectStoragePlugin(s3),
      // Last: every scheduled task, the app's and the plugin's, queues each run once across instances.
      claimScheduledRuns,
    ],
    // Server-only (Payload never sends `custom` to the browser): where Badil's own file work goes.
    custom: { fileStores },
    onInit: async (payload) => {
      // Before any job runs: with several instances, each job is claimed by one of them.
      claimJobsOnce(payload)
      // A stopping instance starts no job and lets the runs going finish.
      drainJobsOnShutdown(payload)
      if (env.BADIL_SERVER) {
        installSignalHandlers(payload, { timeoutMs: env.SHUTDOWN_TIMEOUT_S * 1000, drainMs: Math.min(5000, (env.SHUTDOWN_TIMEOUT_S * 1000) / 3) })
      }
      if (options.migrate !== false) await migrateOnStart(payload, migrations)
      await seedInitialAccounts(payload, {
        mode: seed,
        adminEmail: env.ADMIN_EMAIL,
        adminPassword: env.ADMIN_PASSWORD,
        dataDirPath,
        requireFirstAdmin: options.requireFirstAdmin ?? (env.NODE_ENV === 'production' && !isBuildPhase(env)),
      })
      if (seed !== 'none') {
        await seedCampaignTaxonomy(payload, { demo: seed === 'demo' })
        await seedModerationLibrary(payload, { activateRules: seed === 'demo' })
      }
    },
  })
    .then(restrictPayloadInternals)
    .then(refuseMalformedDocumentIds)
}

export default badilConfig({ env: loadEnv() })
