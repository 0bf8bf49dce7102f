import path from 'node:path'

import type { CollectionConfig, Config } from 'payload'

import { escalationTaskConfig } from './inbox/escalation'
import { interactionEvidenceCollection } from './inbox/evidence-collection'
import { keepNotesAppendOnly, logChangesByPeople, markReviewedByPeople } from './inbox/human-actions'
import { pressMentionsCollection } from './inbox/press-mentions-collection'
import { inboundDeliveriesCollection } from './inbox/inbound-deliveries-collection'
import { interactionEndpoints, replyDecisionEndpoints } from './inbox/interaction-endpoints'
import { interactionRepliesCollection } from './inbox/replies-collection'
import { responseTemplatesCollection } from './inbox/templates-collection'
import { inboxRetentionTaskConfig } from './inbox/retention-task'
import { defaultSlaMinutes } from './inbox/ingest'
import type { InboxSettings } from './inbox/ingest'
import { interactionsCollection } from './inbox/interactions-collection'
import { createArrivalProcessor, processDeliveriesTaskConfig } from './inbox/processing'
import { resumeImportsTaskConfig } from './inbox/import'
import { inboxImportsCollection } from './inbox/imports-collection'
import { pollTaskConfig } from './inbox/polling'
import { inboxQueue } from './inbox/queue'
import { metricSnapshotsCollection } from './reporting/metric-snapshots-collection'
import { metricImportsCollection } from './reporting/metric-imports-collection'
import { metricsImportEndpoint } from './reporting/metrics-import-endpoint'
import { resumeMetricImportsTaskConfig } from './reporting/metrics-import'
import { pullMetricsTaskConfig, reportingQueue } from './reporting/metrics-pull'
import { inboxSettingsGlobal } from './inbox/settings-global'
import { silenceTaskConfig } from './inbox/silence'
import { inboxSyncCollection } from './inbox/sync-collection'
import { metaWebhookEndpoints } from './inbox/webhook-endpoints'
import { moderationCheckEndpoint } from './moderation/check-endpoint'
import { moderationLogCollection } from './moderation/log-collection'
import { logCheckpointsCollection } from './moderation/log-checkpoints-collection'
import { checkpointTaskConfig } from './moderation/checkpoint-task'
import { onShutdown } from '../../src/infra/lifecycle'
import { maintenanceQueue, retentionPurgeTaskConfig } from './moderation/retention-task'
import { moderationModelEndpoints } from './moderation/triage/model-endpoints'
import { moderationModelsCollection } from './moderation/triage/models-collection'
import { trainModelTaskConfig } from './moderation/triage/train-task'
import { Myths } from './moderation/myths-collection'
import { ModerationRules } from './moderation/rules-collection'
import { crisisEventsCollection, crisisModeGlobal } from './publishing/crisis-mode-config'
import { publishingEndpoints } from './publishing/publishing-endpoints'
import { reportEndpoints } from './reporting/report-endpoints'
import { reportOpenApiEndpoint } from './reporting/report-openapi'
import { reportQueries } from './reporting/report-graphql'
import { metricsPullEndpoint } from './reporting/metrics-pull-endpoint'
import { sendReportNowEndpoint } from './reporting/periodic-report-endpoints'
import { deliverPeriodicReportTaskConfig, queuePeriodicReportsTaskConfig } from './reporting/periodic-report-tasks'
import { periodicReportsCollection } from './reporting/periodic-reports-collection'
import { reportSubscriptionsCollection } from './reporting/report-subscriptions-collection'
import { crisisAlertsCollection } from './reporting/crisis/crisis-alerts-collection'
import { crisisChecklistEndpoint, crisisLookEndpoint, crisisRoomEndpoint } from './reporting/crisis/crisis-endpoints'
import { crisisPlaybooksCollection } from './reporting/crisis/crisis-playbooks-collection'
import { crisisAlertMailTaskConfig } from './reporting/crisis/crisis-alert-mail'
import { crisisSettingsGlobal } from './reporting/crisis/crisis-settings-global'
import { crisisWatchTaskConfig } from './reporting/crisis/crisis-watch-task'
import { publicMediaEndpoint } from './publishing/public-media-endpoint'
import { createPublishingRuntime } from './publishing/runtime'
import { createPublishingScheduler } from './publishing/scheduler'
import { withVariantPublishing } from './publishing/variant-publishing'
import { createWebhookPoster } from './publishing/webhook-delivery'
import { webhookDeliveryTaskConfig, webhookQueue } from './publishing/webhooks'
import { networkAccountsCollection } from './publishing/network-accounts-collection'
import { networkAccountOAuthEndpoints } from './publishing/oauth-endpoints'
import { publicationAttemptsCollection } from './publishing/publication-attempts-collection'
import { createTokenCipher, derivedTokenKey } from './publishing/token-crypto'
import { webhookSubscriptionsCollection } from './publishing/webhook-subscriptions-collection'
import { campaignOpsTranslations } from './translations'
import type { CampaignOpsOptions } from './types'
import { isolatedCollection, isolatedGlobal } from '../../src/infra/isolated-config'
import { rscComponent, clientComponent } from './admin-components'
import { withPluginWidgets } from './home-widgets'

