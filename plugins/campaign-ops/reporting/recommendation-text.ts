/**
 * A recommendation in words, in each admin language, with its figures in the reader's notation:
 * the reports, the dashboard and the API's `explanation` all say the same sentence.
 */
import type { Payload } from 'payload'

import { audiences, contentFormats } from '../../../src/domain/content-taxonomy'
import { networkLabels } from '../../../src/domain/networks'
import type { Network } from '../../../src/domain/networks'
import type { AdminLanguage, Localized } from '../../../src/i18n/catalogue'
import { pluginTextByLanguage } from '../translations'
import type { Recommendation } from './recommendations'
import { formatDay } from './report-format'

/** Theme names and myth claims in each language, for the sentences. */
export type RecommendationNames = { themes: Map<number, Localized>; myths: Map<string, Localized> }

const locales: Record<AdminLanguage, string> = { fr: 'fr-MA', ar: 'ar-MA', en: 'en-GB' }

const percent = (value: number | null, language: AdminLanguage) =>
  value === null ? '—' : new Intl.NumberFormat(locales[language], { style: 'percent', maximumFractionDigits: 1 }).format(value)
const count = (value: number, language: AdminLanguage) => new Intl.NumberFormat(locales[language], { maximumFractionDigits: 1 }).format(value)

/** The weekday's name (1 = Monday), from a Monday in January 2024. */
function weekdayName(weekday: number, language: AdminLanguage): string {
  return new Intl.DateTimeFormat(locales[language], { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, weekday)))
}

const optionLabel = (options: { value: string; label: Localized }[], value: string, language: AdminLanguage) =>
  options.find((option) => option.value === value)?.label[language] ?? value

/** Names of the themes and myths, read in French and Arabic (English readers get the French). */
export async function recommendationNames(payload: Payload): Promise<RecommendationNames> {
  const read = <C extends 'themes' | 'myths'>(collection: C, locale: 'fr' | 'ar') =>
    payload.find({ collection, locale, fallbackLocale: 'fr', pagination: false, depth: 0, overrideAccess: true }).then((found) => found.docs)
  const [themesFr, themesAr, mythsFr, mythsAr] = await Promise.all([read('themes', 'fr'), read('themes', 'ar'), read('myths', 'fr'), read('myths', 'ar')])
  /** French and Arabic of each document's text, by its key (English readers get the French). */
  const localized = <K>(french: [K, string][], arabic: [K, string][]) => {
    const arabicOf = new Map(arabic)
    return new Map(french.map(([key, text]) => [key, { fr: text, en: text, ar: arabicOf.get(key) || text }]))
  }
  return {
    themes: localized(
      themesFr.map((theme) => [theme.id, theme.name || theme.slug]),
      themesAr.map((theme) => [theme.id, theme.name]),
    ),
    myths: localized(
      mythsFr.map((myth) => [myth.key, myth.claim || myth.key]),
      mythsAr.map((myth) => [myth.key, myth.claim]),
    ),
  }
}

/** The sentence of a recommendation, in every admin language. */
export function explainRecommendation(recommendation: Recommendation, names: RecommendationNames): Localized {
  switch (recommendation.kind) {
    case 'best_slot':
      return pluginTextByLanguage('recommendations:bestSlot', (language) => ({
        network: networkLabels[recommendation.network as Network] ?? recommendation.network,
        weekday: weekdayName(recommendation.weekday, language),
        hour: recommendation.hour,
        posts: count(recommendation.posts, language),
        rate: percent(recommendation.medianEngagementRate, language),
        baseline: percent(recommendation.networkMedianEngagementRate, language),
        baselinePosts: count(recommendation.networkPosts, language),
      }))
    case 'best_format':
      return pluginTextByLanguage('recommendations:bestFormat', (language) => ({
        audience: optionLabel(audiences, recommendation.audience, language),
        format: optionLabel(contentFormats, recommendation.format, language),
        posts: count(recommendation.posts, language),
        rate: percent(recommendation.medianEngagementRate, language),
        baseline: percent(recommendation.audienceMedianEngagementRate, language),
        baselinePosts: count(recommendation.audiencePosts, language),
      }))
    case 'underserved_theme':
      return pluginTextByLanguage('recommendations:underservedTheme', (language) => ({
        theme: names.themes.get(recommendation.themeId)?.[language] ?? `#${recommendation.themeId}`,
        keyMoments: count(recommendation.keyMoments, language),
        posts: count(recommendation.posts, language),
        average: count(recommendation.averagePosts, language),
      }))
    case 'rising_misconception': {
      const appeared = !recommendation.previousPrevalence
      return pluginTextByLanguage(appeared ? 'recommendations:newMisconception' : 'recommendations:risingMisconception', (language) => ({
        myth: names.myths.get(recommendation.myth)?.[language] ?? recommendation.myth,
        prevalence: percent(recommendation.prevalence, language),
        week: formatDay(recommendation.week, language),
        matching: count(recommendation.matching, language),
        comments: count(recommendation.comments, language),
        previous: percent(recommendation.previousPrevalence, language),
      }))
    }
  }
}

/** Each recommendation with its sentence. */
export function explainedRecommendations(recommendations: readonly Recommendation[], names: RecommendationNames) {
  return recommendations.map((recommendation) => ({ ...recommendation, explanation: explainRecommendation(recommendation, names) }))
}

export type ExplainedRecommendation = ReturnType<typeof explainedRecommendations>[number]
