import type { InteractionKind } from './inbox/interactions-collection'
import type { MetaWebhookSettings } from './inbox/webhook-endpoints'
import type { PublishingOptions } from './publishing/options'

/** Options of the campaign-ops plugin (publishing, inbox and moderation, reporting). */
export type CampaignOpsOptions = {
  /**
   * Turns the plugin's behaviour off while keeping the collections it adds, so the database
   * schema and its migrations stay the same whether it is on or off.
   */
  enabled?: boolean
  /**
   * The app collections the plugin extends, by slug (like @payloadcms/plugin-multi-tenant):
   * `variants` gets the publishing engine's fields, hooks and endpoints. Default `platform-variants`.
   */
  collections?: { variants?: string }
  moderation?: {
    /** Days a comment excerpt stays in the moderation log (law 09-08); default 180. */
    logRetentionDays?: number
    /** HMAC key of commenter pseudonyms; default derived from PAYLOAD_SECRET. */
    pseudonymKey?: string
  }
  /** The inbox: webhook secrets, answer times. */
  inbox?: {
    /** Facebook Page and Instagram webhooks: the app secret that signs deliveries and the verify token. */
    meta?: MetaWebhookSettings
    /** Minutes within which each kind should be answered (default: messages 2 h, comments and replies 24 h, mentions and reviews 48 h). */
    slaMinutes?: Partial<Record<InteractionKind, number>>
    /** Days after publication a post's comments are still polled (default 7). */
    pollLookbackDays?: number
    /** Days an archived copy of a hidden or deleted comment is kept (default 365). */
    evidenceRetentionDays?: number
    /** Read a delivery into the inbox as soon as it is stored (default); off, only the inbox job reads them. */
    processOnArrival?: boolean
  }
  /** Reporting: how the networks' metrics are read, and the reporting API's limits. */
  reporting?: {
    /** Posts whose metrics are read per account and hourly run at most, the most overdue first (default 50). */
    metricsPostsPerAccount?: number
    /** Calls an integration key may make to the reporting API per period (default 120 per 60 s). */
    apiRateLimit?: { calls: number; perSeconds: number }
    /** Folder of the periodic reports' PDFs (default `.data/reports` under the working directory). */
    reportsDir?: string
    /** Chromium's executable, which prints the periodic reports as PDF; not installed: they are sent as HTML. */
    chromiumPath?: string
  }
  /** Publishing engine: token key, network endpoints, per-network hooks, scheduler tuning. */
  publishing?: PublishingOptions
  /** Start scheduled jobs (retention purge, publishing scheduler) on init; off for tests and one-off scripts. */
  runScheduledJobs?: boolean
}
