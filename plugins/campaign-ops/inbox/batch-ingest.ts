/**
 * Many inbound events into the inbox at once (a burst of webhook deliveries, a poll's page): the
 * comments seen for the first time — nearly all of them — are moderated in memory and stored with
 * their decisions in the moderation log in one transaction, a few statements for the whole batch;
 * everything else (later events of those comments, edits and removals of stored ones, a comment
 * another instance stored meanwhile) goes through the one-event path, in arrival order, afterwards. The outcome is the same as
 * ingesting the events one by one.
 */
import type { Payload } from 'payload'

import { sqlPool } from '../../../src/infra/database'
import type { SqlClient } from '../../../src/infra/database'
import { activeEngine } from '../moderation/engine-cache'
import { pseudonymize } from '../moderation/log-chain'
import { appendModerationLogRows, pseudonymKey } from '../moderation/moderation-log'
import { normalizeViews } from '../moderation/normalize'
import { activeTriageModel } from '../moderation/triage/active-model'
import { triageComment, triageLogFields, type CommentTriage } from '../moderation/triage/comment-triage'
import type { ModerationLogEntry } from '../moderation/moderation-log'
import type { Decision } from '../moderation/types'
import type { InboundEvent } from '../networks/inbound'
import { recordFirstAnswers } from './first-answer'
import { ingestInboundEvent, moderationFields, suggestedTemplateFor, takeAction } from './ingest'
import type { ArrivalPath, InboxSettings, IngestOutcome } from './ingest'
import { interactionsSlug } from './interactions-collection'
import { guessLanguage } from './language-guess'
import { answerMinutes } from './settings-global'

export type BatchReport = Record<IngestOutcome, number>

const keyOf = (event: Pick<InboundEvent, 'network' | 'remoteId'>) => `${event.network}\u0000${event.remoteId}`

const interactionColumns = [
  'network',
  'account_id',
  'account_remote_id',
  'kind',
  'remote_id',
  'parent_remote_id',
  'post_remote_id',
  'variant_id',
  'author_pseudonym',
  'author_handle',
  'from_account_itself',
  'text',
  'language',
  'arrived_by',
  'received_at',
  'remote_created_at',
  'remote_updated_at',
  'status',
  'sla_due_at',
  'moderation_decided_at',
  'moderation_flagged',
  'moderation_category',
  'moderation_action',
  'moderation_severity',
  'moderation_rule_ids',
  'moderation_spans',
  'moderation_risk',
  'moderation_model_version',
  'moderation_model_raised',
  'moderation_model_words',
  'suggested_template_id',
] as const
/** Rows per insert statement: 31 parameters each, far below PostgreSQL's 65,535. */
const rowsPerStatement = 1000

type FreshRow = { event: InboundEvent; decision: Decision | null; triage: CommentTriage | null; values: unknown[] }

/** Which of the events' comments are stored already (by network and remote id). */
async function storedKeys(client: SqlClient, events: InboundEvent[]): Promise<Set<string>> {
  const { rows } = await client.query(
    `SELECT network::text AS network, remote_id FROM interactions
      WHERE (network, remote_id) IN (SELECT * FROM unnest($1::enum_interactions_network[], $2::varchar[]))`,
    [events.map((event) => event.network), events.map((event) => event.remoteId)],
  )
  return new Set(rows.map((row) => keyOf({ network: row.network as InboundEvent['network'], remoteId: String(row.remote_id) })))
}

/** Our accounts and posts the events name, each looked up once for the batch. */
async function linkedIdMaps(payload: Payload, settings: InboxSettings, events: InboundEvent[]) {
  const accountIds = [...new Set(events.map((event) => event.accountRemoteId))]
  const postIds = [...new Set(events.flatMap((event) => (event.postRemoteId ? [event.postRemoteId] : [])))]
  const [accounts, variants] = await Promise.all([
    payload.find({
      collection: 'network-accounts',
      where: { accountId: { in: accountIds } },
      depth: 0,
      overrideAccess: true,
      pagination: false,
      select: { network: true, accountId: true },
    }),
    postIds.length
      ? payload.find({
          collection: settings.variantsSlug as 'platform-variants',
          where: { remoteId: { in: postIds } },
          depth: 0,
          overrideAccess: true,
          pagination: false,
          select: { remoteId: true },
        })
      : undefined,
  ])
  return {
    account: new Map(accounts.docs.map((doc) => [`${doc.network}\u0000${doc.accountId}`, Number(doc.id)])),
    variant: new Map((variants?.docs ?? []).map((doc) => [String(doc.remoteId), Number(doc.id)])),
  }
}

