/**
 * The home page (issue 15): each role's first layout of panels, what waits for each person, the
 * publishing problems (including a post scheduled with no account for its network), and the
 * panels as rendered HTML in French and Arabic, read with the person's own access.
 */
import { jest } from '@jest/globals'
import { initI18n } from '@payloadcms/translations'
import type { Payload, PayloadRequest, TypedUser, WidgetServerProps } from 'payload'
import React from 'react'
import { renderToStaticMarkup } from 'react-dom/server'

import { InboxDueWidget } from '../../plugins/campaign-ops/inbox/admin/InboxDueWidget'
import { NextPostsWidget } from '../../plugins/campaign-ops/publishing/admin/NextPostsWidget'
import { PublishingProblemsWidget } from '../../plugins/campaign-ops/publishing/admin/PublishingProblemsWidget'
import { readPublishingQueue } from '../../plugins/campaign-ops/publishing/publishing-queue'
import { MyWorkWidget } from '../../src/admin/home/MyWorkWidget'
import { roles } from '../../src/domain/roles'
import type { Role } from '../../src/domain/roles'
import { readWorkQueues } from '../../src/workflow/work-queues'
import type { WorkflowState } from '../../src/workflow/transition-table'
import { startTestPayload } from '../helpers/payload'
import { queryRows } from '../helpers/sql'
import type { TestPayload } from '../helpers/payload'
import { createAccountPerRole } from '../helpers/users'
import type { TestAccount } from '../helpers/users'
import { setWorkflowState } from '../helpers/workflow'

jest.setTimeout(120_000)

let app: TestPayload
let payload: Payload
let accounts: Record<Role, TestAccount>
const users = new Map<Role, TypedUser>()

const sql = <T>(text: string, values: unknown[] = []) => queryRows<T>(app.databaseUrl, text, values)

async function contentItem(title: string, state: WorkflowState, owner: Role): Promise<number> {
  const item = await payload.create({
    collection: 'content-items',
    overrideAccess: true,
    locale: 'fr',
    data: { title, format: 'post', sensitivity: 'normal', owner: accounts[owner].id },
  })
  if (state !== 'draft') await setWorkflowState(payload, item.id, state)
  return item.id as number
}

/** What Payload's dashboard hands a widget, for a person reading the admin in `language`. */
async function widgetProps(role: Role, language: 'fr' | 'ar'): Promise<WidgetServerProps> {
  const user = users.get(role)!
  // The translations come from the same catalogues the admin reads.
  const i18n = await initI18n({ config: payload.config.i18n, context: 'client', language })
  const req = { payload, user, i18n, t: i18n.t } as unknown as PayloadRequest
  return { req, user, widgetSlug: 'test', locale: undefined, permissions: undefined as never, cookies: new Map() as never }
}

/** What a reader sees: the text, without the tags and their attributes (addresses hold codes). */
const visibleText = (html: string) => html.replace(/<[^>]+>/g, ' ')

async function render(element: Promise<React.ReactElement | null> | React.ReactElement | null): Promise<string> {
  const resolved = await element
  return resolved ? renderToStaticMarkup(resolved) : ''
}

beforeAll(async () => {
  app = await startTestPayload()
  payload = app.payload
  accounts = await createAccountPerRole(payload)
  for (const role of roles)
    users.set(role, { ...(await payload.findByID({ collection: 'users', id: accounts[role].id, overrideAccess: true })), collection: 'users' } as TypedUser)
})

afterAll(async () => {
  await app?.close()
})

describe('each role’s first home page', () => {
  const layoutOf = async (role: Role | null) => {
    const defaultLayout = payload.config.admin.dashboard!.defaultLayout as (args: { req: PayloadRequest }) => Promise<{ widgetSlug: string }[]>
    const req = { payload, user: role ? users.get(role) : null } as unknown as PayloadRequest
    return (await defaultLayout({ req })).map((widget) => widget.widgetSlug)
  }

  it('opens on the role’s own work, then its panels, never on the stock card grid alone', async () => {
    expect(await layoutOf('consultant')).toEqual(['my-work', 'shortcuts', 'key-figures', 'press-mentions'])
    expect(await layoutOf('ncsc')).toEqual(['my-work', 'shortcuts', 'publishing-problems', 'next-posts', 'inbox-due', 'key-figures', 'press-mentions'])
    expect(await layoutOf('legal')).toEqual(['my-work', 'key-figures', 'press-mentions'])
    expect(await layoutOf('cm')).toEqual(['my-work', 'shortcuts', 'inbox-due', 'publishing-problems', 'next-posts', 'key-figures', 'press-mentions'])
    expect(await layoutOf('analyst')).toEqual(['key-figures', 'press-mentions'])
    // Administrators keep Payload's cards of every collection, last.
    expect(await layoutOf('admin')).toEqual(['my-work', 'shortcuts', 'publishing-problems', 'next-posts', 'key-figures', 'press-mentions', 'collections'])
    expect(await layoutOf('integration')).toEqual([])
    expect(await layoutOf(null)).toEqual([])
  })

  it('names only panels the config registers, each with a French and an Arabic label', () => {
    const widgets = payload.config.admin.dashboard!.widgets
    for (const slug of ['my-work', 'shortcuts', 'publishing-problems', 'next-posts', 'inbox-due', 'key-figures', 'press-mentions']) {
      const widget = widgets.find((candidate) => candidate.slug === slug)
      expect(widget).toBeDefined()
      const label = widget!.label as Record<string, string>
      expect(label.fr).toMatch(/[a-zé]/)
      expect(label.ar).toMatch(/[\u0600-\u06FF]/)
    }
  })
})