export type { CampaignOpsOptions } from './types'
/** The rule set Badil ships with, for seeding and for `npm run moderate -- --rules default`. */
export { defaultRules as defaultModerationRules } from './moderation/default-rules'

export const defaultLogRetentionDays = 180
export const defaultEvidenceRetentionDays = 365

export { publishingScheduler } from './publishing/scheduler'
export { seedModerationLibrary } from './moderation/seed-library'
export { oauthConfigFromEnv } from './networks/oauth'
export type { PublishingOptions } from './publishing/options'
export { signWebhook } from './publishing/webhooks'

/** The app's i18n with the plugin's catalogue added, language by language. */
function withPluginTranslations(i18n: Config['i18n']): Config['i18n'] {
  const translations: Record<string, object> = { ...i18n?.translations }
  for (const [language, strings] of Object.entries(campaignOpsTranslations)) translations[language] = { ...translations[language], ...strings }
  return { ...i18n, translations }
}

/** Applies `extend` to the app collection named `slug`; a missing target is a configuration error. */
function extendCollection(collections: CollectionConfig[], slug: string, extend: (collection: CollectionConfig) => CollectionConfig) {
  if (!collections.some((collection) => collection.slug === slug)) {
    throw new Error(`campaign-ops: the collection "${slug}" named in the plugin's options is not in the config.`)
  }
  return collections.map((collection) => (collection.slug === slug ? extend(collection) : collection))
}

/**
 * The campaign-ops plugin, shaped like Payload's own plugins: options in, a function from config
 * to config out. It adds the moderation log, validates and logs moderation rules, serves the rule
 * tester and schedules the log's retention purge.
 */
