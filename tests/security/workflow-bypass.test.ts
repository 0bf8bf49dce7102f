/**
 * The workflow's promise — nothing reaches the public without NCSC's (and, for sensitive items,
 * legal's) approval — tried through the ways around it that a review found: anonymous GraphQL,
 * a second operation in the same GraphQL request, and a variant that loses its clearance after
 * it was scheduled. Each case names the hole it closes (issue 10).
 */
import type { Payload } from 'payload'

import { publishingScheduler } from '../../plugins/campaign-ops'
import { transitionContentItem } from '../../src/workflow/transition-content-item'
import type { WorkflowState } from '../../src/workflow/transition-table'
import { connectFakeAccounts, publishCallsByText, startNetworkFakes } from '../publishing/publishing-fixtures'
import type { FakeAccounts, NetworkFakes } from '../publishing/publishing-fixtures'
import { graphqlStatus, startSecurityApp } from './security-kit'
import type { SecurityApp } from './security-kit'
import { setWorkflowState } from '../helpers/workflow'

let fakes: NetworkFakes
let security: SecurityApp
let payload: Payload
let networkAccounts: FakeAccounts

beforeAll(async () => {
  fakes = await startNetworkFakes()
  security = await startSecurityApp({
    env: fakes.env,
    config: { publishing: { scheduler: { reconcileAfterMs: 0, backoffBaseMs: 200, backoffMaxMs: 400, requestTimeoutMs: 1_500, leaseMs: 10_000 } } },
  })
  payload = security.payload
  networkAccounts = await connectFakeAccounts(payload, fakes)
})

afterAll(async () => {
  await security?.close()
  await fakes?.close()
})

const tick = () => publishingScheduler(payload).tick()

let itemCount = 0
/** An item put straight into a state (setup only: the workflow's own write mark). */
async function itemIn(state: WorkflowState, sensitivity: 'normal' | 'sensitive' = 'normal') {
  itemCount += 1
  const item = await payload.create({
    collection: 'content-items',
    overrideAccess: true,
    data: { title: `Security item ${itemCount}`, format: 'post', sensitivity, owner: security.accounts.consultant.id },
  })
  if (state !== 'draft') {
    await setWorkflowState(payload, item.id, state)
  }
  return item.id as number
}

const stateOf = async (id: number) => (await payload.findByID({ collection: 'content-items', id, depth: 0 })).workflowState
const variantOf = (id: number) => payload.findByID({ collection: 'platform-variants', id, depth: 0, overrideAccess: true })

const sql = (text: string, values: unknown[] = []) => security.sql(text, values)

/** A variant on X created by the CM; scheduled through the API when `scheduledAt` is given. */
async function xVariant(item: number, text: string, options: { approve?: boolean; scheduledAt?: Date } = {}) {
  const created = await security.rest('cm', 'POST', '/api/platform-variants', {
    contentItem: item,
    platform: 'x',
    language: 'fr',
    text,
    networkAccount: networkAccounts.x,
  })
  expect(created.status).toBe(201)
  const id = created.body.doc.id as number
  if (options.approve) expect((await security.rest('ncsc', 'POST', `/api/platform-variants/${id}/approve`)).status).toBe(200)
  if (options.scheduledAt) {
    const scheduled = await security.rest('cm', 'PATCH', `/api/platform-variants/${id}`, {
      publicationState: 'scheduled',
      scheduledAt: options.scheduledAt.toISOString(),
    })
    expect({ status: scheduled.status, errors: scheduled.body?.errors }).toEqual({ status: 200, errors: undefined })
  }
  return id
}

const postsOnX = (text: string) => publishCallsByText(fakes).get(text) ?? 0

