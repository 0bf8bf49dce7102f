/**
 * The inbox view's filters, as the page's address keeps them (a view can be shared or saved) and as
 * Payload's REST `where` reads them. Plain functions, used by the browser and by the tests.
 */

export const inboxFilterKeys = ['network', 'status', 'category', 'language', 'assignee', 'post', 'keyMoment', 'kind', 'flagged', 'q', 'order'] as const
export type InboxFilterKey = (typeof inboxFilterKeys)[number]
export type InboxFilters = Partial<Record<InboxFilterKey, string>>

/** The statuses still waiting for someone: the default list. */
export const openStatuses = ['new', 'assigned', 'waiting', 'escalated'] as const
/** `status=open` in the address: any of the open statuses. */
export const openStatusFilter = 'open'

export const defaultInboxFilters: InboxFilters = { status: openStatusFilter }

/** The filters an address carries (unknown keys and empty values dropped). */
export function filtersFromSearch(search: string): InboxFilters {
  const params = new URLSearchParams(search)
  const filters: InboxFilters = {}
  for (const key of inboxFilterKeys) {
    const value = params.get(key)?.trim()
    if (value) filters[key] = value
  }
  return params.toString() === '' ? { ...defaultInboxFilters } : filters
}

/** The address's query for these filters; the default view has none. */
export function searchFromFilters(filters: InboxFilters): string {
  const params = new URLSearchParams()
  for (const key of inboxFilterKeys) {
    const value = filters[key]
    if (value) params.set(key, value)
  }
  const isDefault = sameFilters(filters, defaultInboxFilters)
  return isDefault ? '' : `?${params.toString() || 'status='}`
}

export function sameFilters(a: InboxFilters, b: InboxFilters): boolean {
  return inboxFilterKeys.every((key) => (a[key] ?? '') === (b[key] ?? ''))
}

type Condition = [path: string, operator: string, value: string]

/** One filter as conditions on the interactions' fields; `userId` is who "me" is. */
function conditionsOf(key: InboxFilterKey, value: string, userId: number | string): Condition[] {
  switch (key) {
    case 'status':
      return [['status', 'in', value === openStatusFilter ? openStatuses.join(',') : value]]
    case 'assignee':
      if (value === 'me') return [['assignee', 'equals', String(userId)]]
      if (value === 'none') return [['assignee', 'exists', 'false']]
      return [['assignee', 'equals', value]]
    case 'category':
      return [['moderation.category', 'equals', value]]
    case 'flagged':
      return value === 'true' ? [['moderation.flagged', 'equals', 'true']] : []
    case 'post':
      return [['variant', 'equals', value]]
    case 'keyMoment':
      return [['variant.contentItem.keyMoment', 'equals', value]]
    case 'q':
      return [['text', 'like', value]]
    case 'order':
      // How the list is sorted, not which interactions it holds.
      return []
    default:
      return [[key, 'equals', value]]
  }
}

/** Payload's bracketed `where` parameters for the filters, all conditions required. */
export function whereParams(filters: InboxFilters, userId: number | string): URLSearchParams {
  const params = new URLSearchParams()
  let index = 0
  for (const key of inboxFilterKeys) {
    const value = filters[key]
    if (!value) continue
    for (const [path, operator, operand] of conditionsOf(key, value, userId)) {
      params.set(`where[and][${index}][${path}][${operator}]`, operand)
      index += 1
    }
  }
  return params
}

/** `order=risk`: the riskiest first (the rules' severity or the triage model's probability), newest first among equals. */
export const riskOrder = 'risk'

/** The list's request: the newest (or riskiest) first, one page, with the post and the assignee read along. */
export function listUrl(api: string, filters: InboxFilters, userId: number | string, limit: number): string {
  const params = whereParams(filters, userId)
  params.set('sort', filters.order === riskOrder ? '-moderation.risk,-receivedAt' : '-receivedAt')
  params.set('limit', String(limit))
  params.set('depth', '1')
  return `${api}/interactions?${params.toString()}`
}

/**
 * The thread an interaction belongs to: its top comment and every answer under it. Meta, YouTube
 * and LinkedIn nest one level; X chains replies, whose parents are read through the same query.
 */
export function threadRootOf(interaction: { remoteId: string; parentRemoteId?: string | null }): string {
  return interaction.parentRemoteId || interaction.remoteId
}

export function threadUrl(api: string, interaction: { network: string; remoteId: string; parentRemoteId?: string | null }): string {
  const root = threadRootOf(interaction)
  const params = new URLSearchParams({
    'where[and][0][network][equals]': interaction.network,
    'where[and][1][or][0][remoteId][equals]': root,
    'where[and][1][or][1][parentRemoteId][equals]': root,
    'where[and][1][or][2][remoteId][equals]': interaction.remoteId,
    sort: 'receivedAt',
    limit: '200',
    depth: '0',
  })
  return `${api}/interactions?${params.toString()}`
}
