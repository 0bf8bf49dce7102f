import { ValidationError } from 'payload'
import type { CollectionBeforeChangeHook, CollectionConfig, Field, PayloadRequest } from 'payload'

import { computedByServer } from '../../../src/domain/access'
import { networkLabels, networkOfPlatform } from '../../../src/domain/networks'
import type { Network } from '../../../src/domain/networks'
import type { Platform } from '../../../src/domain/platform-limits'
import { requestLanguage } from '../../../src/i18n/request-language'
import { rscComponent } from '../admin-components'
import { manualKitEndpoint, markPostedEndpoint } from './manual-endpoints'
import type { PublishingRuntime } from './runtime'
import { variantActionEndpoints } from './variant-actions'
import type { AdminLanguage } from '../../../src/i18n/catalogue'
import { pluginText } from '../translations'

type Id = number | string
const idOf = (value: Id | { id: Id }) => (typeof value === 'object' ? value.id : value)

const accountWords = {
  accountNotFound: pluginText('variantAccount:notFound'),
  accountOfOtherNetwork: (accountNetwork: string, variantNetwork: string) => pluginText('variantAccount:otherNetwork', { accountNetwork, variantNetwork }),
}

/** The account must be one of the variant's network: a token is never sent to another network. */
async function checkAccountNetwork(req: PayloadRequest, collection: string, merged: Record<string, unknown>, lang: AdminLanguage): Promise<void> {
  const accountId = merged.networkAccount ? idOf(merged.networkAccount as Id | { id: Id }) : undefined
  if (accountId === undefined || !merged.platform) return
  const account = await req.payload.findByID({ collection: 'network-accounts', id: accountId, depth: 0, overrideAccess: true, req }).catch(() => null)
  const variantNetwork = networkOfPlatform[merged.platform as Platform]
  const message = !account
    ? accountWords.accountNotFound[lang]
    : account.network !== variantNetwork
      ? accountWords.accountOfOtherNetwork(networkLabels[account.network as Network] ?? account.network, networkLabels[variantNetwork])[lang]
      : null
  if (message) throw new ValidationError({ collection, errors: [{ path: 'networkAccount', message }] }, req.t)
}

/** The sidebar panel: publish now, reschedule, the ready-to-post kit, the account and the last attempts. */
const publishingPanelField: Field = {
  name: 'publishingPanel',
  type: 'ui',
  label: { fr: 'Publication', ar: 'النشر', en: 'Publishing' },
  admin: {
    position: 'sidebar',
    components: { Field: rscComponent('VariantPublishingPanel') },
  },
}

/** What the engine records on a variant: its account, the post on the network, attempts and the claim. */
const publishingRecordFields: Field[] = [
  {
    name: 'networkAccount',
    type: 'relationship',
    relationTo: 'network-accounts',
    label: { fr: 'Compte', ar: 'الحساب', en: 'Account' },
    admin: {
      position: 'sidebar',
      description: {
        fr: 'Vide : le seul compte connecté de ce réseau.',
        ar: 'فارغ: الحساب الوحيد المربوط بهذه المنصة.',
        en: 'Empty: the one connected account of this network.',
      },
    },
  },
  {
    name: 'remoteId',
    type: 'text',
    access: computedByServer,
    label: { fr: 'Identifiant distant', ar: 'المعرّف على المنصة', en: 'Remote id' },
    admin: { readOnly: true, position: 'sidebar' },
  },
  {
    name: 'permalink',
    type: 'text',
    access: computedByServer,
    label: { fr: 'Lien publié', ar: 'رابط المنشور', en: 'Permalink' },
    admin: { readOnly: true, position: 'sidebar' },
  },
  {
    name: 'attempts',
    type: 'number',
    defaultValue: 0,
    access: computedByServer,
    label: { fr: 'Tentatives', ar: 'المحاولات', en: 'Attempts' },
    admin: { readOnly: true, position: 'sidebar' },
  },
  {
    name: 'lastError',
    type: 'textarea',
    access: computedByServer,
    label: { fr: 'Dernière erreur', ar: 'آخر خطأ', en: 'Last error' },
    admin: { readOnly: true, position: 'sidebar' },
  },
  {
    name: 'publishedAt',
    type: 'date',
    index: true,
    access: computedByServer,
    label: { fr: 'Publiée le', ar: 'نُشرت في', en: 'Published at' },
    admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
  },
  {
    name: 'nextAttemptAt',
    type: 'date',
    access: computedByServer,
    index: true,
    label: { fr: 'Prochain essai', ar: 'المحاولة التالية', en: 'Next attempt' },
    admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
  },
  // The scheduler's claim: who holds the variant and until when (see claim.ts).
  { name: 'leaseUntil', type: 'date', index: true, access: computedByServer, admin: { hidden: true } },
  { name: 'claimToken', type: 'text', access: computedByServer, admin: { hidden: true } },
  {
    name: 'attemptHistory',
    type: 'join',
    collection: 'publication-attempts',
    on: 'variant',
    defaultSort: '-startedAt',
    defaultLimit: 20,
    label: { fr: 'Historique des tentatives', ar: 'سجل المحاولات', en: 'Attempt history' },
    // Written by the publishing engine only: no "add new" in the list.
    admin: { allowCreate: false, defaultColumns: ['attemptNumber', 'kind', 'outcome', 'reason', 'permalink', 'startedAt', 'durationMs'] },
  },
]