describe('hole 1: no user is never the system', () => {
  it('refuses an anonymous GraphQL transitionContentItem (401) and moves nothing', async () => {
    const id = await itemIn('in_review')
    const answer = await security.graphql('anonymous', `mutation { transitionContentItem(id: ${id}, to: "approved") { id workflowState } }`)
    expect(graphqlStatus(answer, 'transitionContentItem')).toBe(401)
    expect(answer.body.data?.transitionContentItem ?? null).toBeNull()
    expect(await stateOf(id)).toBe('in_review')
  })

  it('refuses an anonymous REST transition (401) and moves nothing', async () => {
    const id = await itemIn('in_review')
    const answer = await security.rest('anonymous', 'POST', `/api/content-items/${id}/transition`, { to: 'approved' })
    expect(answer.status).toBe(401)
    expect(await stateOf(id)).toBe('in_review')
  })

  it('refuses a Local API transition without a user (401); the system takes only system transitions, by name', async () => {
    const id = await itemIn('in_review')
    await expect(transitionContentItem(payload, { id, to: 'approved', user: null })).rejects.toMatchObject({ status: 401 })
    await expect(transitionContentItem(payload, { id, to: 'approved', user: undefined })).rejects.toMatchObject({ status: 401 })
    await expect(transitionContentItem(payload, { id, to: 'approved', system: 'publishing-engine' })).rejects.toMatchObject({ status: 403 })
    expect(await stateOf(id)).toBe('in_review')

    const approved = await itemIn('approved')
    await expect(transitionContentItem(payload, { id: approved, to: 'published', user: await security.user('ncsc') })).rejects.toMatchObject({ status: 403 })
    await transitionContentItem(payload, { id: approved, to: 'published', system: 'publishing-engine' })
    expect(await stateOf(approved)).toBe('published')
    const event = (await payload.find({ collection: 'workflow-events', where: { contentItem: { equals: approved } }, depth: 0 })).docs[0]
    expect(event).toMatchObject({ transition: 'publish', role: 'system', actor: null })
  })

  it('refuses a tool (API key) on the transition endpoint and mutation (403)', async () => {
    const id = await itemIn('in_review')
    expect((await security.rest('integration', 'POST', `/api/content-items/${id}/transition`, { to: 'approved' })).status).toBe(403)
    const answer = await security.graphql('integration', `mutation { transitionContentItem(id: ${id}, to: "approved") { id } }`)
    expect(graphqlStatus(answer, 'transitionContentItem')).toBe(403)
    expect(await stateOf(id)).toBe('in_review')
  })

  it('does not take a Local API write without a user for the publishing engine', async () => {
    const item = await itemIn('approved')
    const variant = await xVariant(item, 'Engine state by hand')
    await expect(
      payload.update({ collection: 'platform-variants', id: variant, overrideAccess: true, data: { publicationState: 'published' } }),
    ).rejects.toMatchObject({ status: 403 })
    expect((await variantOf(variant)).publicationState).toBe('draft')
  })
})

describe('hole 2: one GraphQL operation never lends a bypass to the next', () => {
  it('a failing transition followed by a direct write of the state approves nothing (consultant)', async () => {
    const id = await itemIn('draft')
    const answer = await security.graphql(
      'consultant',
      `mutation {
        first: transitionContentItem(id: ${id}, to: "approved") { id }
        second: updateContentItem(id: ${id}, data: { workflowState: approved }) { workflowState }
      }`,
    )
    expect(graphqlStatus(answer, 'first')).toBe(409)
    expect(graphqlStatus(answer, 'second')).toBe(403)
    expect(await stateOf(id)).toBe('draft')
  })

  it('a successful transition does not let the next operation write the state (ncsc)', async () => {
    const id = await itemIn('in_review')
    const answer = await security.graphql(
      'ncsc',
      `mutation {
        first: transitionContentItem(id: ${id}, to: "approved") { workflowState }
        second: updateContentItem(id: ${id}, data: { workflowState: published }) { workflowState }
      }`,
    )
    expect(answer.body.data.first).toEqual({ workflowState: 'approved' })
    expect(graphqlStatus(answer, 'second')).toBe(403)
    expect(await stateOf(id)).toBe('approved')
  })

  it('an approval in the same request does not let another variant be approved by writing the field', async () => {
    const item = await itemIn('approved', 'sensitive')
    const approvedOne = await xVariant(item, 'Variante A')
    const other = await payload.create({
      collection: 'platform-variants',
      overrideAccess: true,
      data: { contentItem: item, platform: 'linkedin', language: 'fr', text: 'Variante B', networkAccount: networkAccounts.linkedin },
    })
    expect((await security.rest('ncsc', 'POST', `/api/platform-variants/${approvedOne}/approve`)).status).toBe(200)
    const answer = await security.graphql(
      'cm',
      `mutation {
        first: updatePlatformVariant(id: ${approvedOne}, data: { text: "Variante A" }) { id }
        second: updatePlatformVariant(id: ${other.id}, data: { approval: { state: approved } }) { approval { state } }
      }`,
    )
    expect(graphqlStatus(answer, 'second')).toBe(403)
    expect((await variantOf(other.id)).approval?.state).toBe('pending')
  })
})

