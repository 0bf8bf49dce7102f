import type { Config } from 'payload'

import type { CampaignOpsOptions } from './types'

export type { CampaignOpsOptions } from './types'

/**
 * The campaign-ops plugin, shaped like Payload's own plugins: options in, a function from config
 * to config out. Publishing, inbox/moderation and reporting are added here by later work; the
 * options are recorded in `config.custom` so the admin and the API can tell what is on.
 */
export const campaignOps =
  (options: CampaignOpsOptions = {}) =>
  (config: Config): Config => {
    const enabled = options.enabled !== false
    return {
      ...config,
      custom: { ...config.custom, campaignOps: { enabled } },
    }
  }
