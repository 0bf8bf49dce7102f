/**
 * The team's business hours as intervals in Casablanca time: working days only, the clocks'
 * change after Ramadan followed, and the settings' gaps filled with the defaults.
 */
import { businessCalendar, businessHoursOf, defaultBusinessHours } from '../../plugins/campaign-ops/inbox/business-hours'

test('working days from 09:00 to 18:00 Casablanca, across the change of clocks after Ramadan 2026', () => {
  // Friday 20 March (UTC+0), the weekend off, Monday 23 March (UTC+1 again since the 22nd).
  const calendar = businessCalendar(defaultBusinessHours, '2026-03-20', '2026-03-23')
  expect(calendar.starts.map((date) => date.toISOString())).toEqual(['2026-03-20T09:00:00.000Z', '2026-03-23T08:00:00.000Z'])
  expect(calendar.ends.map((date) => date.toISOString())).toEqual(['2026-03-20T18:00:00.000Z', '2026-03-23T17:00:00.000Z'])
  expect(calendar.hoursBefore).toEqual([0, 9])
})

test('half hours, a day to midnight, and the settings’ gaps', () => {
  const calendar = businessCalendar({ days: ['sat'], startHour: 8.5, endHour: 24 }, '2026-11-07', '2026-11-08')
  expect(calendar.starts.map((date) => date.toISOString())).toEqual(['2026-11-07T08:30:00.000Z'])
  expect(calendar.ends.map((date) => date.toISOString())).toEqual(['2026-11-08T00:00:00.000Z'])
  expect(businessHoursOf({})).toEqual(defaultBusinessHours)
  expect(businessHoursOf({ businessDays: [], businessStartHour: 10, businessEndHour: 16 })).toEqual({
    days: defaultBusinessHours.days,
    startHour: 10,
    endHour: 16,
  })
  expect(businessHoursOf({ businessDays: ['sun', 'mon'], businessStartHour: 20, businessEndHour: 8 })).toEqual({
    days: ['sun', 'mon'],
    startHour: 20,
    endHour: 24,
  })
})
