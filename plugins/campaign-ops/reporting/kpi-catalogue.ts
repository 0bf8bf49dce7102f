/**
 * Every KPI Badil reports, by its stable name: its unit, the rows it is computed over and its
 * one-line definition (kpis.md, kept word for word in meaning: partners compare figures across
 * months). The SQL of each is in kpi-queries.ts; the OpenAPI document and the GraphQL schema take
 * their descriptions from here.
 */

/** count: a number of things; ratio: a share between 0 and 1; hours: a duration in clock hours. */
export type KpiUnit = 'count' | 'ratio' | 'hours'

/**
 * The rows a KPI is computed over, and the time that places a row in a period:
 * - posts: variants published in the period (publication time), with their latest metric snapshot
 *   taken before the period's end;
 * - publishing: variants planned in the period (planned time), whatever became of them;
 * - inbound: comments, replies, messages, mentions and reviews received in the period (receipt time);
 * - moderation: moderation log entries of the period (time of the decision or action);
 * - accounts: the campaign's network accounts, with their latest account-level snapshots before
 *   the period's start and end (network filter only: an account has no language or theme);
 * - crisis: the crisis watch's alerts raised in the period (network filter only: an alert is about
 *   a network's comments, or all of them).
 */
export type KpiSource = 'posts' | 'publishing' | 'inbound' | 'moderation' | 'accounts' | 'crisis'

export type KpiGroup = 'reach' | 'engagement' | 'community' | 'moderation' | 'publishing'

export type KpiDefinition = { unit: KpiUnit; source: KpiSource; group: KpiGroup; definition: string }

