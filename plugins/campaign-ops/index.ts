import type { CollectionConfig, Config } from 'payload'

import { moderationCheckEndpoint } from './moderation/check-endpoint'
import { moderationLogCollection } from './moderation/log-collection'
import { maintenanceQueue, retentionPurgeTaskConfig } from './moderation/retention-task'
import { logRuleChange, logRuleDeletion, validateRuleBeforeChange } from './moderation/rule-hooks'
import { crisisEventsCollection, crisisModeGlobal } from './publishing/crisis-mode-config'
import { publishingEndpoints } from './publishing/publishing-endpoints'
import { createPublishingRuntime } from './publishing/runtime'
import type { PublishingRuntime } from './publishing/runtime'
import { createPublishingScheduler } from './publishing/scheduler'
import { variantActionEndpoints } from './publishing/variant-actions'
import { createWebhookPoster } from './publishing/webhook-delivery'
import { webhookDeliveryTaskConfig, webhookQueue } from './publishing/webhooks'
import { networkAccountsCollection } from './publishing/network-accounts-collection'
import { withNetworkAccountOAuth } from './publishing/oauth-endpoints'
import { publicationAttemptsCollection } from './publishing/publication-attempts-collection'
import { createTokenCipher, derivedTokenKey } from './publishing/token-crypto'
import { webhookSubscriptionsCollection } from './publishing/webhook-subscriptions-collection'
import type { CampaignOpsOptions } from './types'
import { isolatedCollection, isolatedGlobal } from '../../src/lib/isolated-config'

export type { CampaignOpsOptions } from './types'
/** The rule set Badil ships with, for seeding and for `npm run moderate -- --rules default`. */
export { defaultRules as defaultModerationRules } from './moderation/default-rules'

export const defaultLogRetentionDays = 180

export { publishingScheduler } from './publishing/scheduler'
export { signWebhook } from './publishing/webhooks'

function withModerationRuleHooks(collection: CollectionConfig): CollectionConfig {
  if (collection.slug !== 'moderation-rules') return collection
  return {
    ...collection,
    hooks: {
      ...collection.hooks,
      beforeChange: [...(collection.hooks?.beforeChange ?? []), validateRuleBeforeChange],
      afterChange: [...(collection.hooks?.afterChange ?? []), logRuleChange],
      afterDelete: [...(collection.hooks?.afterDelete ?? []), logRuleDeletion],
    },
  }
}

function withPublishingActions(runtime: PublishingRuntime) {
  return (collection: CollectionConfig): CollectionConfig =>
    collection.slug !== 'platform-variants' ? collection : { ...collection, endpoints: [...(collection.endpoints || []), ...variantActionEndpoints(runtime)] }
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
    const collections = [
      ...(config.collections ?? []),
      ...[
        moderationLogCollection,
        networkAccountsCollection(cipher),
        publicationAttemptsCollection,
        webhookSubscriptionsCollection(cipher, webhookTarget),
        crisisEventsCollection,
      ].map(isolatedCollection),
    ]
    const globals = [...(config.globals ?? []), isolatedGlobal(crisisModeGlobal)]
    if (!enabled) {
      return { ...config, collections, globals, custom: { ...config.custom, campaignOps: { enabled } } }
    }
    const retentionDays = options.moderation?.logRetentionDays ?? defaultLogRetentionDays
    const runtime = createPublishingRuntime(options.publishing ?? {}, cipher)
    return {
      ...config,
      collections: collections
        .map(withModerationRuleHooks)
        .map(withPublishingActions(runtime))
        .map(withNetworkAccountOAuth({ cipher, oauth: runtime.oauth })),
      globals,
      endpoints: [...(config.endpoints ?? []), moderationCheckEndpoint, ...publishingEndpoints],
      jobs: {
        ...config.jobs,
        tasks: [...(config.jobs?.tasks ?? []), webhookDeliveryTaskConfig(cipher, createWebhookPoster(webhookTarget)), retentionPurgeTaskConfig(retentionDays)],
        // Payload runs these queues on its crons in every web instance (not in tests or one-off scripts).
        autoRun:
          options.runScheduledJobs === false
            ? config.jobs?.autoRun
            : [
                ...(Array.isArray(config.jobs?.autoRun) ? config.jobs.autoRun : []),
                { queue: webhookQueue, cron: '*/10 * * * * *', limit: 100 },
                // Every minute: queues the nightly purge when it is due (schedule), and runs it.
                { queue: maintenanceQueue, cron: '* * * * *', limit: 5 },
              ],
      },
      admin: {
        ...config.admin,
        components: {
          ...config.admin?.components,
          // The crisis pause shows on every admin page.
          header: [...(config.admin?.components?.header ?? []), '/src/admin/publishing/CrisisBanner#CrisisBanner'],
          views: {
            ...config.admin?.components?.views,
            moderationTester: {
              Component: '/src/admin/ModerationTesterView#ModerationTesterView',
              path: '/moderation-tester',
            },
            publishingQueue: {
              Component: '/src/admin/publishing/PublishingQueueView#PublishingQueueView',
              path: '/publishing-queue',
            },
          },
          afterNavLinks: [
            ...(config.admin?.components?.afterNavLinks ?? []),
            '/src/admin/ModerationTesterNavLink#ModerationTesterNavLink',
            '/src/admin/publishing/PublishingQueueNavLink#PublishingQueueNavLink',
          ],
        },
      },
      custom: { ...config.custom, campaignOps: { enabled, moderation: { retentionDays } } },
      onInit: async (payload) => {
        await config.onInit?.(payload)
        const scheduler = createPublishingScheduler(payload, runtime)
        if (options.runScheduledJobs !== false && runtime.runScheduler) scheduler.start()
      },
    }
  }
