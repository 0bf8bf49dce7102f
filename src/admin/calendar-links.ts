import type { CalendarEntry, CalendarKeyMoment } from '../calendar/calendar-data'

/** The admin page of a variant the calendar shows. */
export const variantHref = (adminRoute: string, id: CalendarEntry['variantId']) => `${adminRoute}/collections/platform-variants/${id}`

/** The admin page of a key moment the calendar shows. */
export const momentHref = (adminRoute: string, id: CalendarKeyMoment['id']) => `${adminRoute}/collections/key-moments/${id}`