export const campaignOps =
  (options: CampaignOpsOptions = {}) =>
  (config: Config): Config => {
    const enabled = options.enabled !== false
    // Collections stay when disabled: the schema and its migrations do not depend on the switch.
    const cipher = createTokenCipher(options.publishing?.tokenKey ?? derivedTokenKey(config.secret ?? ''))
    const webhookTarget = { allowPrivateAddresses: options.publishing?.webhooks?.allowPrivateAddresses === true }
    const variantsSlug = options.collections?.variants ?? 'platform-variants'
    const runtime = enabled ? createPublishingRuntime(options.publishing ?? {}, cipher) : undefined
    const networkAccounts = networkAccountsCollection(cipher)
    const actionSettings = runtime
      ? { runtime, evidenceRetentionDays: options.inbox?.evidenceRetentionDays ?? defaultEvidenceRetentionDays, pseudonymKey: options.moderation?.pseudonymKey }
      : undefined
    const inboxSettings: InboxSettings = {
      variantsSlug,
      actions: actionSettings,
      slaMinutes: { ...defaultSlaMinutes, ...options.inbox?.slaMinutes },
      pseudonymKey: options.moderation?.pseudonymKey,
    }
    const pluginCollections = [
      Myths,
      ModerationRules,
      moderationLogCollection,
      logCheckpointsCollection,
      // Connecting accounts with OAuth and renewing their tokens are the engine's: off with the plugin.
      runtime
        ? { ...networkAccounts, endpoints: [...(networkAccounts.endpoints || []), ...networkAccountOAuthEndpoints({ cipher, oauth: runtime.oauth })] }
        : networkAccounts,
      publicationAttemptsCollection,
      webhookSubscriptionsCollection(cipher, webhookTarget),
      crisisEventsCollection,
      // Working an interaction (actions, logged changes) is the plugin's behaviour: off with it.
      runtime
        ? interactionsCollection({
            variantsSlug,
            hooks: { beforeChange: [keepNotesAppendOnly, markReviewedByPeople], afterChange: [logChangesByPeople(options.moderation?.pseudonymKey)] },
            endpoints: interactionEndpoints(actionSettings!, inboxSettings),
          })
        : interactionsCollection({ variantsSlug }),
      inboundDeliveriesCollection,
      interactionEvidenceCollection,
      responseTemplatesCollection,
      inboxSyncCollection,
      pressMentionsCollection,
      inboxImportsCollection,
      runtime ? { ...interactionRepliesCollection, endpoints: replyDecisionEndpoints(actionSettings!) } : interactionRepliesCollection,
      metricSnapshotsCollection(variantsSlug),
      // Importing a file of figures is the plugin's behaviour: off with it.
      runtime ? { ...metricImportsCollection, endpoints: [metricsImportEndpoint] } : metricImportsCollection,
      // Sending a report now is the plugin's behaviour: off with it.
      runtime ? { ...reportSubscriptionsCollection, endpoints: [sendReportNowEndpoint] } : reportSubscriptionsCollection,
      periodicReportsCollection(options.reporting?.reportsDir ?? path.resolve(process.cwd(), '.data', 'reports')),
      // The crisis room's endpoints are the plugin's behaviour: off with it.
      runtime ? { ...crisisAlertsCollection(variantsSlug), endpoints: [crisisRoomEndpoint, crisisChecklistEndpoint] } : crisisAlertsCollection(variantsSlug),
      crisisPlaybooksCollection,
      // Training and activating triage models are the plugin's behaviour: off with it.
      runtime ? { ...moderationModelsCollection, endpoints: moderationModelEndpoints } : moderationModelsCollection,
    ].map(isolatedCollection)
    const collections = extendCollection([...(config.collections ?? []), ...pluginCollections], variantsSlug, withVariantPublishing(runtime))
    const globals = [...(config.globals ?? []), isolatedGlobal(crisisModeGlobal), isolatedGlobal(inboxSettingsGlobal), isolatedGlobal(crisisSettingsGlobal)]
    // Off: the collections (and the fields on variants) stay, the behaviour goes.
    if (!runtime) {
      return {
        ...config,
        collections,
        globals,
        i18n: withPluginTranslations(config.i18n),
        custom: { ...config.custom, campaignOps: { enabled } },
      }
    }
    const retentionDays = options.moderation?.logRetentionDays ?? defaultLogRetentionDays
    const processArrivals = options.inbox?.processOnArrival === false ? () => undefined : createArrivalProcessor(inboxSettings)
    return {
      ...config,
      collections,
      globals,
      i18n: withPluginTranslations(config.i18n),
      graphQL: {
        ...config.graphQL,
        queries: (graphQL, context) => ({
          ...config.graphQL?.queries?.(graphQL, context),
          ...reportQueries(graphQL, { rateLimit: options.reporting?.apiRateLimit }),
        }),
      },
      endpoints: [
        ...(config.endpoints ?? []),
        moderationCheckEndpoint,
        ...publishingEndpoints,
        publicMediaEndpoint,
        ...metaWebhookEndpoints(options.inbox?.meta ?? {}, processArrivals),
        ...reportEndpoints({ rateLimit: options.reporting?.apiRateLimit }),
        metricsPullEndpoint({ runtime: runtime!, postsPerAccount: options.reporting?.metricsPostsPerAccount }),
        reportOpenApiEndpoint,
        crisisLookEndpoint,
      ],
      jobs: {
        ...config.jobs,
        tasks: [
          ...(config.jobs?.tasks ?? []),
          webhookDeliveryTaskConfig(cipher, createWebhookPoster(webhookTarget)),
          retentionPurgeTaskConfig(retentionDays),
          checkpointTaskConfig,
          processDeliveriesTaskConfig(inboxSettings),
          escalationTaskConfig,
          silenceTaskConfig,
          pollTaskConfig({ ...inboxSettings, actions: actionSettings!, lookbackDays: options.inbox?.pollLookbackDays ?? 7 }),
          resumeImportsTaskConfig(inboxSettings),
          inboxRetentionTaskConfig({ handleRetentionDays: retentionDays }),
          pullMetricsTaskConfig({ runtime: runtime!, postsPerAccount: options.reporting?.metricsPostsPerAccount }),
          queuePeriodicReportsTaskConfig,
          resumeMetricImportsTaskConfig,
          deliverPeriodicReportTaskConfig({ chromiumPath: options.reporting?.chromiumPath }),
          crisisWatchTaskConfig({ pseudonymKey: options.moderation?.pseudonymKey }),
          crisisAlertMailTaskConfig(),
          trainModelTaskConfig,
        ],
        // Payload runs these queues on its crons in every web instance (not in tests or one-off scripts).
        autoRun:
          options.runScheduledJobs === false
            ? config.jobs?.autoRun
            : [
                ...(Array.isArray(config.jobs?.autoRun) ? config.jobs.autoRun : []),
                { queue: webhookQueue, cron: '*/10 * * * * *', limit: 100 },
                // Every minute: queues the nightly purge when it is due (schedule), and runs it.
                { queue: maintenanceQueue, cron: '* * * * *', limit: 5 },
                // Every minute: reads the webhook deliveries no instance has read yet.
                { queue: inboxQueue, cron: '* * * * *', limit: 5 },
                // Every minute: queues the hourly metrics pull, the hourly look at due reports and the resuming of
                // stopped imports, and runs them and the reports due.
                { queue: reportingQueue, cron: '* * * * *', limit: 5 },
              ],
      },
      admin: {
        ...config.admin,
        // Each role's home page: the plugin's panels (next posts, problems, inbox, figures, press).
        dashboard: withPluginWidgets(config.admin?.dashboard),
        components: {
          ...config.admin?.components,
          // The crisis pause shows on every admin page.
          // Open crisis alerts show on every admin page too, for those who read them.
          header: [...(config.admin?.components?.header ?? []), rscComponent('CrisisBanner'), clientComponent('CrisisAlertBanner')],
          views: {
            ...config.admin?.components?.views,
            moderationTester: {
              Component: rscComponent('ModerationTesterView'),
              path: '/moderation-tester',
            },
            publishingQueue: {
              Component: rscComponent('PublishingQueueView'),
              path: '/publishing-queue',
            },
            inbox: {
              Component: rscComponent('InboxView'),
              path: '/inbox',
            },
            reportsApi: {
              Component: rscComponent('ReportsApiView'),
              path: '/reports-api',
            },
            crisisRoom: {
              Component: rscComponent('CrisisRoomView'),
              path: '/crisis-room',
            },
          },
          afterNavLinks: [
            ...(config.admin?.components?.afterNavLinks ?? []),
            clientComponent('ModerationTesterNavLink'),
            clientComponent('PublishingQueueNavLink'),
            clientComponent('InboxNavLink'),
            clientComponent('ReportsApiNavLink'),
            clientComponent('CrisisRoomNavLink'),
          ],
        },
      },
      custom: {
        ...config.custom,
        campaignOps: { enabled, moderation: { retentionDays }, reporting: { apiRateLimit: options.reporting?.apiRateLimit } },
      },
      onInit: async (payload) => {
        await config.onInit?.(payload)
        const scheduler = createPublishingScheduler(payload, runtime)
        if (options.runScheduledJobs !== false && runtime.runScheduler) scheduler.start()
        // A stopping instance claims no more variants and lets the publications in flight settle.
        onShutdown(payload, 'publishing scheduler', () => scheduler.stop())
      },
    }
  }
