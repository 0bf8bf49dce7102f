import fs from 'node:fs'
import path from 'node:path'

import { ZipArchive } from 'archiver'
import type { Payload } from 'payload'

import type { PlatformVariant } from '../../../payload-types'
import { sqlPool } from '../../../src/infra/database'
import { feedRendition } from '../../../src/domain/platform-renditions'
import { formatInCasablanca } from '../../../src/domain/casablanca-time'
import { linkPlacementFor, platformLimits } from '../../../src/domain/platform-limits'
import type { LinkPlacement, Platform } from '../../../src/domain/platform-limits'
import { networkOfPlatform } from '../networks/registry'
import type { NetworkPlatform, PublishMedia } from '../networks/types'
import { resolveAccountId } from './claim'
import { buildPublishRequest } from './publish-request'
import type { PublishableVariant } from './publish-request'
import type { AdminLanguage, Localized } from '../../../src/i18n/catalogue'

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

/** A media file of the variant is missing from the media folder: no kit rather than an incomplete one. */
export class MissingMediaFileError extends Error {
  constructor(readonly mediaId: number | string) {
    super(`The file of media ${mediaId} is missing on the server`)
  }
}

/** The admin's button the checklist points to; the publishing UI uses the same words. */
export const markPostedLabel: Localized = { fr: 'Marquer comme publiée', ar: 'تعليم كمنشورة', en: 'Mark as posted' }

const languageNames: Record<string, Localized> = {
  fr: { fr: 'français', ar: 'الفرنسية', en: 'French' },
  ar: { fr: 'arabe', ar: 'العربية', en: 'Arabic' },
  ary: { fr: 'darija', ar: 'الدارجة', en: 'Darija' },
}

const kindNames: Record<PublishMedia['kind'], Localized> = {
  image: { fr: 'image', ar: 'صورة', en: 'image' },
  video: { fr: 'vidéo (fichier original)', ar: 'فيديو (الملف الأصلي)', en: 'video (original file)' },
  pdf: { fr: 'document PDF (fichier original)', ar: 'وثيقة PDF (الملف الأصلي)', en: 'PDF document (original file)' },
}

