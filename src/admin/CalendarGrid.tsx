'use client'
import { Button, useTranslation } from '@payloadcms/ui'
import Link from 'next/link'
import React, { useEffect, useMemo, useState } from 'react'

import { addDays, casablancaDateOf, isoWeekday, monthOf } from '../calendar/calendar-data'
import type { CalendarData, CalendarDay, CalendarEntry, CalendarKeyMoment, CivilDate, Localized } from '../calendar/calendar-data'
import styles from './calendar.module.css'

type Language = keyof Localized
type View = 'month' | 'week'
type FilterName = 'platform' | 'theme' | 'audience' | 'language'
type Filters = Record<FilterName, string[]>

export type CalendarOption = { value: string; label: Localized; colour?: string }

export interface CalendarGridProps {
  apiRoute: string
  adminRoute: string
  platforms: CalendarOption[]
  audiences: CalendarOption[]
  languages: CalendarOption[]
  states: CalendarOption[]
}

const strings = {
  fr: {
    title: 'Calendrier éditorial',
    month: 'Mois',
    week: 'Semaine',
    previous: '‹ Précédent',
    next: 'Suivant ›',
    today: 'Aujourd’hui',
    platform: 'Réseaux',
    theme: 'Thèmes',
    audience: 'Publics',
    language: 'Langues',
    clearFilters: 'Effacer les filtres',
    loading: 'Chargement…',
    failed: 'Le calendrier n’a pas pu être chargé.',
    warnings: 'Alertes',
    noWarnings: 'Aucune alerte sur cette période.',
    timeNote: 'Heures de Casablanca (UTC+1 ; UTC+0 pendant le Ramadan).',
    clockChange: 'Changement d’heure',
    subscribe: 'S’abonner (iCal)',
    subscribeIntro: 'Ajoutez ce lien à votre agenda (Google Agenda, Outlook, Apple Calendrier) :',
    subscribeWarning: 'Ce lien ouvre le calendrier sans mot de passe : ne le partagez pas. En créer un nouveau désactive l’ancien.',
    copy: 'Copier',
    copied: 'Copié',
    subscribeFailed: 'Le lien n’a pas pu être créé.',
    nothingPlanned: 'rien de prévu',
    planned: (count: number) => `${count} publication${count > 1 ? 's' : ''} prévue${count > 1 ? 's' : ''}`,
    keyMoment: 'Temps fort',
    variant: 'Variante',
  },
  ar: {
    title: 'الرزنامة التحريرية',
    month: 'شهر',
    week: 'أسبوع',
    previous: '‹ السابق',
    next: 'التالي ›',
    today: 'اليوم',
    platform: 'المنصات',
    theme: 'المحاور',
    audience: 'الفئات المستهدفة',
    language: 'اللغات',
    clearFilters: 'مسح عوامل التصفية',
    loading: 'جارٍ التحميل…',
    failed: 'تعذّر تحميل الرزنامة.',
    warnings: 'تنبيهات',
    noWarnings: 'لا توجد تنبيهات في هذه الفترة.',
    timeNote: 'الأوقات بتوقيت الدار البيضاء (UTC+1، وUTC+0 خلال رمضان).',
    clockChange: 'تغيير الساعة',
    subscribe: 'الاشتراك (iCal)',
    subscribeIntro: 'أضف هذا الرابط إلى تقويمك (تقويم Google أو Outlook أو Apple):',
    subscribeWarning: 'يفتح هذا الرابط الرزنامة دون كلمة مرور: لا تشاركه. إنشاء رابط جديد يُلغي الرابط السابق.',
    copy: 'نسخ',
    copied: 'تم النسخ',
    subscribeFailed: 'تعذّر إنشاء الرابط.',
    nothingPlanned: 'لا شيء مبرمج',
    planned: (count: number) => `منشورات مبرمجة: ${count}`,
    keyMoment: 'محطة بارزة',
    variant: 'صيغة',
  },
  en: {
    title: 'Editorial calendar',
    month: 'Month',
    week: 'Week',
    previous: '‹ Previous',
    next: 'Next ›',
    today: 'Today',
    platform: 'Platforms',
    theme: 'Themes',
    audience: 'Audiences',
    language: 'Languages',
    clearFilters: 'Clear filters',
    loading: 'Loading…',
    failed: 'The calendar could not be loaded.',
    warnings: 'Warnings',
    noWarnings: 'No warnings for this period.',
    timeNote: 'Casablanca time (UTC+1; UTC+0 during Ramadan).',
    clockChange: 'Clock change',
    subscribe: 'Subscribe (iCal)',
    subscribeIntro: 'Add this link to your calendar app (Google Calendar, Outlook, Apple Calendar):',
    subscribeWarning: 'This link opens the calendar without a password: do not share it. Creating a new one disables the previous one.',
    copy: 'Copy',
    copied: 'Copied',
    subscribeFailed: 'The link could not be created.',
    nothingPlanned: 'nothing planned',
    planned: (count: number) => `${count} planned post${count > 1 ? 's' : ''}`,
    keyMoment: 'Key moment',
    variant: 'Variant',
  },
} satisfies Record<Language, Record<string, string | ((count: number) => string)>>

