/** What the dashboard's server part hands its client part: labelled choices and the KPIs' units. */
export type Choice = { value: string; label: string }

export type DashboardOptions = {
  networks: Choice[]
  themes: Choice[]
  keyMoments: Choice[]
  audiences: Choice[]
  formats: Choice[]
  categories: Choice[]
  /** Myths by key, labelled with their claim in the reader's language. */
  myths: Choice[]
}

export type DashboardFilters = {
  from: string
  to: string
  platform: string
  language: string
  theme: string
  audience: string
  format: string
  keyMoment: string
}

export type KpiFigure = { name: string; unit: 'count' | 'ratio' | 'hours'; value: number | null; previous?: number | null; change?: number | null }
export type Values = Record<string, number | null>
export type DashboardData = {
  kpis: KpiFigure[]
  trend: { start: string; values: Values }[]
  byNetwork: { key: string | null; values: Values }[]
  byCategory: { key: string | null; values: Values }[]
  misconceptions: { myth: string; week: string; matching: number; prevalence: number | null }[]
  topPosts: {
    id: number
    label: string | null
    network: string
    publishedAt: string
    permalink: string | null
    interactions: number | null
    impressions: number | null
  }[]
  recommendations: { kind: string; explanation: Record<'fr' | 'ar' | 'en', string> }[]
  engagementLookbackDays: number
}