const checklistWords = {
  title: (network: string, language: string, id: number): Localized => ({
    fr: `Kit de publication — ${network} (${language}) · variante n° ${id}`,
    ar: `حزمة النشر — ${network} (${language}) · الصيغة رقم ${id}`,
    en: `Ready-to-post kit — ${network} (${language}) · variant #${id}`,
  }),
  network: { fr: 'Réseau', ar: 'المنصة', en: 'Network' },
  account: { fr: 'Compte', ar: 'الحساب', en: 'Account' },
  when: { fr: 'Quand', ar: 'متى', en: 'When' },
  language: { fr: 'Langue du post', ar: 'لغة المنشور', en: 'Post language' },
  casablancaTime: { fr: 'heure de Casablanca', ar: 'بتوقيت الدار البيضاء', en: 'Casablanca time' },
  notScheduled: {
    fr: 'pas d’heure prévue : publiez au moment convenu avec l’équipe',
    ar: 'لا موعد محدد: انشر في الوقت المتفق عليه مع الفريق',
    en: 'no time set: post when agreed with the team',
  },
  manualAccount: { fr: 'publication manuelle', ar: 'نشر يدوي', en: 'published by hand' },
  apiAccount: { fr: 'publié d’habitude par l’API', ar: 'يُنشر عادة عبر الواجهة البرمجية', en: 'usually published through the API' },
  noAccount: (candidates: number, network: string): Localized =>
    candidates === 0
      ? {
          fr: `aucun compte ${network} n’est enregistré dans Badil : utilisez le compte officiel de la campagne`,
          ar: `لا يوجد حساب ${network} مسجل في بديل: استعمل الحساب الرسمي للحملة`,
          en: `no ${network} account is registered in Badil: use the campaign’s official account`,
        }
      : {
          fr: `plusieurs comptes ${network} existent et aucun n’est choisi pour cette variante : demandez lequel à l’équipe`,
          ar: `توجد عدة حسابات ${network} ولم يُختر أي منها لهذه الصيغة: اسأل الفريق عن الحساب المقصود`,
          en: `several ${network} accounts exist and none is chosen for this variant: ask the team which one`,
        },
  backupWarning: {
    fr: 'Ce compte publie d’habitude par l’API : ce kit est une solution de secours. Vérifiez sur le réseau que le post n’y est pas déjà avant de publier.',
    ar: 'هذا الحساب يُنشر عادة عبر الواجهة البرمجية: هذه الحزمة حل احتياطي. تحقق على المنصة من أن المنشور غير موجود قبل النشر.',
    en: 'This account is usually published through the API: this kit is a backup. Check on the network that the post is not already there before posting.',
  },
  mayBeOnline: {
    fr: 'Attention : une publication automatique est en cours ou a peut-être déjà eu lieu. Vérifiez sur le réseau avant de publier, pour ne pas poster deux fois.',
    ar: 'تنبيه: نشر آلي جارٍ أو ربما تم بالفعل. تحقق على المنصة قبل النشر حتى لا يُنشر المحتوى مرتين.',
    en: 'Careful: an automatic publication is running or may already have happened. Check on the network before posting, so it is not posted twice.',
  },
  alreadyPublished: (permalink: string): Localized => ({
    fr: `Cette variante est déjà publiée${permalink ? ` (${permalink})` : ''} : ne la publiez pas une seconde fois.`,
    ar: `هذه الصيغة منشورة بالفعل${permalink ? ` (${permalink})` : ''}: لا تنشرها مرة ثانية.`,
    en: `This variant is already published${permalink ? ` (${permalink})` : ''}: do not post it a second time.`,
  }),
  steps: { fr: 'Étapes', ar: 'الخطوات', en: 'Steps' },
  openAccount: (account: string, network: string): Localized => ({
    fr: `Ouvrez ${account} sur ${network}, dans l’application ou le site officiel.`,
    ar: `افتح ${account} على ${network}، في التطبيق أو الموقع الرسمي.`,
    en: `Open ${account} on ${network}, in the official app or website.`,
  }),
  theAccount: (name: string): Localized => ({ fr: `le compte « ${name} »`, ar: `الحساب «${name}»`, en: `the account "${name}"` }),
  theCampaignAccount: { fr: 'le compte de la campagne', ar: 'حساب الحملة', en: 'the campaign’s account' },
  pasteTitle: {
    fr: 'Collez le titre de `title.txt` dans le champ Titre.',
    ar: 'الصق العنوان الموجود في `title.txt` في خانة العنوان.',
    en: 'Paste the title from `title.txt` into the Title field.',
  },
  pasteText: {
    fr: 'Copiez tout le texte de `post.txt` et collez-le tel quel (ne le retapez pas, ne le raccourcissez pas : hashtags et mise en page compris).',
    ar: 'انسخ كل نص `post.txt` والصقه كما هو (لا تُعد كتابته ولا تختصره: مع الوسوم والتنسيق).',
    en: 'Copy all of `post.txt` and paste it as is (do not retype or shorten it: hashtags and layout included).',
  },
  rtlNote: {
    fr: 'Le texte est en écriture arabe : collez-le sans le retoucher, le réseau l’affiche de droite à gauche.',
    ar: 'النص مكتوب بالحروف العربية: الصقه دون تعديل، وستعرضه المنصة من اليمين إلى اليسار.',
    en: 'The text is in Arabic script: paste it untouched, the network shows it right to left.',
  },
  noText: {
    fr: 'Ce post n’a pas de texte.',
    ar: 'هذا المنشور بلا نص.',
    en: 'This post has no text.',
  },
  addMedia: {
    fr: 'Ajoutez les médias dans cet ordre :',
    ar: 'أضف الوسائط بهذا الترتيب:',
    en: 'Add the media in this order:',
  },
  altToPaste: {
    fr: 'Texte alternatif à coller (champ « Texte alternatif » / accessibilité) :',
    ar: 'النص البديل للصق (خانة «النص البديل» / إمكانية الوصول):',
    en: 'Alt text to paste (the "Alt text" / accessibility field):',
  },
  altMissing: {
    fr: 'Pas de texte alternatif dans Badil pour cette image : demandez-le avant de publier.',
    ar: 'لا يوجد نص بديل لهذه الصورة في بديل: اطلبه قبل النشر.',
    en: 'No alt text in Badil for this image: ask for one before posting.',
  },
  noMedia: { fr: 'Ce post n’a pas de média.', ar: 'هذا المنشور بلا وسائط.', en: 'This post has no media.' },
  link: {
    text: (link: string): Localized => ({
      fr: `Lien : il est déjà à la fin du texte (${link}) ; vérifiez qu’il reste cliquable.`,
      ar: `الرابط: موجود بالفعل في آخر النص (${link})؛ تأكد من أنه قابل للنقر.`,
      en: `Link: it is already at the end of the text (${link}); check that it stays clickable.`,
    }),
    link_field: (link: string): Localized => ({
      fr: `Lien : il n’est pas dans le texte. Ajoutez-le comme aperçu de lien : collez ${link} dans la zone de texte, attendez l’aperçu, puis effacez l’adresse du texte (l’aperçu reste).`,
      ar: `الرابط: ليس في النص. أضفه كمعاينة رابط: الصق ${link} في خانة النص، انتظر ظهور المعاينة، ثم احذف العنوان من النص (تبقى المعاينة).`,
      en: `Link: it is not in the text. Add it as a link preview: paste ${link} into the text box, wait for the preview, then delete the address from the text (the preview stays).`,
    }),
    not_clickable: (link: string): Localized => ({
      fr: `Lien : ce réseau ne rend pas les liens cliquables dans le texte, il n’y est donc pas. Si l’équipe le demande, mettez ${link} dans le lien de la bio du compte.`,
      ar: `الرابط: هذه المنصة لا تجعل الروابط في النص قابلة للنقر، لذلك لم يُضف إليه. إن طلب الفريق ذلك، ضع ${link} في رابط السيرة التعريفية للحساب.`,
      en: `Link: this network does not make links in the text clickable, so it is not there. If the team asks, put ${link} in the account’s bio link.`,
    }),
    not_supported: (link: string): Localized => ({
      fr: `Lien : ce format ne porte pas de lien ; n’ajoutez ${link} que sur consigne de l’équipe.`,
      ar: `الرابط: هذا الشكل لا يحمل رابطا؛ لا تضف ${link} إلا بطلب من الفريق.`,
      en: `Link: this format carries no link; add ${link} only if the team asks.`,
    }),
  } satisfies Record<LinkPlacement, (link: string) => Localized>,
  noLink: { fr: 'Pas de lien pour ce post.', ar: 'لا رابط لهذا المنشور.', en: 'No link for this post.' },
  publish: { fr: 'Publiez.', ar: 'انشر.', en: 'Publish.' },
  firstComment: {
    fr: 'Juste après la publication, publiez en premier commentaire le texte de `first-comment.txt`, tel quel.',
    ar: 'مباشرة بعد النشر، انشر نص `first-comment.txt` كما هو كأول تعليق.',
    en: 'Right after posting, post the text of `first-comment.txt` as is, as the first comment.',
  },
  markPosted: (id: number): Localized => ({
    fr: `Après la publication, copiez le lien permanent du post (« Copier le lien ») et cliquez sur « ${markPostedLabel.fr} » dans Badil (variante n° ${id}), en collant ce lien.`,
    ar: `بعد النشر، انسخ الرابط الدائم للمنشور («نسخ الرابط») واضغط على «${markPostedLabel.ar}» في بديل (الصيغة رقم ${id})، مع لصق هذا الرابط.`,
    en: `After posting, copy the post’s permalink ("Copy link") and click "${markPostedLabel.en}" in Badil (variant #${id}), pasting that link.`,
  }),
  footer: (key: string, generatedAt: string): Localized => ({
    fr: `Référence : \`${key}\` · kit généré le ${generatedAt}. \`kit.json\` reprend ce kit pour les outils.`,
    ar: `المرجع: \`${key}\` · أُنشئت الحزمة في ${generatedAt}. يتضمن \`kit.json\` هذه الحزمة للأدوات.`,
    en: `Reference: \`${key}\` · kit generated ${generatedAt}. \`kit.json\` holds this kit for tools.`,
  }),
}

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
  const w = checklistWords
  const platform = variant.platform as Platform
  const networkLabel = platformLimits[platform]?.labels[lang] ?? variant.platform
  const networkName = platformLimits[platform]?.labels.en ?? variant.platform
  const postLanguage = languageNames[variant.language]?.[lang] ?? variant.language
  const lines: string[] = []

  lines.push(`# ${w.title(networkLabel, postLanguage, variant.id)[lang]}`, '')
  const account = manifest.account
  const accountText = account
    ? `${account.name} (${(account.connection === 'manual' ? w.manualAccount : w.apiAccount)[lang]})`
    : w.noAccount(input.candidates, networkName)[lang]
  const comma = lang === 'ar' ? '،' : ','
  const when = manifest.scheduledAt ? `${formatInCasablanca(manifest.scheduledAt, lang)}${comma} ${w.casablancaTime[lang]}` : w.notScheduled[lang]
  // French typography puts a space before the colon.
  const colon = lang === 'fr' ? ' :' : ':'
  lines.push(`- **${w.network[lang]}**${colon} ${networkLabel}`)
  lines.push(`- **${w.account[lang]}**${colon} ${accountText}`)
  lines.push(`- **${w.when[lang]}**${colon} ${when}`)
  lines.push(`- **${w.language[lang]}**${colon} ${postLanguage}`)
  lines.push('')

  const state = variant.publicationState ?? 'draft'
  if (state === 'published') lines.push(`> ⚠️ ${w.alreadyPublished(variant.permalink ?? '')[lang]}`, '')
  else if (state === 'publishing' || state === 'outcome_unknown') lines.push(`> ⚠️ ${w.mayBeOnline[lang]}`, '')
  else if (account?.connection === 'api') lines.push(`> ⚠️ ${w.backupWarning[lang]}`, '')

  const steps: string[] = []
  const accountPhrase = account ? w.theAccount(account.name)[lang] : w.theCampaignAccount[lang]
  steps.push(w.openAccount(accountPhrase, networkLabel)[lang])
  if (manifest.title) steps.push(w.pasteTitle[lang])
  if (input.hasPostText) {
    steps.push(arabicScriptLanguages.has(variant.language) ? `${w.pasteText[lang]} ${w.rtlNote[lang]}` : w.pasteText[lang])
  } else {
    steps.push(w.noText[lang])
  }
  if (manifest.media.length > 0) {
    const mediaLines = [w.addMedia[lang]]
    manifest.media.forEach((media, index) => {
      const size = media.width && media.height ? ` ${media.width}×${media.height}` : ''
      mediaLines.push(`   ${index + 1}. \`${media.file}\` — ${kindNames[media.kind][lang]}${size}`)
      if (media.kind !== 'image') return
      if (media.alt) mediaLines.push(`      ${w.altToPaste[lang]}`, '', quoted(media.alt, '      '), '')
      else mediaLines.push(`      ⚠️ ${w.altMissing[lang]}`)
    })
    steps.push(mediaLines.join('\n'))
  } else {
    steps.push(w.noMedia[lang])
  }
  const link = (variant.link ?? '').trim()
  steps.push(link && manifest.linkPlacement ? w.link[manifest.linkPlacement](link)[lang] : w.noLink[lang])
  steps.push(w.publish[lang])
  if (manifest.firstComment) steps.push(w.firstComment[lang])
  steps.push(w.markPosted(variant.id)[lang])

  lines.push(`## ${w.steps[lang]}`, '')
  steps.forEach((step, index) => lines.push(`${index + 1}. ${step}`))
  lines.push('', '---', '', w.footer(manifest.idempotencyKey, formatInCasablanca(manifest.generatedAt, lang))[lang], '')
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
  const staticDir = String(payload.collections.media?.config.upload?.staticDir ?? '')
  const mediaIds = (variant.media ?? []).map((entry) => (typeof entry === 'object' ? entry.id : entry))

  const files: { entry: KitMediaEntry; diskPath: string }[] = []
  for (const [index, media] of request.media.entries()) {
    const mediaId = mediaIds[index]!
    const doc = await payload.findByID({ collection: 'media', id: mediaId, depth: 0, overrideAccess: true }).catch(() => null)
    const originalName = path.parse(String(doc?.filename ?? '')).name
    const renditionName = feedRendition[platform].name
    const renditions = (doc?.renditions ?? {}) as Record<string, { filename?: string } | undefined>
    const rendition = media.kind === 'image' && renditions[renditionName]?.filename === media.filename ? renditionName : null
    const baseName = `${slugOf(originalName, media.kind)}${rendition ? `-${rendition}` : ''}`
    const diskPath = path.join(staticDir, path.basename(media.filename))
    // Checked before anything is sent: a missing file would otherwise cut the zip in the middle.
    if (
      !media.filename ||
      !(await fs.promises
        .stat(diskPath)
        .then((stat) => stat.isFile())
        .catch(() => false))
    ) {
      throw new MissingMediaFileError(mediaId)
    }
    files.push({
      diskPath,
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
    // Images and videos are already compressed: stored as they are, the zip costs no CPU.
    archive.append(fs.createReadStream(file.diskPath), { name: file.entry.file, date, store: true })
  }
  archive.append(checklist, { name: 'checklist.md', date })
  archive.append(`${JSON.stringify(manifest, null, 2)}\n`, { name: 'kit.json', date })
  const stream = toWebStream(archive)
  // Resolves once the reader has taken the whole zip; failures reach the reader as a stream error.
  archive.finalize().catch((error: unknown) => payload.logger.error({ err: error, msg: 'Building a manual kit failed', variant: variant.id }))

  return { filename: `badil-kit-${variant.id}-${variant.platform}-${variant.language}.zip`, manifest, stream }
}