/** A fresh schedule starts a fresh retry budget. */
const resetRetryBudget: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const next = data.publicationState
  if (next === 'scheduled' && originalDoc?.publicationState !== 'scheduled') {
    // A fresh schedule starts a fresh retry budget.
    data.nextAttemptAt = null
    data.attempts = 0
  } else if (next === 'scheduled' && data.scheduledAt !== undefined && data.scheduledAt !== originalDoc?.scheduledAt) {
    data.attempts = 0
  }
  return data
}

/**
 * The account must be of the variant's network (a token is never sent to another network); a
 * variant entering the schedule without one gets its network's only account.
 */
const checkAndPickAccount: CollectionBeforeChangeHook = async ({ collection, data, originalDoc, req }) => {
  const merged = { ...(originalDoc ?? {}), ...data }
  await checkAccountNetwork(req, collection.slug, merged, requestLanguage(req))
  const enteringSchedule = data.publicationState === 'scheduled' && originalDoc?.publicationState !== 'scheduled'
  if (!enteringSchedule || merged.networkAccount) return data
  // The network's only account is the obvious choice; with several, the CM picks one.
  const network = networkOfPlatform[merged.platform as Platform]
  const { docs } = await req.payload.find({
    collection: 'network-accounts',
    where: { network: { equals: network } },
    limit: 2,
    depth: 0,
    overrideAccess: true,
    req,
  })
  if (docs.length === 1) data.networkAccount = docs[0]!.id
  return data
}

/**
 * Adds the publishing engine to the app's variants collection: the panel first in the sidebar and
 * the engine's record after the app's fields (always, so the schema does not depend on the
 * plugin's switch); with the engine on, the account checks and the publishing endpoints.
 */
export function withVariantPublishing(runtime: PublishingRuntime | undefined) {
  return (collection: CollectionConfig): CollectionConfig => {
    const firstSidebarField = collection.fields.findIndex((field) => 'admin' in field && field.admin?.position === 'sidebar')
    const at = firstSidebarField < 0 ? collection.fields.length : firstSidebarField
    const fields = [...collection.fields.slice(0, at), publishingPanelField, ...collection.fields.slice(at), ...publishingRecordFields]
    if (!runtime) return { ...collection, fields }
    return {
      ...collection,
      fields,
      hooks: {
        ...collection.hooks,
        beforeChange: [resetRetryBudget, ...(collection.hooks?.beforeChange ?? []), checkAndPickAccount],
      },
      endpoints: [...(collection.endpoints || []), manualKitEndpoint, markPostedEndpoint, ...variantActionEndpoints(runtime)],
    }
  }
}
