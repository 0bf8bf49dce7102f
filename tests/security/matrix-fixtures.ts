/**
 * The documents the access matrix works on: for each collection, a stored document (someone
 * else's, or the caller's own where the rules speak of "own"), valid data to create one, and a
 * harmless change. Setup goes through the Local API with access overridden; the matrix itself never
 * does.
 */
import type { Payload } from 'payload'

import type { Role } from '../../src/domain/roles'
import { makeJpeg } from '../content-model/fixtures'
import type { SecurityApp } from './security-kit'
import { setWorkflowState } from '../helpers/workflow'

export type UploadFile = { data: Buffer; mimetype: string; name: string; size: number }

export type CollectionFixture = {
  /** A stored document; `owner` makes it that role's own (for rows granted on own documents). */
  seed(owner?: Role): Promise<number>
  /** Valid data to create a document (for the callers the rules allow). */
  createData(): Promise<Record<string, unknown>>
  /** A change any editor may make (a new one each time), and the field to read back to see it. */
  update(): { data: Record<string, unknown>; field: string; value: unknown }
  /** REST requests by id that the collection answers otherwise (preferences are addressed by key). */
  restByIdAnsweredByKey?: readonly ('get' | 'delete')[]
  /** Upload collections: the file sent with a create. GraphQL takes no files. */
  file?: () => Promise<UploadFile>
}

let counter = 0
const next = () => (counter += 1)

/** A change of `field`; text gets a number of its own so that every change is a change. */
function change(field: string, value: unknown) {
  const fresh = typeof value === 'string' ? `${value} ${next()}` : typeof value === 'number' ? value + (next() % 500) : value
  return { data: { [field]: fresh }, field, value: fresh }
}

export const validRule = {
  category: 'harassment',
  action: 'hide',
  severity: 'high',
  priority: 70,
  state: 'proposed',
  terms: [
    { text: 'ya 7mar', language: 'ary', script: 'latin' },
    { text: 'يا حمار', language: 'ary', script: 'arabic' },
  ],
  samples: {
    shouldMatch: [{ text: 'ya 7maaar skot' }, { text: 'سكت يا حمار' }],
    shouldNotMatch: [{ text: 'l7mar kayakol f lfdan' }, { text: 'الحمار حيوان صبور' }],
  },
}

