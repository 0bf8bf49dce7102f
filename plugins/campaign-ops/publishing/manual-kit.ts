import path from 'node:path'
import { Readable } from 'node:stream'

import { ZipArchive } from 'archiver'
import type { Payload } from 'payload'

import type { PlatformVariant } from '../../../payload-types'
import { sqlPool } from '../../../src/infra/database'
import { fileStoresOf } from '../../../src/infra/file-store'
import { feedRendition } from '../../../src/domain/platform-renditions'
import { formatInCasablanca } from '../../../src/domain/casablanca-time'
import { linkPlacementFor, platformLimits } from '../../../src/domain/platform-limits'
import type { LinkPlacement, Platform } from '../../../src/domain/platform-limits'
import { networkOfPlatform } from '../networks/registry'
import type { NetworkPlatform, PublishMedia } from '../networks/types'
import { resolveAccountId } from './claim'
import { buildPublishRequest, MissingMediaFileError } from './publish-request'
import type { PublishableVariant } from './publish-request'
import type { AdminLanguage, Localized, TranslationVars } from '../../../src/i18n/catalogue'
import { pluginText } from '../translations'
import type { PluginStringKey } from '../translations'

/**
 * The ready-to-post kit of a variant: everything a person needs to publish it by hand on an
 * account Badil does not reach through an API (or as a backup when the API is down). Its text
 * and media come from `buildPublishRequest`, so the kit holds exactly what an API publish would
 * post.
 */

export type KitVariant = PublishableVariant & Pick<PlatformVariant, 'publicationState' | 'permalink' | 'networkAccount'>

export type KitMediaEntry = {
  /** Path inside the zip. */
  file: string
  mediaId: number | string
  kind: PublishMedia['kind']
  mimeType: string
  /** The network rendition used (images), null for originals (videos, PDFs). */
  rendition: string | null
  width: number | null
  height: number | null
  sizeBytes: number
  /** Alt text in the post's language (Darija posts use the Arabic alt text). */
  alt: string | null
}

/** `kit.json`: the machine-readable side of the kit. */
export type ManualKitManifest = {
  format: 'badil-manual-kit'
  version: 1
  variantId: number
  contentItemId: number | null
  platform: string
  network: string
  language: string
  scheduledAt: string | null
  account: { id: number; name: string; connection: string } | null
  title: string | null
  text: string
  link: string | null
  linkPlacement: LinkPlacement | null
  firstComment: string | null
  media: KitMediaEntry[]
  idempotencyKey: string
  generatedAt: string
}

export type ManualKit = {
  filename: string
  manifest: ManualKitManifest
  /** The zip, produced while it is read: media files are streamed from disk, never held in memory. */
  stream: ReadableStream<Uint8Array>
}

/** The admin's button the checklist points to; the publishing UI uses the same words. */
export const markPostedLabel: Localized = pluginText('manualKit:markPostedButton')

/** The post languages the checklist names in words; another code is shown as it is. */
const namedPostLanguages = ['fr', 'ar', 'ary'] as const
const isNamedPostLanguage = (code: string): code is (typeof namedPostLanguages)[number] => (namedPostLanguages as readonly string[]).includes(code)

const arabicScriptLanguages = new Set(['ar', 'ary'])

/** A file-name-safe slug; accents are dropped, other scripts give way to a generic name. */
function slugOf(name: string, fallback: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')
  return slug || fallback
}

const extensionOfMime: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'video/mp4': 'mp4',
  'video/quicktime': 'mov',
  'application/pdf': 'pdf',
}

function extensionOf(filename: string, mimeType: string): string {
  const fromName = path.extname(filename).slice(1).toLowerCase()
  return fromName || extensionOfMime[mimeType] || 'bin'
}

/** Markdown quote of a text to paste, line by line (alt texts may hold line breaks). */
function quoted(text: string, indent: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => `${indent}> ${line}`)
    .join('\n')
}

type KitAccount = { id: number; name: string; connection: string } | null

async function accountOf(payload: Payload, variantId: number): Promise<{ account: KitAccount; candidates: number }> {
  const { accountId, candidates } = await resolveAccountId(sqlPool(payload), variantId)
  if (accountId === null) return { account: null, candidates }
  const doc = await payload.findByID({ collection: 'network-accounts', id: accountId, depth: 0, overrideAccess: true }).catch(() => null)
  if (!doc) return { account: null, candidates: 0 }
  return { account: { id: Number(doc.id), name: String(doc.name), connection: String(doc.connection ?? 'api') }, candidates }
}

