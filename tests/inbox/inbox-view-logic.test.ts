/**
 * The inbox page's plain logic, without a browser: the filters as the address keeps them and as
 * Payload's `where` reads them, the thread query, and the badges' answer timer.
 */
import { durationParts, isUnreviewed, slaState, slaSoonMinutes } from '../../plugins/campaign-ops/inbox/admin/inbox-badges'
import {
  defaultInboxFilters,
  filtersFromSearch,
  listUrl,
  searchFromFilters,
  threadRootOf,
  threadUrl,
  whereParams,
} from '../../plugins/campaign-ops/inbox/admin/inbox-query'
import { replyLanguageFor } from '../../plugins/campaign-ops/inbox/admin/inbox-actions'

const entries = (params: URLSearchParams) => Object.fromEntries(params.entries())

describe('inbox filters in the address', () => {
  it('an address without a query is the default view: what is still to handle', () => {
    expect(filtersFromSearch('')).toEqual(defaultInboxFilters)
    expect(searchFromFilters(defaultInboxFilters)).toBe('')
  })

  it('round-trips every filter, and "no filter at all" stays distinct from the default', () => {
    const filters = {
      network: 'x',
      status: 'escalated',
      category: 'hate',
      language: 'ary_latin',
      assignee: 'me',
      post: '12',
      keyMoment: '3',
      kind: 'dm',
      flagged: 'true',
      q: 'impunité',
    }
    expect(filtersFromSearch(searchFromFilters(filters))).toEqual(filters)
    expect(searchFromFilters({})).toBe('?status=')
    expect(filtersFromSearch('status=')).toEqual({})
  })

  it('drops unknown keys and empty values from a hand-written address', () => {
    expect(filtersFromSearch('network=facebook&sort=-id&category=&where[id][equals]=1')).toEqual({ network: 'facebook' })
  })
})

describe('inbox filters as Payload conditions', () => {
  it('reads "open", "me", the category, the key moment, "needs a look" and the search as the fields they mean', () => {
    expect(entries(whereParams({ status: 'open', assignee: 'me', category: 'hate', keyMoment: '4', q: 'prison', flagged: 'true' }, 42))).toEqual({
      'where[and][0][status][in]': 'new,assigned,waiting,escalated',
      'where[and][1][moderation.category][equals]': 'hate',
      'where[and][2][assignee][equals]': '42',
      'where[and][3][variant.contentItem.keyMoment][equals]': '4',
      'where[and][4][moderation.flagged][equals]': 'true',
      'where[and][5][text][like]': 'prison',
    })
  })

  it('"nobody" is an assignee that does not exist; one status is that status; a colleague is their id', () => {
    expect(entries(whereParams({ assignee: 'none', status: 'closed' }, 1))).toEqual({
      'where[and][0][status][in]': 'closed',
      'where[and][1][assignee][exists]': 'false',
    })
    expect(entries(whereParams({ assignee: '7', network: 'linkedin', post: '9' }, 1))).toEqual({
      'where[and][0][network][equals]': 'linkedin',
      'where[and][1][assignee][equals]': '7',
      'where[and][2][variant][equals]': '9',
    })
  })

  it('asks for the newest first, one page, the post read along', () => {
    const url = new URL(listUrl('/api', { network: 'x' }, 1, 50), 'http://badil.local')
    expect(url.pathname).toBe('/api/interactions')
    expect(entries(url.searchParams)).toMatchObject({ sort: '-receivedAt', limit: '50', depth: '1', 'where[and][0][network][equals]': 'x' })
  })

  it('asks for the riskiest first when the order is "risk", which filters nothing', () => {
    const url = new URL(listUrl('/api', { network: 'x', order: 'risk' }, 1, 50), 'http://badil.local')
    expect(entries(url.searchParams)).toEqual({ sort: '-moderation.risk,-receivedAt', limit: '50', depth: '1', 'where[and][0][network][equals]': 'x' })
  })
})

describe('the thread of an interaction', () => {
  it('is its top comment and every answer under it, on its network only', () => {
    expect(threadRootOf({ remoteId: 'c2', parentRemoteId: 'c1' })).toBe('c1')
    expect(threadRootOf({ remoteId: 'c1', parentRemoteId: null })).toBe('c1')
    const url = new URL(threadUrl('/api', { network: 'facebook', remoteId: 'c2', parentRemoteId: 'c1' }), 'http://badil.local')
    expect(entries(url.searchParams)).toMatchObject({
      'where[and][0][network][equals]': 'facebook',
      'where[and][1][or][0][remoteId][equals]': 'c1',
      'where[and][1][or][1][parentRemoteId][equals]': 'c1',
      'where[and][1][or][2][remoteId][equals]': 'c2',
      sort: 'receivedAt',
    })
  })
})

describe('the answer timer', () => {
  const now = new Date('2026-12-06T10:00:00Z')
  const dueIn = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString()

  it('counts down, turns "soon" within two hours, and counts how late once past', () => {
    expect(slaState({ status: 'new', slaDueAt: dueIn(600) }, now)).toEqual({ kind: 'ok', minutes: 600 })
    expect(slaState({ status: 'assigned', slaDueAt: dueIn(slaSoonMinutes) }, now)).toEqual({ kind: 'soon', minutes: slaSoonMinutes })
    expect(slaState({ status: 'waiting', slaDueAt: dueIn(-95) }, now)).toEqual({ kind: 'overdue', minutes: 95 })
  })

  it('stops once answered, hidden or closed, and shows nothing without a due time', () => {
    for (const status of ['answered', 'hidden', 'closed']) expect(slaState({ status, slaDueAt: dueIn(-10) }, now)).toEqual({ kind: 'none' })
    expect(slaState({ status: 'new', slaDueAt: null }, now)).toEqual({ kind: 'none' })
  })

  it('words a duration in hours and minutes', () => {
    expect(durationParts(125)).toEqual({ hours: 2, minutes: 5 })
    expect(durationParts(45)).toEqual({ hours: 0, minutes: 45 })
  })

  it('an interaction nobody acted on is unreviewed; our own account’s are not', () => {
    expect(isUnreviewed({ reviewed: false })).toBe(true)
    expect(isUnreviewed({ reviewed: true })).toBe(false)
    expect(isUnreviewed({ reviewed: false, fromAccountItself: true })).toBe(false)
  })
})

describe('the reply language', () => {
  it('follows the comment: Darija in either script is answered in Darija; anything else in the default', () => {
    expect(replyLanguageFor('fr', 'ar')).toBe('fr')
    expect(replyLanguageFor('ar', 'fr')).toBe('ar')
    expect(replyLanguageFor('ary_latin', 'fr')).toBe('ary')
    expect(replyLanguageFor('ary_arabic', 'fr')).toBe('ary')
    expect(replyLanguageFor('other', 'fr')).toBe('fr')
    expect(replyLanguageFor(null, 'ar')).toBe('ar')
  })
})