describe('what waits for me', () => {
  beforeAll(async () => {
    await contentItem('Brouillon de la consultante', 'draft', 'consultant')
    await contentItem('Fiche à corriger', 'changes_requested', 'consultant')
    await contentItem('Fiche corrigée par un autre', 'changes_requested', 'ncsc')
    await contentItem('Vidéo à valider', 'in_review', 'consultant')
    await contentItem('Infographie à valider', 'in_review', 'consultant')
    await contentItem('Texte de loi à vérifier', 'legal_review', 'consultant')
    await contentItem('Carrousel approuvé', 'approved', 'consultant')
  })

  const queues = async (role: Role) =>
    Object.fromEntries((await readWorkQueues(payload, users.get(role)!, { locale: 'fr' })).map((reading) => [reading.queue.key, reading.total]))

  it('counts each role’s queues, a consultant’s own items only', async () => {
    expect(await queues('consultant')).toEqual({ changesRequested: 1, myDrafts: 1 })
    expect(await queues('ncsc')).toEqual({ toValidate: 2, inLegalReview: 1 })
    expect(await queues('legal')).toEqual({ legalReview: 1 })
    expect(await queues('cm')).toEqual({ approved: 1 })
    expect(await queues('analyst')).toEqual({})
  })

  it('lists the items waiting longest first, with their title, and links the queue to the same filter', async () => {
    const [toValidate] = await readWorkQueues(payload, users.get('ncsc')!, { locale: 'fr' })
    expect(toValidate!.items.map((item) => item.title)).toEqual(['Vidéo à valider', 'Infographie à valider'])
    expect(decodeURIComponent(toValidate!.listQuery)).toBe('where[and][0][workflowState][in][0]=in_review')
    const [changes] = await readWorkQueues(payload, users.get('consultant')!, { locale: 'fr' })
    expect(decodeURIComponent(changes!.listQuery)).toBe(
      `where[and][0][workflowState][in][0]=changes_requested&where[and][1][owner][equals]=${accounts.consultant.id}`,
    )
  })

  it('shows the panel in words in French and in Arabic, with no state code', async () => {
    const french = await render(MyWorkWidget(await widgetProps('ncsc', 'fr')))
    expect(french).toContain('Ce qui m’attend')
    expect(french).toContain('À valider')
    expect(french).toContain('Vidéo à valider')
    expect(french).toContain('En revue')
    const arabic = await render(MyWorkWidget(await widgetProps('ncsc', 'ar')))
    expect(arabic).toContain('ما ينتظرني')
    expect(arabic).toContain('في انتظار المصادقة')
    for (const html of [french, arabic]) expect(visibleText(html)).not.toMatch(/in_review|legal_review|workQueues:|home:/)
    // The title may be in any language: its direction follows its own text.
    expect(arabic).toMatch(/<a [^>]*dir="auto"[^>]*>Vidéo à valider<\/a>/)
  })
})

