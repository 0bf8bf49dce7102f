import type { CollectionConfig, Config, Field } from 'payload'

import { ContentItems } from '../../collections/ContentItems'
import { PlatformVariants } from '../../collections/PlatformVariants'
import { campaignOps } from '../../plugins/campaign-ops'

const appConfig = (): Config => ({ secret: 'plugin-options-test-secret', collections: [ContentItems, PlatformVariants] }) as unknown as Config

const fieldNames = (fields: Field[]): string[] =>
  fields.flatMap((field) => ('name' in field ? [field.name] : 'fields' in field ? fieldNames(field.fields) : []))
const collection = (config: Config, slug: string) => config.collections?.find((entry) => entry.slug === slug) as CollectionConfig

describe('campaignOps options', () => {
  it('adds its collections and the engine’s fields on variants whether on or off, so the schema does not depend on the switch', () => {
    const on = campaignOps()(appConfig())
    const off = campaignOps({ enabled: false })(appConfig())
    expect(off.collections?.map((entry) => entry.slug)).toEqual(on.collections?.map((entry) => entry.slug))
    expect(on.collections?.map((entry) => entry.slug)).toEqual(
      expect.arrayContaining(['myths', 'moderation-rules', 'moderation-log', 'network-accounts', 'publication-attempts', 'webhook-subscriptions']),
    )
    const variantFields = fieldNames(collection(on, 'platform-variants').fields)
    expect(fieldNames(collection(off, 'platform-variants').fields)).toEqual(variantFields)
    // The panel first in the sidebar, the engine's record after the app's fields.
    expect(variantFields.indexOf('publishingPanel')).toBe(variantFields.indexOf('scheduledAt') - 1)
    expect(variantFields.slice(-3)).toEqual(['leaseUntil', 'claimToken', 'attemptHistory'])
  })

  it('adds its endpoints only when on, its strings always', () => {
    const paths = (config: Config, slug: string) => (collection(config, slug).endpoints || []).map((endpoint) => endpoint.path)
    const on = campaignOps()(appConfig())
    const off = campaignOps({ enabled: false })(appConfig())
    expect(paths(on, 'platform-variants')).toEqual(expect.arrayContaining(['/:id/kit', '/:id/mark-posted', '/:id/publish-now']))
    expect(paths(off, 'platform-variants')).not.toContain('/:id/kit')
    expect(paths(on, 'network-accounts')).toEqual(expect.arrayContaining(['/oauth/:network/connect', '/oauth/:network/callback', '/:id/refresh']))
    expect(paths(off, 'network-accounts')).toEqual([])
    expect(on.endpoints?.map((endpoint) => endpoint.path)).toEqual(expect.arrayContaining(['/moderation/check', '/publishing/queue']))
    expect(off.endpoints ?? []).toEqual([])
    for (const config of [on, off]) expect((config.i18n?.translations as Record<string, Record<string, unknown>>).ar!.campaignOps).toBeDefined()
  })

  it('extends the variants collection named in its options, and says so when it is missing', () => {
    const renamed: Config = { ...appConfig(), collections: [ContentItems, { ...PlatformVariants, slug: 'post-variants' }] }
    const extended = campaignOps({ collections: { variants: 'post-variants' } })(renamed)
    expect(fieldNames(collection(extended, 'post-variants').fields)).toContain('networkAccount')
    expect(() => campaignOps()(renamed)).toThrow('the collection "platform-variants" named in the plugin\'s options is not in the config')
  })
})