function renderChecklist(input: {
  language: AdminLanguage
  variant: KitVariant
  manifest: ManualKitManifest
  candidates: number
  hasPostText: boolean
}): string {
  const { language: lang, variant, manifest } = input
  const w = (key: PluginStringKey, vars?: TranslationVars) => pluginText(key, vars)[lang]
  const platform = variant.platform as Platform
  const networkLabel = platformLimits[platform]?.labels[lang] ?? variant.platform
  const networkName = platformLimits[platform]?.labels.en ?? variant.platform
  const postLanguage = isNamedPostLanguage(variant.language) ? w(`manualKit:languageNames:${variant.language}`) : variant.language
  const lines: string[] = []

  lines.push(`# ${w('manualKit:title', { network: networkLabel, language: postLanguage, id: variant.id })}`, '')
  const account = manifest.account
  const accountText = account
    ? `${account.name} (${w(account.connection === 'manual' ? 'manualKit:manualAccount' : 'manualKit:apiAccount')})`
    : w(input.candidates === 0 ? 'manualKit:noAccount' : 'manualKit:severalAccounts', { network: networkName })
  const when = manifest.scheduledAt
    ? `${formatInCasablanca(manifest.scheduledAt, lang)}${w('manualKit:comma')} ${w('manualKit:casablancaTime')}`
    : w('manualKit:notScheduled')
  const colon = w('manualKit:colon')
  lines.push(`- **${w('manualKit:network')}**${colon} ${networkLabel}`)
  lines.push(`- **${w('manualKit:account')}**${colon} ${accountText}`)
  lines.push(`- **${w('manualKit:when')}**${colon} ${when}`)
  lines.push(`- **${w('manualKit:postLanguage')}**${colon} ${postLanguage}`)
  lines.push('')

  const state = variant.publicationState ?? 'draft'
  const permalink = variant.permalink ?? ''
  const alreadyPublished = permalink ? w('manualKit:alreadyPublishedAt', { permalink }) : w('manualKit:alreadyPublished')
  if (state === 'published') lines.push(`> ⚠️ ${alreadyPublished}`, '')
  else if (state === 'publishing' || state === 'outcome_unknown') lines.push(`> ⚠️ ${w('manualKit:mayBeOnline')}`, '')
  else if (account?.connection === 'api') lines.push(`> ⚠️ ${w('manualKit:backupWarning')}`, '')

  const steps: string[] = []
  const accountPhrase = account ? w('manualKit:theAccount', { name: account.name }) : w('manualKit:theCampaignAccount')
  steps.push(w('manualKit:openAccount', { account: accountPhrase, network: networkLabel }))
  if (manifest.title) steps.push(w('manualKit:pasteTitle'))
  if (input.hasPostText) {
    steps.push(arabicScriptLanguages.has(variant.language) ? `${w('manualKit:pasteText')} ${w('manualKit:rtlNote')}` : w('manualKit:pasteText'))
  } else {
    steps.push(w('manualKit:noText'))
  }
  if (manifest.media.length > 0) {
    const mediaLines = [w('manualKit:addMedia')]
    manifest.media.forEach((media, index) => {
      const size = media.width && media.height ? ` ${media.width}×${media.height}` : ''
      mediaLines.push(`   ${index + 1}. \`${media.file}\` — ${w(`manualKit:kindNames:${media.kind}`)}${size}`)
      if (media.kind !== 'image') return
      if (media.alt) mediaLines.push(`      ${w('manualKit:altToPaste')}`, '', quoted(media.alt, '      '), '')
      else mediaLines.push(`      ⚠️ ${w('manualKit:altMissing')}`)
    })
    steps.push(mediaLines.join('\n'))
  } else {
    steps.push(w('manualKit:noMedia'))
  }
  const link = (variant.link ?? '').trim()
  steps.push(link && manifest.linkPlacement ? w(`manualKit:link:${manifest.linkPlacement}`, { link }) : w('manualKit:noLink'))
  steps.push(w('manualKit:publish'))
  if (manifest.firstComment) steps.push(w('manualKit:firstComment'))
  steps.push(w('manualKit:markPosted', { button: markPostedLabel[lang], id: variant.id }))

  lines.push(`## ${w('manualKit:steps')}`, '')
  steps.forEach((step, index) => lines.push(`${index + 1}. ${step}`))
  lines.push('', '---', '', w('manualKit:footer', { reference: manifest.idempotencyKey, generatedAt: formatInCasablanca(manifest.generatedAt, lang) }), '')
  return lines.join('\n')
}

/** Node stream → web stream with backpressure: the zip is produced only as fast as it is sent. */
function toWebStream(archive: ZipArchive): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      archive.on('data', (chunk: Buffer) => {
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength))
        if ((controller.desiredSize ?? 1) <= 0) archive.pause()
      })
      archive.on('end', () => controller.close())
      archive.on('error', (error) => controller.error(error))
    },
    pull() {
      archive.resume()
    },
    cancel() {
      archive.abort()
    },
  })
}

