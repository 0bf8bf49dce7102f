/**
 * The editorial calendar as an iCalendar feed, for people who follow it in their own calendar app.
 * Times are written in UTC (every client converts them right); the Casablanca zone is only a hint.
 */

import ical, { ICalEventTransparency } from 'ical-generator'

import { publicationStates } from '../domain/publication-states'
import { casablancaTimeZone } from '../domain/casablanca-time'
import { platformLimits } from '../domain/platform-limits'
import type { Platform } from '../domain/platform-limits'
import { addDays } from './calendar-data'
import type { CalendarData, CalendarEntry, CalendarKeyMoment } from './calendar-data'
import type { AdminLanguage, Localized } from '../i18n/catalogue'
import { appText } from '../i18n/translations'
import type { AppStringKey } from '../i18n/translations'

export interface IcsFeedOptions {
  /** Public address of the back office, without a trailing slash (admin links are built on it). */
  serverUrl: string
  language: AdminLanguage
  /** The admin's route (Payload's `routes.admin`), `/admin` by default. */
  adminRoute?: string
}

/** A post is an instant; a short block makes it visible in calendar apps' day views. */
const postBlockMinutes = 15

// The words are in the app catalogue (src/i18n/translations.ts, group calendarFeed).
const priorityLabels: Record<string, AppStringKey> = {
  high: 'calendarFeed:priorities:high',
  medium: 'calendarFeed:priorities:medium',
  low: 'calendarFeed:priorities:low',
}

/** `variant-<id>@badil`: stable across refreshes, so calendar apps update events in place. */
export const variantUid = (id: CalendarEntry['variantId']) => `variant-${id}@badil`
export const keyMomentUid = (id: CalendarKeyMoment['id']) => `key-moment-${id}@badil`

const keyMomentSummary = (title: string): Localized => appText('calendarFeed:keyMoment', { title })

/** "[X] Title (FR)". */
export function variantSummary(entry: CalendarEntry, language: AdminLanguage): string {
  const platform = platformLimits[entry.platform as Platform]?.labels[language] ?? entry.platform
  return `[${platform}] ${entry.title} (${entry.language.toUpperCase()})`
}

function utcMidnight(date: string): Date {
  return new Date(`${date}T00:00:00.000Z`)
}

export function buildIcsFeed(data: CalendarData, options: IcsFeedOptions): string {
  const { language } = options
  const adminUrl = `${options.serverUrl.replace(/\/+$/, '')}${options.adminRoute ?? '/admin'}`
  const calendar = ical({
    name: appText('calendarFeed:name')[language],
    prodId: { company: 'Badil', product: 'editorial-calendar', language: language.toUpperCase() },
    ttl: 60 * 60,
    // Not `timezone`: ical-generator would then write local times in the server's zone.
    x: { 'X-WR-TIMEZONE': casablancaTimeZone },
  })

  // Posts and highlights are not meetings: no event marks anyone busy.
  for (const entry of data.entries) {
    const start = new Date(entry.scheduledAt)
    const editUrl = `${adminUrl}/collections/platform-variants/${entry.variantId}`
    const state = publicationStates.find((option) => option.value === entry.state)?.label[language] ?? entry.state
    calendar.createEvent({
      id: variantUid(entry.variantId),
      start,
      end: new Date(start.getTime() + postBlockMinutes * 60_000),
      summary: variantSummary(entry, language),
      description: `${appText('calendarFeed:state', { state })[language]}\n${appText('calendarFeed:open', { url: editUrl })[language]}`,
      url: editUrl,
      categories: [{ name: entry.platform }],
      transparency: ICalEventTransparency.TRANSPARENT,
    })
  }

  for (const moment of data.keyMoments) {
    const priorityKey = Object.hasOwn(priorityLabels, moment.priority) ? priorityLabels[moment.priority] : undefined
    const priority = priorityKey === undefined ? moment.priority : appText(priorityKey)[language]
    calendar.createEvent({
      id: keyMomentUid(moment.id),
      allDay: true,
      start: utcMidnight(moment.startsOn),
      // All-day ends are exclusive: the day after the last one.
      end: utcMidnight(addDays(moment.endsOn, 1)),
      summary: keyMomentSummary(moment.title)[language],
      transparency: ICalEventTransparency.TRANSPARENT,
      description: `${appText('calendarFeed:priority', { priority })[language]}\n${appText('calendarFeed:planned', { count: moment.planned })[language]}`,
      url: `${adminUrl}/collections/key-moments/${moment.id}`,
    })
  }

  return calendar.toString()
}