/** The first event of each comment not stored yet, when it brings the comment's text. */
function freshEvents(events: InboundEvent[], stored: Set<string>): InboundEvent[] {
  const fresh: InboundEvent[] = []
  const seen = new Set<string>()
  for (const event of events) {
    const key = keyOf(event)
    if (!seen.has(key) && !stored.has(key) && (event.verb === 'add' || event.verb === 'edited')) fresh.push(event)
    seen.add(key)
  }
  return fresh
}

async function freshRows(payload: Payload, settings: InboxSettings, events: InboundEvent[], arrivedBy: ArrivalPath, now: Date): Promise<FreshRow[]> {
  const [engine, model, minutes, links] = await Promise.all([
    activeEngine(payload),
    activeTriageModel(payload),
    answerMinutes(payload, settings.slaMinutes),
    linkedIdMaps(payload, settings, events),
  ])
  const key = pseudonymKey(payload, settings.pseudonymKey)
  const templateOfMyth = new Map<string, Promise<number | null>>()
  const rows: FreshRow[] = []
  let slice = performance.now()
  for (const event of events) {
    // Moderating a large batch is CPU work: the instance keeps answering webhooks in between.
    if (performance.now() - slice > 5) {
      await new Promise((resolve) => setImmediate(resolve))
      slice = performance.now()
    }
    // Normalized once, for the rules and the language guess.
    const views = event.text ? normalizeViews(event.text) : undefined
    const moderated = !event.fromAccountItself && event.text?.trim() && views
    const decision = moderated ? engine.moderate({ text: event.text!, platform: event.network }, views) : null
    const triage = moderated ? triageComment(model, event.text!, views) : null
    const mythKey = decision?.rules.find((rule) => rule.mythId)?.mythId
    if (mythKey && !templateOfMyth.has(mythKey)) templateOfMyth.set(mythKey, suggestedTemplateFor(payload, decision!))
    const moderation = moderationFields(decision, now, triage)
    rows.push({
      event,
      decision,
      triage,
      values: [
        event.network,
        links.account.get(`${event.network}\u0000${event.accountRemoteId}`) ?? null,
        event.accountRemoteId,
        event.kind,
        event.remoteId,
        event.parentRemoteId,
        event.postRemoteId,
        (event.postRemoteId && links.variant.get(event.postRemoteId)) ?? null,
        event.author ? pseudonymize(key, event.network, event.author.id) : null,
        event.author?.handle ?? null,
        event.fromAccountItself,
        event.text,
        guessLanguage(event.text, views),
        arrivedBy,
        now.toISOString(),
        event.createdAt?.toISOString() ?? null,
        event.occurredAt.toISOString(),
        event.fromAccountItself ? 'closed' : 'new',
        event.fromAccountItself ? null : new Date(now.getTime() + minutes[event.kind] * 60_000).toISOString(),
        moderation.decidedAt,
        moderation.flagged,
        moderation.category,
        moderation.action,
        moderation.severity,
        moderation.ruleIds,
        moderation.spans === null ? null : JSON.stringify(moderation.spans),
        moderation.risk,
        moderation.modelVersion,
        moderation.modelRaised,
        moderation.modelWords === null ? null : JSON.stringify(moderation.modelWords),
        mythKey ?? null, // replaced by the template's id below
      ],
    })
  }
  for (const row of rows) {
    const mythKey = row.values[row.values.length - 1] as string | null
    row.values[row.values.length - 1] = mythKey ? await templateOfMyth.get(mythKey)! : null
  }
  return rows
}

/**
 * Inserts the fresh comments and appends their decisions to the log, all or nothing. Returns the
 * ids of the comments inserted; one another instance stored first is left out (and applied by the
 * one-event path).
 */