describe('hole 6: a variant goes out only while its approval holds', () => {
  it('editing the text of a scheduled variant of a sensitive item withdraws the approval and holds it: nothing is published', async () => {
    const item = await itemIn('approved', 'sensitive')
    const variant = await xVariant(item, 'Texte approuvé par le NCSC', { approve: true, scheduledAt: new Date(Date.now() + 60 * 60_000) })
    const edited = await security.rest('cm', 'PATCH', `/api/platform-variants/${variant}`, { text: 'Texte modifié après approbation' })
    expect(edited.status).toBe(200)
    expect(edited.body.doc).toMatchObject({ publicationState: 'held', approval: { state: 'pending' } })
    expect(edited.body.doc.lastError).toMatch(/NCSC/)
    // Due now, it stays out of the queue.
    await sql(`UPDATE platform_variants SET scheduled_at = now() - interval '1 second' WHERE id = $1`, [variant])
    await tick()
    expect(postsOnX('Texte modifié après approbation')).toBe(0)
    expect((await variantOf(variant)).publicationState).toBe('held')
  })

  it('publish now of a scheduled variant whose approval no longer holds is refused (409), and the claim does not take it', async () => {
    const item = await itemIn('approved', 'sensitive')
    const variant = await xVariant(item, 'Publier maintenant sans approbation', { approve: true, scheduledAt: new Date(Date.now() + 60 * 60_000) })
    // What earlier code left behind: approval withdrawn, variant still scheduled.
    await sql(`UPDATE platform_variants SET approval_state = 'pending', approval_approved_hash = NULL WHERE id = $1`, [variant])
    const answer = await security.rest('cm', 'POST', `/api/platform-variants/${variant}/publish-now`)
    expect(answer.status).toBe(409)
    expect(answer.body.errors[0].message).toMatch(/NCSC/)
    await sql(`UPDATE platform_variants SET scheduled_at = now() - interval '1 second' WHERE id = $1`, [variant])
    const report = await tick()
    expect(report.held).toBeGreaterThanOrEqual(1)
    expect(postsOnX('Publier maintenant sans approbation')).toBe(0)
    expect(await variantOf(variant)).toMatchObject({ publicationState: 'held', lastError: expect.stringMatching(/NCSC/) })
  })

  it('the engine checks the approved text again before it sends (an edit made outside the API)', async () => {
    const item = await itemIn('approved', 'sensitive')
    const variant = await xVariant(item, 'Texte tel qu’approuvé', { approve: true, scheduledAt: new Date(Date.now() - 1000) })
    await sql(`UPDATE platform_variants SET text = 'Texte changé en base' WHERE id = $1`, [variant])
    await tick()
    expect(postsOnX('Texte changé en base')).toBe(0)
    expect(await variantOf(variant)).toMatchObject({ publicationState: 'failed', lastError: expect.stringMatching(/NCSC/) })
  })

  it('an item sent back to review by an edit of its substance holds its scheduled variants, with the reason', async () => {
    const item = await itemIn('approved')
    const variant = await xVariant(item, 'Programmée puis contenu modifié', { scheduledAt: new Date(Date.now() + 60 * 60_000) })
    const edited = await security.rest('consultant', 'PATCH', `/api/content-items/${item}`, { title: 'Titre réécrit' })
    expect(edited.status).toBe(200)
    expect(await stateOf(item)).toBe('in_review')
    expect(await variantOf(variant)).toMatchObject({ publicationState: 'held', lastError: expect.stringMatching(/« En revue »/) })
    await sql(`UPDATE platform_variants SET scheduled_at = now() - interval '1 second' WHERE id = $1`, [variant])
    await tick()
    expect(postsOnX('Programmée puis contenu modifié')).toBe(0)
  })

  it.each([
    ['archived', '« Archivé »'],
    ['in_review', '« En revue »'],
  ] as const)('an item moved from approved to %s holds its scheduled variants in the same transaction', async (to, words) => {
    const item = await itemIn('approved')
    const variant = await xVariant(item, `Programmée puis ${to}`, { scheduledAt: new Date(Date.now() + 60 * 60_000) })
    if (to === 'archived') {
      expect((await security.rest('ncsc', 'POST', `/api/content-items/${item}/transition`, { to })).status).toBe(200)
    } else {
      await transitionContentItem(payload, { id: item, to, system: 'workflow' })
    }
    expect(await variantOf(variant)).toMatchObject({ publicationState: 'held', lastError: expect.stringContaining(words) })
  })

  it('the claim never takes a scheduled variant of an item that is not approved', async () => {
    const item = await itemIn('in_review')
    const [row] = await sql(
      `INSERT INTO platform_variants (label, content_item_id, platform, language, text, publication_state, scheduled_at, network_account_id, attempts)
       VALUES ('x · FR', $1, 'x', 'fr', 'Glissée en base sans approbation', 'scheduled', now() - interval '1 second', $2, 0) RETURNING id`,
      [item, networkAccounts.x],
    )
    await tick()
    expect(postsOnX('Glissée en base sans approbation')).toBe(0)
    expect(await variantOf(Number(row.id))).toMatchObject({ publicationState: 'held', lastError: expect.stringMatching(/approuvé/) })
  })

  it('refuses the ready-to-post kit and "mark as posted" for a variant that is not cleared (409)', async () => {
    const item = await itemIn('in_review')
    const variant = await xVariant(item, 'Kit sans approbation')
    await payload.update({ collection: 'platform-variants', id: variant, overrideAccess: true, data: { publicationState: 'ready' } })
    expect((await security.rest('cm', 'GET', `/api/platform-variants/${variant}/kit`)).status).toBe(409)
    const marked = await security.rest('cm', 'POST', `/api/platform-variants/${variant}/mark-posted`, { permalink: 'https://x.com/badil/status/1' })
    expect(marked.status).toBe(409)
    expect((await variantOf(variant)).publicationState).toBe('ready')
  })
})