export const kpiCatalogue = {
  impressions: {
    unit: 'count',
    source: 'posts',
    group: 'reach',
    definition:
      'Times content was shown (Facebook post_media_view, Instagram views, X impression_count, LinkedIn impressionCount, YouTube and TikTok views), summed over posts.',
  },
  sum_of_post_reach: {
    unit: 'count',
    source: 'posts',
    group: 'reach',
    definition:
      'Sum of post reach (unique accounts reached per post, as the network reports it); not the period reach: one person reached by two posts counts twice.',
  },
  video_views: {
    unit: 'count',
    source: 'posts',
    group: 'reach',
    definition:
      'Video views as each network counts them (YouTube and Instagram changed their counting in 2025–2026; each snapshot records its definition date).',
  },
  followers: {
    unit: 'count',
    source: 'accounts',
    group: 'reach',
    definition:
      'Followers at the end of the period: for each of the campaign’s accounts, the latest count its network gave before the period’s end (read daily), summed. Filtered by network only.',
  },
  net_follower_change: {
    unit: 'count',
    source: 'accounts',
    group: 'reach',
    definition: 'Followers at the end of the period minus followers at its start, over the accounts counted at both ends. Filtered by network only.',
  },
  period_reach_28d: {
    unit: 'count',
    source: 'accounts',
    group: 'reach',
    definition:
      'Unique accounts reached over the 28 days before the period’s end, as Facebook (page_total_media_view_unique) and Instagram (reach) report it per account, summed over accounts. Filtered by network only.',
  },
  interactions: {
    unit: 'count',
    source: 'posts',
    group: 'engagement',
    definition: 'Reactions or likes + comments + shares, reposts and quotes + saves and bookmarks, as the networks count them (clicks apart).',
  },
  clicks: { unit: 'count', source: 'posts', group: 'engagement', definition: 'Link clicks, where the network gives them.' },
  engagement_rate_reach_median: {
    unit: 'ratio',
    source: 'posts',
    group: 'engagement',
    definition: 'Interactions ÷ reach per post, median over the posts whose network gives both.',
  },
  engagement_rate_reach_weighted: {
    unit: 'ratio',
    source: 'posts',
    group: 'engagement',
    definition:
      'Interactions ÷ reach per post, mean weighted by reach (the sum of interactions over the sum of reach) over the posts whose network gives both.',
  },
  engagement_rate_impressions_median: {
    unit: 'ratio',
    source: 'posts',
    group: 'engagement',
    definition: 'Interactions ÷ impressions per post, median over the posts whose network gives both.',
  },
  engagement_rate_impressions_weighted: {
    unit: 'ratio',
    source: 'posts',
    group: 'engagement',
    definition: 'Interactions ÷ impressions per post, mean weighted by impressions, over the posts whose network gives both.',
  },
  posts_published: {
    unit: 'count',
    source: 'posts',
    group: 'publishing',
    definition: 'Output: variants published in the period.',
  },
  on_time_rate: {
    unit: 'ratio',
    source: 'publishing',
    group: 'publishing',
    definition: 'Share of the variants planned in the period and sent to their network that were published within 2 minutes of their scheduled time.',
  },
  failure_rate: {
    unit: 'ratio',
    source: 'publishing',
    group: 'publishing',
    definition: 'Share of the variants planned in the period and sent to their network that failed or need a person (outcome unknown).',
  },
  cadence_vs_plan: {
    unit: 'ratio',
    source: 'publishing',
    group: 'publishing',
    definition: 'Variants published ÷ variants planned in the period (every planned variant counts, cancelled ones included).',
  },
  inbound_volume: {
    unit: 'count',
    source: 'inbound',
    group: 'community',
    definition: 'Comments, replies, private messages, mentions and reviews received (the campaign’s own posts and answers excluded).',
  },
  response_rate: {
    unit: 'ratio',
    source: 'inbound',
    group: 'community',
    definition:
      'Share of the inbound items that need an answer (not spam, not hidden, not removed) that received one from the campaign (sent from Badil or posted on the network by the campaign’s account).',
  },
  first_response_time_median_hours: {
    unit: 'hours',
    source: 'inbound',
    group: 'community',
    definition: 'Median time, in clock hours, from receipt to the campaign’s first answer, over the answered items that need an answer.',
  },
  first_response_time_p90_hours: {
    unit: 'hours',
    source: 'inbound',
    group: 'community',
    definition: '90th percentile of the time, in clock hours, from receipt to the campaign’s first answer.',
  },
  first_response_time_business_median_hours: {
    unit: 'hours',
    source: 'inbound',
    group: 'community',
    definition:
      'Median time, in business hours (the inbox settings’ working days and hours, Casablanca time), from receipt to the campaign’s first answer, over the answered items that need an answer.',
  },
  first_response_time_business_p90_hours: {
    unit: 'hours',
    source: 'inbound',
    group: 'community',
    definition: '90th percentile of the time, in business hours, from receipt to the campaign’s first answer.',
  },
  sla_compliance: {
    unit: 'ratio',
    source: 'inbound',
    group: 'community',
    definition:
      'Share of the items that need an answer answered within their configured target (inbox settings, by kind), over those answered or already past their target.',
  },
  escalations: { unit: 'count', source: 'inbound', group: 'community', definition: 'Inbound items escalated to NCSC (and legal).' },
  escalation_resolution_median_hours: {
    unit: 'hours',
    source: 'inbound',
    group: 'community',
    definition:
      'Median time, in clock hours, from an item’s escalation to the first action that settles it (a reply sent, hidden, removed, or its state changed from escalated), over the escalated items settled.',
  },
  tone: {
    unit: 'ratio',
    source: 'inbound',
    group: 'moderation',
    definition: 'Share of comments flagged in a hostile category (hate, harassment, defamation) over all comments received.',
  },
  misconception_prevalence: {
    unit: 'ratio',
    source: 'inbound',
    group: 'moderation',
    definition: 'Comments matching the misinformation rule of any myth of the fact library ÷ all comments received (per myth: /api/reports/misconceptions).',
  },
  moderation_decisions: {
    unit: 'count',
    source: 'moderation',
    group: 'moderation',
    definition: 'Automatic moderation decisions (a rule matched), all categories.',
  },
  moderation_hidden: { unit: 'count', source: 'moderation', group: 'moderation', definition: 'Comments hidden on their network, by a rule or a person.' },
  moderation_flagged: { unit: 'count', source: 'moderation', group: 'moderation', definition: 'Comments flagged for a person by a rule.' },
  moderation_escalated: { unit: 'count', source: 'moderation', group: 'moderation', definition: 'Items escalated to NCSC, by a rule or a person.' },
  moderation_replied: { unit: 'count', source: 'moderation', group: 'moderation', definition: 'Answers sent by the campaign from Badil.' },
  moderation_restored: { unit: 'count', source: 'moderation', group: 'moderation', definition: 'Hidden comments made visible again.' },
  automatic_precision: {
    unit: 'ratio',
    source: 'moderation',
    group: 'moderation',
    definition: 'Share of the automatic hides not restored by a person within 7 days.',
  },
  crisis_alerts: { unit: 'count', source: 'crisis', group: 'moderation', definition: 'Crisis alerts raised by the crisis watch (watch or crisis level).' },
  crisis_acknowledge_median_hours: {
    unit: 'hours',
    source: 'crisis',
    group: 'moderation',
    definition: 'Median time, in clock hours, from a crisis alert being raised to a person acknowledging it, over the alerts acknowledged.',
  },
  crisis_resolve_median_hours: {
    unit: 'hours',
    source: 'crisis',
    group: 'moderation',
    definition: 'Median time, in clock hours, from a crisis alert being raised to a person resolving it, over the alerts resolved.',
  },
} as const satisfies Record<string, KpiDefinition>

export type KpiName = keyof typeof kpiCatalogue
export const kpiNames = Object.keys(kpiCatalogue) as KpiName[]