async function insertFresh(payload: Payload, settings: InboxSettings, unordered: FreshRow[]): Promise<Map<string, number>> {
  // Inserted in one order everywhere: two instances inserting the same comments cannot deadlock.
  const rows = [...unordered].sort((left, right) => (keyOf(left.event) < keyOf(right.event) ? -1 : 1))
  const client = await sqlPool(payload).connect()
  const inserted = new Map<string, number>()
  try {
    await client.query('begin')
    for (let start = 0; start < rows.length; start += rowsPerStatement) {
      const chunk = rows.slice(start, start + rowsPerStatement)
      const width = interactionColumns.length
      const placeholders = chunk.map((_, row) => `(${interactionColumns.map((_, column) => `$${row * width + column + 1}`).join(', ')})`)
      const result = await client.query(
        `INSERT INTO interactions (${interactionColumns.join(', ')}) VALUES ${placeholders.join(', ')}
         ON CONFLICT (network, remote_id) DO NOTHING RETURNING id, network::text AS network, remote_id`,
        chunk.flatMap((row) => row.values),
      )
      for (const row of result.rows) inserted.set(keyOf({ network: row.network as InboundEvent['network'], remoteId: String(row.remote_id) }), Number(row.id))
    }
    const entries: ModerationLogEntry[] = rows.flatMap(({ event, decision, triage, values }) => {
      const id = inserted.get(keyOf(event))
      if (id === undefined || !decision) return []
      const authorPseudonym = values[interactionColumns.indexOf('author_pseudonym')] as string | null
      return [
        {
          kind: 'decision' as const,
          actor: { type: 'rule' as const },
          ruleIds: decision.rules.map((rule) => rule.id),
          category: decision.category,
          action: decision.action,
          platform: event.network,
          itemRef: `${interactionsSlug}/${id}`,
          commenter: authorPseudonym ? { pseudonym: authorPseudonym } : null,
          commentText: event.text,
          before: null,
          after: { flagged: decision.flagged, category: decision.category, action: decision.action, severity: decision.severity, ...triageLogFields(triage) },
        },
      ]
    })
    await appendModerationLogRows(client, payload, entries, { pseudonymKey: settings.pseudonymKey })
    await recordFirstAnswers(client, [...inserted.values()])
    await client.query('commit')
    return inserted
  } catch (error) {
    await client.query('rollback').catch(() => undefined)
    throw error
  } finally {
    client.release()
  }
}

/**
 * Stores or applies the events, given in the order they arrived (each delivery's own events in
 * the network's time order), as one-by-one ingestion would; safe to run twice for the same events
 * (a batch processed again after a crash).
 */
export async function ingestInboundEvents(
  payload: Payload,
  settings: InboxSettings,
  events: InboundEvent[],
  arrivedBy: ArrivalPath,
  now = new Date(),
): Promise<BatchReport> {
  const report: BatchReport = { created: 0, updated: 0, unchanged: 0 }
  if (events.length === 0) return report
  const fresh = freshEvents(events, await storedKeys(sqlPool(payload), events))
  const rows = fresh.length ? await freshRows(payload, settings, fresh, arrivedBy, now) : []
  const inserted = rows.length ? await insertFresh(payload, settings, rows) : new Map<string, number>()
  report.created += inserted.size
  // The actions a decision takes on arrival (hide, escalate) need the stored interaction.
  for (const { event, decision } of rows) {
    const id = inserted.get(keyOf(event))
    const acts = decision?.action === 'escalate' || (decision?.action === 'hide' && settings.actions)
    if (id === undefined || !decision || !acts) continue
    const interaction = await payload.findByID({ collection: interactionsSlug, id, depth: 0, overrideAccess: true })
    await takeAction(payload, settings, interaction, decision)
  }
  const done = new Set(rows.flatMap(({ event }) => (inserted.has(keyOf(event)) ? [event] : [])))
  for (const event of events) {
    if (!done.has(event)) report[await ingestInboundEvent(payload, settings, event, arrivedBy, now)] += 1
  }
  return report
}
