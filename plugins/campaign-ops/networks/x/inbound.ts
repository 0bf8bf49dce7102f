/**
 * X mentions and replies, read by polling since X sends no webhook on its standard tiers
 * (docs/networks.md#x-mentions-and-replies): the account's mentions timeline lists every post that
 * names the account, and a reply names whom it answers, so the replies under our posts come with
 * it. Read after the last post seen (`since_id`, X's own cursor), newest first, page after page.
 * A reply whose author took the account out is found by searching our recent posts' conversations
 * (recent search, 7 days back), a dozen conversations per query.
 */
import type { AccountActivity, InboundEvent, InboundPoller } from '../inbound'
import type { AccountCredentials, AdapterContext } from '../types'
import { callX, decodeXEntities } from './adapter'

type XMention = {
  id: string
  text?: string
  created_at?: string
  author_id?: string
  conversation_id?: string
  referenced_tweets?: Array<{ type?: string; id?: string }>
}

type MentionsPage = {
  data?: XMention[]
  includes?: { users?: Array<{ id: string; username?: string }> }
  meta?: { result_count?: number; newest_id?: string; next_token?: string }
}

/** X serves only the 800 most recent mentions (8 pages of 100): the bound only guards against a token that never ends. */
const maxPages = 20

/** X takes start_time to the second (`2026-01-31T10:00:00Z`); cutting the milliseconds keeps that second in. */
function xTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`
}

function mentionsUrl(cursor: string | null, since: Date, account: AccountCredentials, context: AdapterContext, pageToken: string | undefined): string {
  const query = new URLSearchParams({
    ...(cursor ? { since_id: cursor } : { start_time: xTimestamp(since) }),
    max_results: '100',
    'tweet.fields': 'created_at,author_id,conversation_id,in_reply_to_user_id,referenced_tweets',
    expansions: 'author_id',
    'user.fields': 'username',
    ...(pageToken ? { pagination_token: pageToken } : {}),
  })
  return `${context.baseUrl}/2/users/${encodeURIComponent(account.accountId)}/mentions?${query}`
}

/**
 * A reply to the thread's first post is a comment on that post; a reply further down answers
 * another reply; a post that answers nothing only names the account.
 */
function event(account: AccountCredentials, mention: XMention, usernames: Map<string, string>, context: AdapterContext): InboundEvent {
  const repliedTo = mention.referenced_tweets?.find((reference) => reference.type === 'replied_to')?.id ?? null
  const conversation = mention.conversation_id ?? null
  const kind = !repliedTo ? 'mention' : repliedTo === conversation ? 'comment' : 'reply'
  const createdAt = mention.created_at ? new Date(mention.created_at) : null
  const username = mention.author_id ? usernames.get(mention.author_id) : undefined
  return {
    network: 'x',
    accountRemoteId: account.accountId,
    remoteId: mention.id,
    kind,
    verb: 'add',
    postRemoteId: repliedTo ? conversation : null,
    parentRemoteId: kind === 'reply' ? repliedTo : null,
    author: mention.author_id ? { id: mention.author_id, handle: username ? `@${username}` : null } : null,
    // X escapes &, < and > in the text it returns: moderation reads what the person wrote.
    text: mention.text === undefined ? null : decodeXEntities(mention.text),
    occurredAt: createdAt ?? context.now(),
    createdAt,
    fromAccountItself: mention.author_id === account.accountId,
  }
}

async function accountActivity(cursor: string | null, since: Date, account: AccountCredentials, context: AdapterContext): Promise<AccountActivity> {
  const newestFirst: InboundEvent[] = []
  let newestId: string | undefined
  let pageToken: string | undefined
  for (let page = 0; page < maxPages; page++) {
    const answer = (await callX(
      { method: 'GET', url: mentionsUrl(cursor, since, account, context, pageToken), sideEffect: false },
      account,
      context,
    )) as MentionsPage | null
    const usernames = new Map((answer?.includes?.users ?? []).flatMap((user) => (user.username ? [[user.id, user.username] as const] : [])))
    for (const mention of answer?.data ?? []) newestFirst.push(event(account, mention, usernames, context))
    // Later pages go further back: the first one holds the newest post.
    if (page === 0) newestId = answer?.meta?.newest_id ?? answer?.data?.[0]?.id
    pageToken = answer?.meta?.next_token
    if (!pageToken) break
  }
  return { events: newestFirst.reverse(), cursor: newestId ?? cursor }
}

/** Recent search reaches back 7 days; a minute of margin keeps the start inside the window. */
const searchWindowMs = 7 * 24 * 3_600_000 - 60_000
/** The longest query the self-serve tiers accept. */
const maxQueryLength = 512

/** Our posts' conversations, as few queries as fit in the length limit: `(conversation_id:1 OR conversation_id:2 …)`. */
export function conversationQueries(postRemoteIds: string[]): string[] {
  const queries: string[] = []
  let terms: string[] = []
  const query = (list: string[]) => `(${list.join(' OR ')})`
  for (const id of postRemoteIds) {
    const term = `conversation_id:${id}`
    if (terms.length && query([...terms, term]).length > maxQueryLength) {
      queries.push(query(terms))
      terms = []
    }
    terms.push(term)
  }
  if (terms.length) queries.push(query(terms))
  return queries
}

function searchUrl(search: string, cursor: string | null, since: Date, context: AdapterContext, nextToken: string | undefined): string {
  const earliest = new Date(context.now().getTime() - searchWindowMs)
  const query = new URLSearchParams({
    query: search,
    ...(cursor ? { since_id: cursor } : { start_time: xTimestamp(since > earliest ? since : earliest) }),
    max_results: '100',
    'tweet.fields': 'created_at,author_id,conversation_id,in_reply_to_user_id,referenced_tweets',
    expansions: 'author_id',
    'user.fields': 'username',
    ...(nextToken ? { next_token: nextToken } : {}),
  })
  return `${context.baseUrl}/2/tweets/search/recent?${query}`
}

/**
 * Our posts' conversations after the kept cursor (`since_id`), or from `since` without one (no
 * earlier than the search's 7 days); the newest id seen, in any of the queries, is the next cursor.
 */
async function conversationActivity(
  postRemoteIds: string[],
  cursor: string | null,
  since: Date,
  account: AccountCredentials,
  context: AdapterContext,
): Promise<AccountActivity> {
  const ours = new Set(postRemoteIds)
  const events: InboundEvent[] = []
  let newest = cursor
  for (const search of conversationQueries(postRemoteIds)) {
    let nextToken: string | undefined
    for (let page = 0; page < maxPages; page++) {
      const url = searchUrl(search, cursor, since, context, nextToken)
      const answer = (await callX({ method: 'GET', url, sideEffect: false }, account, context)) as MentionsPage | null
      const usernames = new Map((answer?.includes?.users ?? []).flatMap((user) => (user.username ? [[user.id, user.username] as const] : [])))
      for (const post of answer?.data ?? []) {
        if (!newest || BigInt(post.id) > BigInt(newest)) newest = post.id
        if (!ours.has(post.id)) events.push(event(account, post, usernames, context))
      }
      nextToken = answer?.meta?.next_token
      if (!nextToken) break
    }
  }
  // Ids grow with time on X: oldest first is smallest id first.
  events.sort((left, right) => (BigInt(left.remoteId) < BigInt(right.remoteId) ? -1 : 1))
  return { events, cursor: newest }
}

export const xInbound: InboundPoller = { accountActivity, conversationActivity }
