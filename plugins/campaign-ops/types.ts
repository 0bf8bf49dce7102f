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
  /** Publishing engine: token key, network endpoints, per-network hooks, scheduler tuning. */
  publishing?: PublishingOptions
  /** Start scheduled jobs (retention purge, publishing scheduler) on init; off for tests and one-off scripts. */
  runScheduledJobs?: boolean
}
