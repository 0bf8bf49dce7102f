import type { Payload, TypedUser } from 'payload'
import React from 'react'

import { casablancaTimeZone } from '../../../../src/domain/casablanca-time'
import { adminLanguageOf, namespacedTranslate } from '../../../../src/i18n/catalogue'
import { pluginNamespace } from '../../translations'
import type { PluginStrings } from '../../translations'
import { pressMentionsSlug, pressToneOptions } from '../press-mentions-collection'

/** What Payload's i18n gives a dashboard component: its `t` and the admin language. */
type DashboardI18n = { t: (key: never, vars?: never) => string; language: string }

/** How many highlighted articles the dashboard shows; the rest are a click away. */
const shownMentions = 6

const dateTags = { fr: 'fr-MA', ar: 'ar-MA', en: 'en-GB' } as const

/**
 * On the admin dashboard, the press mentions the team chose to highlight ("mettre en valeur les
 * passages médiatiques"), newest first: outlet, date, tone, summary and the link to the article.
 * Shown to whoever may read press mentions; nothing at all to anyone else.
 */
export async function PressMentionsDashboard({ payload, user, i18n }: { payload: Payload; user?: TypedUser | null; i18n: DashboardI18n }) {
  if (!user) return null
  const t = namespacedTranslate<PluginStrings>(pluginNamespace, i18n.t)
  const language = adminLanguageOf(i18n.language)
  const found = await payload
    .find({
      collection: pressMentionsSlug,
      where: { highlighted: { equals: true } },
      sort: '-publishedAt',
      limit: shownMentions,
      depth: 0,
      overrideAccess: false,
      user,
    })
    .catch(() => null)
  if (!found) return null
  const tones = Object.fromEntries(pressToneOptions.map(({ value, label }) => [value, label[language]]))
  const date = new Intl.DateTimeFormat(dateTags[language], { dateStyle: 'long', timeZone: casablancaTimeZone })
  return (
    <section data-testid="press-mentions-dashboard" style={{ marginBlockEnd: '2rem' }}>
      <h2 style={{ marginBlockEnd: '0.75rem' }}>{t('pressMentions:dashboardTitle')}</h2>
      {found.docs.length === 0 ? (
        <p style={{ color: 'var(--theme-elevation-500)' }}>{t('pressMentions:dashboardEmpty')}</p>
      ) : (
        <ul style={{ listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: '0.75rem', gridTemplateColumns: 'repeat(auto-fill, minmax(18rem, 1fr))' }}>
          {found.docs.map((mention) => (
            <li key={mention.id} style={{ border: '1px solid var(--theme-elevation-150)', borderRadius: 4, padding: '0.75rem' }}>
              <p style={{ margin: 0, color: 'var(--theme-elevation-600)', fontSize: '0.85em' }}>
                {mention.outlet} · {date.format(new Date(mention.publishedAt))} · {tones[mention.tone] ?? mention.tone}
              </p>
              <h3 dir="auto" style={{ margin: '0.35rem 0', fontSize: '1em' }}>
                <a href={`/admin/collections/${pressMentionsSlug}/${mention.id}`}>{mention.title}</a>
              </h3>
              {mention.summary && (
                <p dir="auto" style={{ margin: 0 }}>
                  {mention.summary}
                </p>
              )}
              {mention.url && (
                <p style={{ margin: '0.35rem 0 0' }}>
                  <a href={mention.url} target="_blank" rel="noopener noreferrer">
                    {t('pressMentions:readArticle')}
                  </a>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      <p style={{ marginBlockStart: '0.5rem' }}>
        <a href={`/admin/collections/${pressMentionsSlug}`}>{t('pressMentions:dashboardAll')}</a>
      </p>
    </section>
  )
}