describe('publishing problems and what goes out next', () => {
  let variants: Record<string, number>

  beforeAll(async () => {
    const account = async (network: string, name: string, status: string) =>
      (
        await sql<{ id: number }>(
          `INSERT INTO network_accounts (network, connection, name, account_id, status) VALUES ($1, 'manual', $2, $3, $4) RETURNING id`,
          [network, name, `${name}-id`, status],
        )
      )[0]!.id
    await account('facebook', 'Page Badil', 'ok')
    // Two X accounts: a variant that names neither has no account to go out on.
    await account('x', 'Badil X', 'ok')
    await account('x', 'Badil X bis', 'ok')
    await account('linkedin', 'Badil LinkedIn', 'needs_reconnect')
    // No TikTok account at all.
    const item = await contentItem('Capsule approuvée', 'approved', 'consultant')
    const soon = new Date(Date.now() + 3 * 3600_000)
    const variant = async (label: string, platform: string, state: string, scheduledAt: Date | null, language = 'fr') =>
      (
        await sql<{ id: number }>(
          `INSERT INTO platform_variants (label, content_item_id, platform, language, text, publication_state, scheduled_at, attempts)
           VALUES ($1, $2, $3, $6, $1, $4, $5, 0) RETURNING id`,
          [label, item, platform, state, scheduledAt, language],
        )
      )[0]!.id
    variants = {
      facebook: await variant('Annonce Facebook', 'facebook', 'scheduled', soon),
      x: await variant('Fil X', 'x', 'scheduled', new Date(soon.getTime() + 60_000)),
      linkedin: await variant('Article LinkedIn', 'linkedin', 'scheduled', new Date(soon.getTime() + 120_000)),
      tiktok: await variant('Vidéo TikTok', 'tiktok', 'scheduled', new Date(soon.getTime() + 180_000)),
      failed: await variant('Post échoué', 'facebook', 'failed', null, 'ar'),
    }
  })

  it('finds every post that cannot go out, by reason, a post with no account for its network included', async () => {
    const queue = await readPublishingQueue(payload, { hours: 24, locale: 'fr' })
    const reasons = Object.fromEntries(queue.attention.map((item) => [item.id, item.reason]))
    expect(reasons).toEqual({
      [variants.failed!]: 'failed',
      [variants.x!]: 'no_account',
      [variants.linkedin!]: 'needs_reconnect',
      [variants.tiktok!]: 'no_account',
    })
    // The Facebook post goes out on the network's only account: nothing to handle.
    expect(reasons[variants.facebook!]).toBeUndefined()
    expect(queue.upcoming.map((item) => item.id)).toEqual([variants.facebook, variants.x, variants.linkedin, variants.tiktok])
  })

  it('counts the problems for the people who publish, in both languages, and shows nothing to others', async () => {
    const french = await render(PublishingProblemsWidget(await widgetProps('cm', 'fr')))
    expect(french).toContain('Problèmes à traiter')
    expect(french).toMatch(/Programmée sans compte pour son réseau <strong data-count="true">\(2\)<\/strong>/)
    expect(french).toMatch(/Prévue sur un compte à reconnecter <strong data-count="true">\(1\)<\/strong>/)
    expect(french).toMatch(/Échec <strong data-count="true">\(1\)<\/strong>/)
    expect(french).toMatch(/Comptes à reconnecter <strong data-count="true">\(1\)<\/strong>/)
    const arabic = await render(PublishingProblemsWidget(await widgetProps('cm', 'ar')))
    expect(arabic).toContain('مبرمجة دون حساب لمنصتها')
    for (const html of [french, arabic]) expect(visibleText(html)).not.toMatch(/no_account|needs_reconnect|homePanels:/)
    for (const role of ['consultant', 'legal', 'analyst'] as const) expect(await render(PublishingProblemsWidget(await widgetProps(role, 'fr')))).toBe('')
  })

  it('lists what goes out next in Casablanca time, for the people who publish only', async () => {
    const french = await render(NextPostsWidget(await widgetProps('ncsc', 'fr')))
    expect(french).toContain('Prochaines publications')
    // Soonest first, each named by its content's title and its network.
    expect(french).toContain('Capsule approuvée')
    expect(french.indexOf('Facebook')).toBeGreaterThan(-1)
    expect(french.indexOf('Facebook')).toBeLessThan(french.indexOf('LinkedIn'))
    expect(french.indexOf('LinkedIn')).toBeLessThan(french.indexOf('TikTok'))
    expect(french).toMatch(/\(UTC[+-]\d\d:\d\d\)/)
    expect(french).toContain('(le compte du réseau)')
    expect(await render(NextPostsWidget(await widgetProps('analyst', 'fr')))).toBe('')
  })
})

describe('conversations to answer', () => {
  it('counts the late ones and those due within two hours, for the inbox team only', async () => {
    const insert = (remoteId: string, status: string, dueInMinutes: number) =>
      sql(
        `INSERT INTO interactions (network, account_remote_id, kind, remote_id, text, status, received_at, sla_due_at, reviewed, from_account_itself)
         VALUES ('facebook', 'page-1', 'comment', $1, $1, $2, now(), now() + make_interval(mins => $3::int), false, false)`,
        [remoteId, status, dueInMinutes],
      )
    await insert('late-1', 'new', -30)
    await insert('soon-1', 'assigned', 45)
    await insert('later-1', 'new', 600)
    await insert('answered-late', 'answered', -90)
    const french = await render(InboxDueWidget(await widgetProps('cm', 'fr')))
    expect(french).toMatch(/En retard \(1\)/)
    expect(french).toMatch(/À traiter dans les 2 heures \(1\)/)
    expect(french.indexOf('late-1')).toBeLessThan(french.indexOf('soon-1'))
    expect(french).not.toContain('later-1')
    expect(french).not.toContain('answered-late')
    expect(await render(InboxDueWidget(await widgetProps('consultant', 'fr')))).toBe('')
  })
})