type Strings = (typeof strings)[Language]

// Moroccan conventions, Western digits in Arabic too (as elsewhere in the admin).
const localeTags: Record<Language, string> = { fr: 'fr-MA', ar: 'ar-MA', en: 'en-GB' }
const noFilters: Filters = { platform: [], theme: [], audience: [], language: [] }
const filterNames: FilterName[] = ['platform', 'theme', 'audience', 'language']

const asUtcDate = (date: CivilDate) => new Date(`${date}T00:00:00.000Z`)
const cx = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(' ')

/** The days a view shows: whole weeks, Monday first. */
function visibleSpan(view: View, anchor: CivilDate): { first: CivilDate; last: CivilDate } {
  if (view === 'week') {
    const first = addDays(anchor, 1 - isoWeekday(anchor))
    return { first, last: addDays(first, 6) }
  }
  const month = monthOf(anchor)
  return { first: addDays(month.first, 1 - isoWeekday(month.first)), last: addDays(month.last, 7 - isoWeekday(month.last)) }
}

function periodLabel(view: View, anchor: CivilDate, span: { first: CivilDate; last: CivilDate }, language: Language): string {
  const tag = localeTags[language]
  if (view === 'month') {
    return new Intl.DateTimeFormat(tag, { month: 'long', year: 'numeric', timeZone: 'UTC', numberingSystem: 'latn' }).format(asUtcDate(anchor))
  }
  const format = new Intl.DateTimeFormat(tag, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC', numberingSystem: 'latn' })
  return `${format.format(asUtcDate(span.first))} – ${format.format(asUtcDate(span.last))}`
}

function FilterGroup(props: {
  legend: string
  options: { value: string; label: string; colour?: string }[]
  selected: string[]
  onToggle: (value: string) => void
}) {
  return (
    <fieldset className={styles.filter}>
      <legend>{props.legend}</legend>
      {props.options.map((option) => (
        <label key={option.value} className={styles.option}>
          <input type="checkbox" checked={props.selected.includes(option.value)} onChange={() => props.onToggle(option.value)} />
          {option.colour && <span className={styles.swatch} style={{ background: option.colour }} aria-hidden />}
          <span dir="auto">{option.label}</span>
        </label>
      ))}
    </fieldset>
  )
}

function EntryChip(props: { entry: CalendarEntry; href: string; platformLabel: string; stateLabel: string; detailed: boolean }) {
  const { entry, platformLabel, stateLabel, detailed } = props
  const language = entry.language.toUpperCase()
  return (
    <Link
      href={props.href}
      className={styles.entry}
      style={{ background: entry.colour }}
      title={`${entry.localTime} · ${platformLabel} · ${entry.title} (${language}) · ${stateLabel}`}
      data-variant-id={entry.variantId}
    >
      <span className={styles.time}>{entry.localTime}</span>
      {detailed && <span>{platformLabel}</span>}
      <span className={styles.entryTitle} dir="auto">
        {entry.title || '—'}
      </span>
      <span>{language}</span>
      <span className={styles.badge} data-state={entry.state}>
        {stateLabel}
      </span>
    </Link>
  )
}

function MomentBanner(props: { moment: CalendarKeyMoment; href: string; t: Strings }) {
  const { moment, t } = props
  const unplanned = moment.planned === 0
  return (
    <Link
      href={props.href}
      className={cx(styles.moment, unplanned && styles.momentUnplanned)}
      title={`${t.keyMoment} · ${moment.title} · ${unplanned ? t.nothingPlanned : t.planned(moment.planned)}`}
      data-key-moment-id={moment.id}
    >
      {unplanned ? '⚠ ' : '★ '}
      <span dir="auto">{moment.title}</span>
    </Link>
  )
}

export function CalendarGrid(props: CalendarGridProps) {
  const { apiRoute, adminRoute } = props
  const { i18n } = useTranslation()
  const language: Language = i18n.language === 'ar' || i18n.language === 'en' ? i18n.language : 'fr'
  const t = strings[language]
  const contentLocale = language === 'ar' ? 'ar' : 'fr'

  const [today] = useState(() => casablancaDateOf(new Date()))
  const [view, setView] = useState<View>('month')
  const [anchor, setAnchor] = useState<CivilDate>(today)
  const [filters, setFilters] = useState<Filters>(noFilters)
  const [data, setData] = useState<CalendarData | null>(null)
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [themes, setThemes] = useState<{ value: string; label: string }[]>([])
  const [feed, setFeed] = useState<{ url?: string; error?: string; copied?: boolean }>({})

  const span = useMemo(() => visibleSpan(view, anchor), [view, anchor])
  const filterQuery = filterNames
    .filter((name) => filters[name].length > 0)
    .map((name) => `&${name}=${encodeURIComponent(filters[name].join(','))}`)
    .join('')

  useEffect(() => {
    const controller = new AbortController()
    setLoading(true)
    fetch(`${apiRoute}/calendar?from=${span.first}&to=${span.last}&locale=${contentLocale}${filterQuery}`, {
      credentials: 'include',
      signal: controller.signal,
    })
      .then(async (response) => {
        const body = await response.json()
        if (!response.ok) throw new Error(body?.errors?.[0]?.message ?? t.failed)
        setData(body as CalendarData)
        setError(null)
      })
      .catch((failure: unknown) => {
        if (!controller.signal.aborted) setError(failure instanceof Error && failure.message ? failure.message : t.failed)
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false)
      })
    return () => controller.abort()
  }, [apiRoute, span.first, span.last, contentLocale, filterQuery, t.failed])

  useEffect(() => {
    const controller = new AbortController()
    fetch(`${apiRoute}/themes?limit=100&depth=0&sort=name&locale=${contentLocale}`, { credentials: 'include', signal: controller.signal })
      .then((response) => (response.ok ? response.json() : { docs: [] }))
      .then((body: { docs?: { id: number | string; name?: string }[] }) =>
        setThemes((body.docs ?? []).map((theme) => ({ value: String(theme.id), label: theme.name ?? String(theme.id) }))),
      )
      .catch(() => undefined)
    return () => controller.abort()
  }, [apiRoute, contentLocale])

  function toggle(name: FilterName, value: string) {
    setFilters((current) => ({
      ...current,
      [name]: current[name].includes(value) ? current[name].filter((selected) => selected !== value) : [...current[name], value],
    }))
  }

  function move(direction: -1 | 1) {
    if (view === 'week') return setAnchor(addDays(anchor, 7 * direction))
    const month = monthOf(anchor)
    setAnchor(direction < 0 ? monthOf(addDays(month.first, -1)).first : addDays(month.last, 1))
  }

  async function subscribe() {
    setFeed({})
    try {
      const response = await fetch(`${apiRoute}/calendar/feed-token`, { method: 'POST', credentials: 'include' })
      const body = await response.json()
      if (!response.ok || typeof body?.url !== 'string') throw new Error(body?.errors?.[0]?.message ?? t.subscribeFailed)
      setFeed({ url: body.url })
    } catch (failure) {
      setFeed({ error: failure instanceof Error && failure.message ? failure.message : t.subscribeFailed })
    }
  }

  async function copyFeedUrl() {
    if (!feed.url) return
    await navigator.clipboard?.writeText(feed.url).catch(() => undefined)
    setFeed({ ...feed, copied: true })
  }

  const labelOf = (options: CalendarOption[], value: string) => options.find((option) => option.value === value)?.label[language] ?? value
  const localized = (options: CalendarOption[]) => options.map((option) => ({ ...option, label: option.label[language] }))
  const variantHref = (id: CalendarEntry['variantId']) => `${adminRoute}/collections/platform-variants/${id}`
  const momentHref = (id: CalendarKeyMoment['id']) => `${adminRoute}/collections/key-moments/${id}`

  const daysByDate = new Map<CivilDate, CalendarDay>((data?.days ?? []).map((day) => [day.date, day]))
  const momentsById = new Map<string, CalendarKeyMoment>((data?.keyMoments ?? []).map((moment) => [String(moment.id), moment]))
  const dates: CivilDate[] = []
  for (let date = span.first; date <= span.last; date = addDays(date, 1)) dates.push(date)
  const shownMonth = monthOf(anchor)
  const weekdayFormat = new Intl.DateTimeFormat(localeTags[language], { weekday: view === 'week' ? 'long' : 'short', timeZone: 'UTC' })
  const hasFilters = filterNames.some((name) => filters[name].length > 0)

  return (
    <div className={styles.calendar} dir={language === 'ar' ? 'rtl' : 'ltr'} lang={language}>
      <h1>{t.title}</h1>
      <div className={styles.toolbar}>
        <h2 className={styles.period} aria-live="polite">
          {periodLabel(view, anchor, span, language)}
        </h2>
        <div className={styles.toolbarGroup}>
          <button type="button" className={styles.toggle} onClick={() => move(-1)}>
            {t.previous}
          </button>
          <button type="button" className={styles.toggle} onClick={() => setAnchor(today)}>
            {t.today}
          </button>
          <button type="button" className={styles.toggle} onClick={() => move(1)}>
            {t.next}
          </button>
        </div>
        <div className={styles.toolbarGroup} role="group">
          {(['month', 'week'] as const).map((option) => (
            <button key={option} type="button" className={styles.toggle} aria-pressed={view === option} onClick={() => setView(option)}>
              {t[option]}
            </button>
          ))}
        </div>
        {loading && <span className={styles.muted}>{t.loading}</span>}
      </div>

      <div className={styles.filters}>
        <FilterGroup legend={t.platform} options={localized(props.platforms)} selected={filters.platform} onToggle={(value) => toggle('platform', value)} />
        <FilterGroup legend={t.theme} options={themes} selected={filters.theme} onToggle={(value) => toggle('theme', value)} />
        <FilterGroup legend={t.audience} options={localized(props.audiences)} selected={filters.audience} onToggle={(value) => toggle('audience', value)} />
        <FilterGroup legend={t.language} options={localized(props.languages)} selected={filters.language} onToggle={(value) => toggle('language', value)} />
      </div>
      {hasFilters && (
        <p>
          <button type="button" className={styles.toggle} onClick={() => setFilters(noFilters)}>
            {t.clearFilters}
          </button>
        </p>
      )}

      {error && <p role="alert">{error}</p>}
      <p className={styles.muted}>{t.timeNote}</p>

      <div className={styles.weekdays} aria-hidden>
        {dates.slice(0, 7).map((date) => (
          <div key={date}>{weekdayFormat.format(asUtcDate(date))}</div>
        ))}
      </div>
      <div className={cx(styles.grid, view === 'week' && styles.week)} aria-busy={loading}>
        {dates.map((date, index) => {
          const day = daysByDate.get(date)
          const previous = index > 0 ? daysByDate.get(dates[index - 1]!) : undefined
          const clockChanged = day && previous && day.utcOffset !== previous.utcOffset
          const outside = view === 'month' && (date < shownMonth.first || date > shownMonth.last)
          return (
            <div key={date} className={cx(styles.day, outside && styles.outside, date === today && styles.today)} data-date={date}>
              <div className={styles.dayHeader}>
                <span className={styles.dayNumber}>{Number(date.slice(8))}</span>
                {(clockChanged || (view === 'week' && day)) && (
                  <span className={clockChanged ? styles.clockChange : styles.muted} title={clockChanged ? t.clockChange : undefined} dir="ltr">
                    {clockChanged ? '⟳ ' : ''}UTC{day!.utcOffset}
                  </span>
                )}
              </div>
              {(day?.keyMoments ?? []).map((id) => {
                const moment = momentsById.get(String(id))
                return moment ? <MomentBanner key={String(id)} moment={moment} href={momentHref(moment.id)} t={t} /> : null
              })}
              {(day?.entries ?? []).map((entry) => (
                <EntryChip
                  key={String(entry.variantId)}
                  entry={entry}
                  href={variantHref(entry.variantId)}
                  platformLabel={labelOf(props.platforms, entry.platform)}
                  stateLabel={labelOf(props.states, entry.state)}
                  detailed={view === 'week'}
                />
              ))}
            </div>
          )
        })}
      </div>

      <div className={styles.legend}>
        {props.platforms.map((platform) => (
          <span key={platform.value} className={styles.option}>
            <span className={styles.swatch} style={{ background: platform.colour }} aria-hidden />
            {platform.label[language]}
          </span>
        ))}
      </div>

      <div className={styles.side}>
        <section className={styles.panel} aria-labelledby="calendar-warnings">
          <h2 id="calendar-warnings">
            {t.warnings} ({data?.warnings.length ?? 0})
          </h2>
          {data && data.warnings.length === 0 && <p className={styles.muted}>{t.noWarnings}</p>}
          <ul className={styles.warnings}>
            {(data?.warnings ?? []).map((warning, index) => (
              <li key={`${warning.code}-${index}`}>
                <span dir="auto">{warning.message[language]}</span>
                {warning.variantIds?.map((id) => (
                  <Link key={String(id)} href={variantHref(id)}>
                    {t.variant} #{id}
                  </Link>
                ))}
                {warning.keyMomentId !== undefined && <Link href={momentHref(warning.keyMomentId)}>{t.keyMoment}</Link>}
              </li>
            ))}
          </ul>
        </section>

        <section className={styles.panel}>
          <Button buttonStyle="secondary" size="small" onClick={() => void subscribe()}>
            {t.subscribe}
          </Button>
          {feed.url && (
            <>
              <p>{t.subscribeIntro}</p>
              <input className={styles.feedUrl} readOnly value={feed.url} onFocus={(event) => event.currentTarget.select()} aria-label={t.subscribe} />
              <Button buttonStyle="secondary" size="small" onClick={() => void copyFeedUrl()}>
                {feed.copied ? t.copied : t.copy}
              </Button>
              <p className={styles.muted}>{t.subscribeWarning}</p>
            </>
          )}
          {feed.error && <p role="alert">{feed.error}</p>}
        </section>
      </div>
    </div>
  )
}