/**
 * Builds the kit of a variant: `post.txt`, `title.txt` (YouTube), `first-comment.txt`,
 * `media/NN-<name>.<ext>` (the network's rendition of each image, the original of videos and
 * PDFs), `checklist.md` in the admin's language and `kit.json`.
 */
export async function buildManualKit(
  payload: Payload,
  variant: KitVariant,
  options: { language: AdminLanguage; publicMediaBaseUrl?: string; now?: Date },
): Promise<ManualKit> {
  const generatedAt = options.now ?? new Date()
  const platform = variant.platform as Platform
  const request = await buildPublishRequest(payload, variant, { publicMediaBaseUrl: options.publicMediaBaseUrl })
  const { account, candidates } = await accountOf(payload, variant.id)
  const store = fileStoresOf(payload).media
  const mediaIds = (variant.media ?? []).map((entry) => (typeof entry === 'object' ? entry.id : entry))

  const files: { entry: KitMediaEntry; storedName: string }[] = []
  for (const [index, media] of request.media.entries()) {
    const mediaId = mediaIds[index]!
    const doc = await payload.findByID({ collection: 'media', id: mediaId, depth: 0, overrideAccess: true }).catch(() => null)
    const originalName = path.parse(String(doc?.filename ?? '')).name
    const renditionName = feedRendition[platform].name
    const renditions = (doc?.renditions ?? {}) as Record<string, { filename?: string } | undefined>
    const rendition = media.kind === 'image' && renditions[renditionName]?.filename === media.filename ? renditionName : null
    const baseName = `${slugOf(originalName, media.kind)}${rendition ? `-${rendition}` : ''}`
    const storedName = path.basename(media.filename)
    // Checked before anything is sent: a missing file would otherwise cut the zip in the middle.
    // A storage that does not answer is an error of its own, not a missing file.
    if (!media.filename || (await store.size(storedName)) === null) {
      throw new MissingMediaFileError(mediaId)
    }
    files.push({
      storedName,
      entry: {
        file: `media/${String(index + 1).padStart(2, '0')}-${baseName}.${extensionOf(media.filename, media.mimeType)}`,
        mediaId,
        kind: media.kind,
        mimeType: media.mimeType,
        rendition,
        width: media.width ?? null,
        height: media.height ?? null,
        sizeBytes: media.sizeBytes,
        alt: media.altText?.trim() || null,
      },
    })
  }

  const link = (variant.link ?? '').trim()
  const contentItemId = typeof variant.contentItem === 'object' ? variant.contentItem.id : variant.contentItem
  const manifest: ManualKitManifest = {
    format: 'badil-manual-kit',
    version: 1,
    variantId: variant.id,
    contentItemId: contentItemId ?? null,
    platform: variant.platform,
    network: networkOfPlatform[platform as NetworkPlatform] ?? variant.platform,
    language: variant.language,
    scheduledAt: variant.scheduledAt ?? null,
    account,
    title: request.title?.trim() || null,
    text: request.text,
    link: link || null,
    linkPlacement: link ? linkPlacementFor(platformLimits[platform].link, request.media.length > 0) : null,
    firstComment: request.firstComment ?? null,
    media: files.map((file) => file.entry),
    idempotencyKey: request.idempotencyKey,
    generatedAt: generatedAt.toISOString(),
  }
  const hasPostText = request.text !== ''
  const checklist = renderChecklist({ language: options.language, variant, manifest, candidates, hasPostText })

  const archive = new ZipArchive({ zlib: { level: 6 } })
  const date = generatedAt
  if (hasPostText) archive.append(request.text, { name: 'post.txt', date })
  if (manifest.title) archive.append(manifest.title, { name: 'title.txt', date })
  if (manifest.firstComment) archive.append(manifest.firstComment, { name: 'first-comment.txt', date })
  for (const file of files) {
    // Opened only when the zip reaches it, so a large kit holds one file open at a time.
    const contents = Readable.from(
      (async function* () {
        const opened = await store.open(file.storedName)
        if (!opened) throw new MissingMediaFileError(file.entry.mediaId)
        yield* opened.stream
      })(),
    )
    // Images and videos are already compressed: stored as they are, the zip costs no CPU.
    archive.append(contents, { name: file.entry.file, date, store: true })
  }
  archive.append(checklist, { name: 'checklist.md', date })
  archive.append(`${JSON.stringify(manifest, null, 2)}\n`, { name: 'kit.json', date })
  const stream = toWebStream(archive)
  // Resolves once the reader has taken the whole zip; failures reach the reader as a stream error.
  archive.finalize().catch((error: unknown) => payload.logger.error({ err: error, msg: 'Building a manual kit failed', variant: variant.id }))

  return { filename: `badil-kit-${variant.id}-${variant.platform}-${variant.language}.zip`, manifest, stream }
}