export function collectionFixtures(security: SecurityApp): Record<string, CollectionFixture> {
  const payload: Payload = security.payload
  const create = async (collection: string, data: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    ((await payload.create({ collection: collection as never, overrideAccess: true, data: data as never, ...extra })) as { id: number }).id
  const jpeg = async (): Promise<UploadFile> => {
    const data = await makeJpeg(320, 240)
    return { data, mimetype: 'image/jpeg', name: `matrix-${next()}.jpg`, size: data.length }
  }
  let otherPerson: number | undefined
  const preferencesOwner = async () =>
    (otherPerson ??= await create('users', {
      email: `preferences-owner@test.badil.local`,
      password: 'matrix-password-123',
      name: 'Autre personne',
      role: 'analyst',
      language: 'fr',
    }))
  const item = async () => create('content-items', { title: `Contenu ${next()}`, format: 'post' })
  const htmlReport = (): UploadFile => {
    const data = Buffer.from(`<!doctype html><html lang="fr"><body><h1>Rapport ${next()}</h1></body></html>`)
    return { data, mimetype: 'text/html', name: `rapport-${next()}.html`, size: data.length }
  }
  const theme = async () => create('themes', { name: `Thème ${next()}`, slug: `matrix-theme-${next()}` })

  return {
    users: {
      seed: async (owner) =>
        owner
          ? security.accounts[owner].id
          : create('users', { email: `other-${next()}@test.badil.local`, password: 'matrix-password-123', name: 'Autre', role: 'analyst', language: 'fr' }),
      createData: async () => ({ email: `new-${next()}@test.badil.local`, password: 'matrix-password-123', name: 'Nouveau', role: 'analyst', language: 'fr' }),
      update: () => change('name', 'Renommé par la matrice'),
    },
    themes: {
      seed: () => theme(),
      createData: async () => ({ name: `Thème ${next()}`, slug: `matrix-new-${next()}` }),
      update: () => change('description', 'Modifié'),
    },
    'key-moments': {
      seed: () =>
        create('key-moments', { title: `Temps fort ${next()}`, startsOn: '2027-03-01T00:00:00.000Z', endsOn: '2027-03-02T00:00:00.000Z', priority: 'medium' }),
      createData: async () => ({ title: `Temps fort ${next()}`, startsOn: '2027-04-01T00:00:00.000Z', endsOn: '2027-04-02T00:00:00.000Z', priority: 'low' }),
      update: () => change('description', 'Modifié'),
    },
    media: {
      seed: async () => create('media', { alt: 'Image' }, { file: await jpeg() }),
      createData: async () => ({ alt: 'Image de la matrice' }),
      update: () => change('caption', 'Légende'),
      file: jpeg,
    },
    'content-items': {
      seed: () => item(),
      createData: async () => ({ title: `Contenu ${next()}`, format: 'post' }),
      // The summary is not substance: it never sends an item back to review.
      update: () => change('summary', 'Résumé modifié'),
    },
    'platform-variants': {
      seed: async () => create('platform-variants', { contentItem: await item(), platform: 'x', language: 'fr', text: 'Variante' }),
      createData: async () => ({ contentItem: await item(), platform: 'x', language: 'fr', text: 'Nouvelle variante' }),
      update: () => change('text', 'Texte modifié'),
    },
    'workflow-events': {
      seed: async () => create('workflow-events', { kind: 'transition', transition: 'submit', from: 'draft', to: 'in_review', at: new Date().toISOString() }),
      createData: async () => ({ kind: 'transition', transition: 'approve', from: 'in_review', to: 'approved', at: new Date().toISOString() }),
      update: () => change('reason', 'Réécrit'),
    },
    myths: {
      seed: () => create('myths', { key: `matrix-myth-${next()}`, claim: 'Idée reçue', correction: 'Correction' }),
      createData: async () => ({ key: `matrix-new-myth-${next()}`, claim: 'Idée reçue', correction: 'Correction' }),
      update: () => change('legalSource', 'Loi 43.22'),
    },
    'moderation-rules': {
      // A proposal, written by `owner` when given (a CM edits their own proposals).
      seed: async (owner) =>
        create(
          'moderation-rules',
          { ...validRule, name: `Règle ${next()}` },
          owner ? { user: await payload.findByID({ collection: 'users', id: security.accounts[owner].id, depth: 0 }) } : {},
        ),
      createData: async () => ({ ...validRule, name: `Nouvelle règle ${next()}` }),
      update: () => change('priority', 71),
    },
    'moderation-log': {
      seed: async () => {
        const { appendModerationLog } = await import('../../plugins/campaign-ops/moderation/moderation-log')
        const row = await appendModerationLog(payload, { kind: 'decision', actor: { type: 'system' }, category: 'spam', action: 'flag' })
        return Number(row.id)
      },
      createData: async () => ({ sequence: 999_999, kind: 'decision', actorType: 'system' }),
      update: () => change('sequence', 999_998),
    },
    'moderation-log-checkpoints': {
      seed: () => create('moderation-log-checkpoints', { sequence: next(), hash: 'a'.repeat(64), recordedAt: new Date().toISOString() }),
      createData: async () => ({ sequence: 999_999, hash: 'b'.repeat(64), recordedAt: new Date().toISOString() }),
      update: () => change('hash', 'c'.repeat(64)),
    },
    'network-accounts': {
      seed: () => create('network-accounts', { network: 'x', connection: 'manual', name: `Compte ${next()}`, accountId: `matrix-${next()}` }),
      createData: async () => ({ network: 'linkedin', connection: 'manual', name: `Compte ${next()}`, accountId: `urn:li:organization:${next()}` }),
      update: () => change('name', 'Compte renommé'),
    },
    'publication-attempts': {
      seed: async () =>
        create('publication-attempts', {
          variant: await create('platform-variants', { contentItem: await item(), platform: 'x', language: 'fr', text: 'Tentative' }),
          attemptNumber: 1,
          kind: 'publish',
          idempotencyKey: `matrix-${next()}`,
          outcome: 'failed',
          startedAt: new Date().toISOString(),
        }),
      createData: async () => ({ attemptNumber: 1, kind: 'publish', idempotencyKey: 'forged', outcome: 'succeeded', startedAt: new Date().toISOString() }),
      update: () => change('reason', 'Réécrite'),
    },
    'webhook-subscriptions': {
      seed: () => create('webhook-subscriptions', { url: 'https://hooks.example.org/matrix', events: ['publication.succeeded'] }),
      createData: async () => ({ url: 'https://hooks.example.org/new', events: ['publication.failed'] }),
      update: () => change('active', false),
    },
    'crisis-mode-events': {
      seed: async () => create('crisis-mode-events', { active: true, reason: 'Matrice', actor: security.accounts.admin.id, at: new Date().toISOString() }),
      createData: async () => ({ active: false, reason: 'Forgé', actor: security.accounts.admin.id, at: new Date().toISOString() }),
      update: () => change('reason', 'Réécrit'),
    },
    'crisis-alerts': {
      seed: () =>
        create('crisis-alerts', {
          level: 'crisis',
          status: 'open',
          series: 'hostile:all',
          subject: { fr: 'Propos hostiles, toutes plateformes', ar: 'تعليقات عدائية، كل المنصات', en: 'Hostile comments, all platforms' },
          observed: 40,
          expected: 10,
          raisedAt: new Date().toISOString(),
        }),
      createData: async () => ({ level: 'watch', status: 'open', series: 'hostile:facebook', observed: 1, expected: 1, raisedAt: new Date().toISOString() }),
      update: () => change('resolutionNote', 'Réécrit'),
    },
    'moderation-models': {
      seed: () =>
        create('moderation-models', {
          version: 1000 + next(),
          title: `Modèle ${next()}`,
          status: 'candidate',
          trigger: 'schedule',
          trainedAt: new Date().toISOString(),
          trainingSize: 0,
        }),
      createData: async () => ({ version: 9999, title: 'Forgé', status: 'active', trigger: 'request', trainedAt: new Date().toISOString() }),
      update: () => change('title', 'Réécrit'),
    },
    'crisis-playbooks': {
      seed: () => create('crisis-playbooks', { name: `Plan ${next()}`, levels: ['crisis'], seriesKinds: ['hostile'], steps: [{ text: 'Prévenir le NCSC' }] }),
      createData: async () => ({ name: `Plan forgé ${next()}`, levels: ['watch'], seriesKinds: ['myth'], steps: [{ text: 'Répondre' }] }),
      update: () => change('name', 'Réécrit'),
    },
    interactions: {
      seed: () =>
        create('interactions', {
          network: 'facebook',
          accountRemoteId: '104872391025567',
          kind: 'comment',
          remoteId: `matrix-${next()}`,
          text: 'Commentaire',
          receivedAt: new Date().toISOString(),
        }),
      createData: async () => ({
        network: 'x',
        accountRemoteId: 'forged',
        kind: 'comment',
        remoteId: `forged-${next()}`,
        receivedAt: new Date().toISOString(),
      }),
      update: () => change('tags', ['matrice']),
    },
    'interaction-evidence': {
      seed: () =>
        create('interaction-evidence', {
          network: 'facebook',
          remoteId: `matrix-${next()}`,
          text: 'Menace',
          action: 'hide',
          capturedAt: new Date().toISOString(),
          expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
        }),
      createData: async () => ({
        network: 'x',
        remoteId: 'forged',
        action: 'delete',
        capturedAt: new Date().toISOString(),
        expiresAt: new Date().toISOString(),
      }),
      update: () => change('reason', 'Réécrite'),
    },
    'response-templates': {
      seed: async (owner) =>
        create(
          'response-templates',
          { name: `Modèle ${next()}`, purpose: 'answer', body: 'Merci {{handle}}' },
          owner ? { user: await payload.findByID({ collection: 'users', id: security.accounts[owner].id, depth: 0 }) } : {},
        ),
      createData: async () => ({ name: `Nouveau modèle ${next()}`, purpose: 'thanks', body: 'Merci' }),
      update: () => change('name', 'Modèle renommé'),
    },
    'interaction-replies': {
      seed: async () =>
        create('interaction-replies', {
          interaction: await create('interactions', {
            network: 'facebook',
            accountRemoteId: '104872391025567',
            kind: 'comment',
            remoteId: `matrix-reply-${next()}`,
            receivedAt: new Date().toISOString(),
          }),
          text: 'Merci',
          idempotencyKey: `matrix-${next()}`,
          state: 'sent',
        }),
      createData: async () => ({ text: 'Forgée', idempotencyKey: `forged-${next()}`, state: 'sent' }),
      update: () => change('text', 'Réécrite'),
    },
    'inbox-sync': {
      seed: () => create('inbox-sync', { network: 'facebook', accountRemoteId: '104872391025567', postRemoteId: `matrix-${next()}`, foundOnlyByPolling: 0 }),
      createData: async () => ({ network: 'x', accountRemoteId: 'forged', postRemoteId: `forged-${next()}` }),
      update: () => change('postRemoteId', 'Réécrite'),
    },
    'metric-snapshots': {
      seed: () =>
        create('metric-snapshots', {
          network: 'facebook',
          remoteId: `104872391025567_${next()}`,
          values: { post_media_view: 120, post_clicks: null },
          fetchedAt: new Date().toISOString(),
          definitionDate: '2025-11-15T00:00:00.000Z',
        }),
      createData: async () => ({
        network: 'x',
        remoteId: `forged-${next()}`,
        values: { impression_count: 1 },
        fetchedAt: new Date().toISOString(),
        definitionDate: '2023-01-01',
      }),
      update: () => change('remoteId', 'Réécrit'),
    },
    'report-subscriptions': {
      // Someone else's: a person who is none of the matrix's callers receives it; "own": the caller does.
      seed: async (owner) =>
        create('report-subscriptions', {
          name: `Rapport ${next()}`,
          frequency: 'weekly',
          recipients: [owner ? security.accounts[owner].id : await preferencesOwner()],
        }),
      createData: async () => ({ name: `Nouveau rapport ${next()}`, frequency: 'monthly', recipients: [security.accounts.analyst.id] }),
      update: () => change('name', 'Renommé'),
    },
    'periodic-reports': {
      seed: async (owner) =>
        create(
          'periodic-reports',
          {
            title: `Rapport ${next()}`,
            kind: 'weekly',
            periodFrom: '2026-11-23',
            periodTo: '2026-11-29',
            language: 'fr',
            recipients: [owner ? security.accounts[owner].id : await preferencesOwner()],
            status: 'sent',
            deliveryKey: `matrix-${next()}`,
          },
          { file: htmlReport() },
        ),
      createData: async () => ({
        title: 'Forgé',
        kind: 'on_demand',
        periodFrom: '2026-11-01',
        periodTo: '2026-11-30',
        language: 'fr',
        deliveryKey: `forged-${next()}`,
      }),
      update: () => change('title', 'Réécrit'),
      file: async () => htmlReport(),
    },
    'metric-imports': {
      seed: () => create('metric-imports', { network: 'facebook', status: 'done', total: 1, rows: [{ post_id: '1', views: '10' }] }),
      createData: async () => ({ network: 'facebook', status: 'done', total: 1, rows: [] }),
      update: () => change('fileName', 'Réécrit'),
    },
    'press-mentions': {
      seed: () =>
        create('press-mentions', { title: `Article ${next()}`, outlet: 'Hespress', publishedAt: new Date().toISOString(), language: 'fr', tone: 'neutral' }),
      createData: async () => ({ title: `Nouvel article ${next()}`, outlet: 'Le360', publishedAt: new Date().toISOString(), language: 'fr', tone: 'positive' }),
      update: () => change('summary', 'Résumé'),
    },
    'inbox-imports': {
      seed: () => create('inbox-imports', { network: 'tiktok', accountRemoteId: 'matrix', status: 'done', total: 1, rows: [{ id: '1', text: 'ok' }] }),
      createData: async () => ({ network: 'tiktok', accountRemoteId: 'forged', status: 'done', total: 1, rows: [] }),
      update: () => change('fileName', 'Réécrit'),
    },
    'inbound-deliveries': {
      seed: () =>
        create('inbound-deliveries', {
          source: 'meta',
          deliveryKey: `matrix-${next()}`,
          body: { object: 'page', entry: [] },
          receivedAt: new Date().toISOString(),
        }),
      createData: async () => ({ source: 'meta', deliveryKey: `forged-${next()}`, body: { forged: true }, receivedAt: new Date().toISOString() }),
      update: () => change('lastError', 'Réécrite'),
    },
    'payload-kv': {
      seed: () => create('payload-kv', { key: `matrix-${next()}`, data: { a: 1 } }),
      createData: async () => ({ key: `forged-${next()}`, data: { a: 2 } }),
      update: () => change('data', { a: 3 }),
    },
    'payload-jobs': {
      seed: async () =>
        Number(
          ((await payload.jobs.queue({ task: 'notifyWorkflowTransition' as never, queue: 'matrix', input: { eventId: 0 } as never })) as { id: number }).id,
        ),
      createData: async () => ({ taskSlug: 'notifyWorkflowTransition', queue: 'forged', input: { eventId: 1 } }),
      update: () => change('queue', 'moved'),
    },
    'payload-locked-documents': {
      seed: async () =>
        create('payload-locked-documents', {
          document: { relationTo: 'themes', value: await theme() },
          user: { relationTo: 'users', value: security.accounts.admin.id },
        }),
      createData: async () => ({ document: { relationTo: 'themes', value: await theme() }, user: { relationTo: 'users', value: security.accounts.admin.id } }),
      update: () => change('globalSlug', 'matrix'),
    },
    'payload-preferences': {
      // Someone else's: a person who is none of the matrix's callers.
      seed: async (owner) => {
        const userId = owner ? security.accounts[owner].id : await preferencesOwner()
        const user = await payload.findByID({ collection: 'users', id: userId, depth: 0 })
        return create('payload-preferences', { key: `matrix-${next()}`, value: { a: 1 }, user: { relationTo: 'users', value: userId } }, { user })
      },
      createData: async () => ({ key: `matrix-new-${next()}`, value: { a: 2 } }),
      update: () => change('value', { a: 9 }),
      restByIdAnsweredByKey: ['get', 'delete'],
    },
    'payload-migrations': {
      seed: () => create('payload-migrations', { name: `matrix_${next()}`, batch: 99 }),
      createData: async () => ({ name: 'forged', batch: 100 }),
      update: () => change('batch', 101),
    },
  }
}

/** An approved item and a ready variant of it: cleared to go out (for the kit). */
export async function clearedReadyVariant(payload: Payload): Promise<number> {
  const item = await payload.create({ collection: 'content-items', overrideAccess: true, data: { title: `Approuvé ${next()}`, format: 'post' } })
  await setWorkflowState(payload, item.id, 'approved')
  const variant = await payload.create({
    collection: 'platform-variants',
    overrideAccess: true,
    data: { contentItem: item.id, platform: 'x', language: 'fr', text: 'Prête à publier', publicationState: 'ready' },
  })
  return variant.id as number
}
