/**
 * Validation report of a platform variant against its surface's limits (platform-limits.ts).
 * Pure and deterministic: the admin recomputes it on every save and shows it live; errors
 * block "ready", warnings do not.
 *
 * What is measured is what will be posted: see `composePostText`, which the publisher must
 * use too so that the report and the post never disagree.
 */
import twitterText from 'twitter-text'

import {
  linkPlacementFor,
  platformLimits,
  type DimensionBound,
  type Language,
  type MediaKind,
  type MediaKindRules,
  type Platform,
  type PlatformLimits,
  type Severity,
  type SourcedBound,
  type SourcedLimit,
  type SourcedRange,
  type TextCounting,
  type TextRole,
} from './platform-limits'
import type { AdminLanguage, Localized } from '../i18n/catalogue'

// --- Public types ----------------------------------------------------------------------------

export type ConsentStatus = 'ok' | 'missing' | 'expired' | 'not_required'

export interface MediaFacts {
  id: string | number
  kind: MediaKind
  mimeType: string
  filesize: number
  width?: number | null
  height?: number | null
  durationSeconds?: number | null
  altText?: Partial<Record<Language, string | null>>
  consent: ConsentStatus
  filename?: string
}

export interface VariantToValidate {
  platform: Platform
  language: Language
  text?: string | null
  title?: string | null
  hashtags?: readonly string[]
  link?: string | null
  firstComment?: string | null
  media: readonly MediaFacts[]
}

export type IssueCode =
  | 'content.empty'
  | 'text.too_long'
  | 'text.invalid_characters'
  | 'text.forbidden_chars'
  | 'text.not_supported'
  | 'title.missing'
  | 'title.too_long'
  | 'title.forbidden_chars'
  | 'title.not_supported'
  | 'hashtags.too_many'
  | 'hashtags.invalid'
  | 'mentions.too_many'
  | 'link.invalid'
  | 'link.not_clickable'
  | 'link.not_supported'
  | 'first_comment.too_long'
  | 'first_comment.not_supported'
  | 'media.required'
  | 'media.count'
  | 'media.mixed'
  | 'media.type'
  | 'media.size'
  | 'media.dimensions'
  | 'media.dimensions_unknown'
  | 'media.aspect'
  | 'video.duration'
  | 'video.duration_unknown'
  | 'alt.missing'
  | 'consent.missing'
  | 'consent.expired'

export interface Issue {
  code: IssueCode
  /** Path of the variant field at fault: 'text', 'hashtags.2', 'media.0', 'title'… */
  field: string
  message: Localized
  limit?: number
  actual?: number
  source: string
}

export interface ValidationMeasures {
  textLength: number
  textLimit: number | null
  countingMethod: TextCounting
  hashtagCount: number
  mentionCount: number
  /**
   * UTF-16 index in the composed text where the feed cuts it behind "See more" (approximate
   * UI behaviour); absent when the whole text shows or the surface does not truncate.
   */
  truncationIndex?: number
  titleLength?: number
  titleLimit?: number
}

export interface ValidationReport {
  ok: boolean
  errors: Issue[]
  warnings: Issue[]
  measures: ValidationMeasures
}

// --- Text measurement ------------------------------------------------------------------------

interface ParsedXText {
  weightedLength: number
  valid: boolean
}

interface XWeightConfig {
  scale: number
  defaultWeight: number
  ranges: { start: number; end: number; weight: number }[]
}

interface TwitterTextApi {
  parseTweet: (text: string) => ParsedXText
  configs: { version3: XWeightConfig }
}

// twitter-text is CommonJS whose module.exports is the API object: a default import yields it
// under Node ESM, Jest and bundlers alike. Some interop layers wrap it once more in `default`.
function loadTwitterText(): TwitterTextApi {
  const loaded = twitterText as unknown as Partial<TwitterTextApi> & { default?: Partial<TwitterTextApi> }
  const api = typeof loaded.parseTweet === 'function' ? loaded : loaded.default
  if (typeof api?.parseTweet !== 'function' || api.configs?.version3 === undefined) {
    throw new Error('twitter-text did not expose parseTweet and configs')
  }
  return api as TwitterTextApi
}

const twitterTextApi = loadTwitterText()

// twitter-text's URL matcher backtracks quadratically over long runs of non-Latin letters
// without spaces (8,000 Arabic letters: about a second). Past this size a post is far over
// 280 anyway, so code points are weighed one by one without URL shortening: an upper bound.
const exactXCountMaxUtf16 = 4000

function approximateXWeight(text: string): number {
  const { scale, defaultWeight, ranges } = twitterTextApi.configs.version3
  let total = 0
  for (const character of text.normalize('NFC')) {
    const codePoint = character.codePointAt(0) ?? 0
    total += ranges.find((range) => codePoint >= range.start && codePoint <= range.end)?.weight ?? defaultWeight
  }
  return total / scale
}

function parseXText(text: string): ParsedXText {
  if (text.length <= exactXCountMaxUtf16) return twitterTextApi.parseTweet(text)
  return { weightedLength: approximateXWeight(text), valid: false }
}

/** Length of a post on X as X counts it (twitter-text v3: URLs 23, emoji and CJK 2). */
export function countWeightedX(text: string): number {
  return parseXText(text).weightedLength
}

export function countCodePoints(text: string): number {
  let count = 0
  for (const _character of text) count += 1
  return count
}

/** UTF-8 size; a lone surrogate is encoded as U+FFFD, 3 bytes, like TextEncoder does. */
export function countUtf8Bytes(text: string): number {
  let bytes = 0
  for (const character of text) {
    const codePoint = character.codePointAt(0) ?? 0
    if (codePoint < 0x80) bytes += 1
    else if (codePoint < 0x800) bytes += 2
    else if (codePoint < 0x10000) bytes += 3
    else bytes += 4
  }
  return bytes
}

export function measureText(text: string, counting: TextCounting): number {
  switch (counting) {
    case 'twitter-weighted':
      return countWeightedX(text)
    case 'utf16':
      return text.length
    case 'utf8-bytes':
      return countUtf8Bytes(text)
    case 'chars':
      return countCodePoints(text)
  }
}

/** UTF-16 index just after the first `codePoints` code points, or undefined if the text is not longer. */
function utf16IndexAfter(text: string, codePoints: number): number | undefined {
  let seen = 0
  let index = 0
  for (const character of text) {
    if (seen === codePoints) return index
    seen += 1
    index += character.length
  }
  return undefined
}

// --- Hashtags, mentions, links ---------------------------------------------------------------

// A hashtag body is letters (any script, Arabic included), marks, digits and underscores, with
// at least one letter: "#2025" is not a hashtag on the networks.
const hashtagBody = /^[\p{L}\p{M}\p{N}_]*\p{L}[\p{L}\p{M}\p{N}_]*$/u
// Not preceded by a word character, '&' (entities) or '/' (URL fragments); not the keycap "#️⃣".
const hashtagInText = /(?<![\p{L}\p{M}\p{N}_&/#＃])[#＃](?![\uFE0F\u20E3])([\p{L}\p{M}\p{N}_]+)/gu
// "@handle" (not inside an e-mail or a URL) and LinkedIn's "@[Name](urn:li:organization:1)".
const mentionInText =
  /(?<![\p{L}\p{M}\p{N}_.@＠/])[@＠](?:\[[^\]\n]+\]\(urn:li:(?:person|organization):[^)\s]+\)|[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?)/gu

/** A hashtag entry as stored (with or without '#') reduced to its body. */
export function normalizeHashtag(entry: string): string {
  return entry
    .trim()
    .replace(/^[#＃]+/u, '')
    .trim()
}

export function isValidHashtag(body: string): boolean {
  return hashtagBody.test(body)
}

export function extractHashtags(text: string): string[] {
  return [...text.matchAll(hashtagInText)].map((match) => match[1] ?? '').filter((body) => /\p{L}/u.test(body))
}

export function extractMentions(text: string): string[] {
  return [...text.matchAll(mentionInText)].map((match) => match[0])
}

/** An absolute http(s) URL whose host has a top-level domain (X only shortens those). */
export function isValidWebLink(link: string): boolean {
  if (/\s/u.test(link)) return false
  try {
    const url = new URL(link)
    return (url.protocol === 'https:' || url.protocol === 'http:') && /\.[\p{L}]{2,}$/u.test(url.hostname)
  } catch {
    return false
  }
}

export interface ComposableVariant {
  platform: Platform
  text?: string | null
  hashtags?: readonly string[]
  link?: string | null
  mediaCount: number
}

/**
 * The text that will be posted: the variant text, then its hashtags ('#' added where missing,
 * space-separated), then the link when the surface carries it in the text; blocks separated
 * by a blank line.
 */
export function composePostText(variant: ComposableVariant): string {
  const limits = platformLimits[variant.platform]
  const blocks: string[] = []
  const text = (variant.text ?? '').trim()
  if (text !== '') blocks.push(text)
  const hashtags = (variant.hashtags ?? []).map(normalizeHashtag).filter((body) => body !== '')
  if (hashtags.length > 0) blocks.push(hashtags.map((body) => `#${body}`).join(' '))
  const link = (variant.link ?? '').trim()
  if (link !== '' && linkPlacementFor(limits.link, variant.mediaCount > 0) === 'text') blocks.push(link)
  return blocks.join('\n\n')
}

// --- Message wording -------------------------------------------------------------------------

function localized(build: (language: AdminLanguage) => string): Localized {
  return { en: build('en'), fr: build('fr'), ar: build('ar') }
}

// Hand-rolled rather than Intl.NumberFormat: ICU versions disagree on Arabic digits and on
// French separators, and the report must be deterministic.
function formatNumber(value: number, language: AdminLanguage, fractionDigits = 2): string {
  const factor = 10 ** fractionDigits
  const rounded = Math.round(Math.abs(value) * factor) / factor
  const [integerPart = '0', fractionPart] = rounded.toString().split('.')
  const groupSeparator = language === 'en' ? ',' : language === 'fr' ? '\u202F' : ''
  const grouped = integerPart.replace(/\B(?=(\d{3})+(?!\d))/g, groupSeparator)
  const decimalSeparator = language === 'fr' ? ',' : '.'
  const sign = value < 0 ? '-' : ''
  return fractionPart === undefined ? `${sign}${grouped}` : `${sign}${grouped}${decimalSeparator}${fractionPart}`
}

const byteUnits: readonly { size: number; words: Localized }[] = [
  { size: 1024 ** 3, words: { en: 'GB', fr: 'Go', ar: 'غيغابايت' } },
  { size: 1024 ** 2, words: { en: 'MB', fr: 'Mo', ar: 'ميغابايت' } },
  { size: 1024, words: { en: 'KB', fr: 'Ko', ar: 'كيلوبايت' } },
]

const byteWords: Localized = { en: 'bytes', fr: 'octets', ar: 'بايت' }

function formatBytes(bytes: number, language: AdminLanguage): string {
  const unit = byteUnits.find((candidate) => bytes >= candidate.size)
  if (unit === undefined) return `${formatNumber(bytes, language, 0)} ${byteWords[language]}`
  return `${formatNumber(bytes / unit.size, language, 1)} ${unit.words[language]}`
}

/** Sizes side by side, exact when rounding would make them look equal. */
function formatBytePair(actual: number, limit: number, language: AdminLanguage): [string, string] {
  const actualText = formatBytes(actual, language)
  const limitText = formatBytes(limit, language)
  if (actualText !== limitText) return [actualText, limitText]
  const unit = byteWords[language]
  return [`${formatNumber(actual, language, 0)} ${unit}`, `${formatNumber(limit, language, 0)} ${unit}`]
}

const durationUnits: Record<AdminLanguage, { hours: string; minutes: string; seconds: string }> = {
  en: { hours: 'h', minutes: 'min', seconds: 's' },
  fr: { hours: 'h', minutes: 'min', seconds: 's' },
  ar: { hours: 'س', minutes: 'د', seconds: 'ث' },
}

function formatDuration(seconds: number, language: AdminLanguage): string {
  const units = durationUnits[language]
  if (seconds >= 3600 && seconds % 3600 === 0) return `${formatNumber(seconds / 3600, language)} ${units.hours}`
  if (seconds >= 120 && seconds % 60 === 0) return `${formatNumber(seconds / 60, language)} ${units.minutes}`
  return `${formatNumber(seconds, language, 1)} ${units.seconds}`
}

const boundPhrases: Record<SourcedBound['bound'], Record<Severity, Localized>> = {
  max: {
    error: { en: 'Maximum allowed', fr: 'Maximum autorisé', ar: 'الحد الأقصى المسموح به' },
    warning: { en: 'Recommended maximum', fr: 'Maximum recommandé', ar: 'الحد الأقصى الموصى به' },
  },
  min: {
    error: { en: 'Minimum allowed', fr: 'Minimum autorisé', ar: 'الحد الأدنى المسموح به' },
    warning: { en: 'Recommended minimum', fr: 'Minimum recommandé', ar: 'الحد الأدنى الموصى به' },
  },
}

/** "<subject> on <platform>: <actual>. <Maximum allowed>: <limit>." in the three languages. */
function boundMessage(
  subject: Localized,
  platform: Localized,
  bound: Pick<SourcedBound, 'bound' | 'severity'>,
  format: (value: 'actual' | 'limit', language: AdminLanguage) => string,
): Localized {
  const phrase = boundPhrases[bound.bound][bound.severity]
  return {
    en: `${subject.en} on ${platform.en}: ${format('actual', 'en')}. ${phrase.en}: ${format('limit', 'en')}.`,
    fr: `${subject.fr} sur ${platform.fr} : ${format('actual', 'fr')}. ${phrase.fr} : ${format('limit', 'fr')}.`,
    ar: `${subject.ar} على ${platform.ar}: ${format('actual', 'ar')}. ${phrase.ar}: ${format('limit', 'ar')}.`,
  }
}

const textNouns: Record<TextRole, { en: string; frDe: string; frLe: string; ar: string }> = {
  post: { en: 'text', frDe: 'du texte', frLe: 'le texte', ar: 'النص' },
  caption: { en: 'caption', frDe: 'de la légende', frLe: 'la légende', ar: 'النص المرافق' },
  description: { en: 'description', frDe: 'de la description', frLe: 'la description', ar: 'الوصف' },
  none: { en: 'text', frDe: 'du texte', frLe: 'le texte', ar: 'النص' },
}
const titleNoun = { en: 'title', frDe: 'du titre', frLe: 'le titre', ar: 'العنوان' }
const firstCommentNoun = {
  en: 'first comment',
  frDe: 'du premier commentaire',
  frLe: 'le premier commentaire',
  ar: 'التعليق الأول',
}

const countingUnits: Record<TextCounting, Localized> = {
  'twitter-weighted': { en: 'weighted characters', fr: 'caractères pondérés', ar: 'بالأحرف الموزونة' },
  utf16: { en: 'UTF-16 units', fr: 'unités UTF-16', ar: 'بوحدات UTF-16' },
  'utf8-bytes': { en: 'UTF-8 bytes', fr: 'octets UTF-8', ar: 'بالبايت وفق UTF-8' },
  chars: { en: 'characters', fr: 'caractères', ar: 'بالأحرف' },
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** What composePostText added to the typed text, so that a length is not a surprise. */
interface Appended {
  hashtags: boolean
  link: boolean
}

const appendedNotes: Record<'hashtags' | 'link' | 'both', Localized> = {
  hashtags: { en: 'hashtags included', fr: 'hashtags compris', ar: 'مع احتساب الوسوم' },
  link: { en: 'link included', fr: 'lien compris', ar: 'مع احتساب الرابط' },
  both: { en: 'hashtags and link included', fr: 'hashtags et lien compris', ar: 'مع احتساب الوسوم والرابط' },
}

function lengthSubject(
  noun: { en: string; frDe: string; ar: string },
  counting: TextCounting,
  appended: Appended = { hashtags: false, link: false },
): Localized {
  const unit = countingUnits[counting]
  const which = appended.hashtags && appended.link ? 'both' : appended.hashtags ? 'hashtags' : appended.link ? 'link' : null
  const note = (language: AdminLanguage) => (which === null ? '' : `${language === 'ar' ? '، ' : ', '}${appendedNotes[which][language]}`)
  return {
    en: `${capitalize(noun.en)} length (${unit.en}${note('en')})`,
    fr: `Longueur ${noun.frDe} (${unit.fr}${note('fr')})`,
    ar: `طول ${noun.ar} (${unit.ar}${note('ar')})`,
  }
}

const kindPlurals: Record<MediaKind, Localized> = {
  image: { en: 'images', fr: 'images', ar: 'الصور' },
  video: { en: 'videos', fr: 'vidéos', ar: 'مقاطع الفيديو' },
  pdf: { en: 'PDF documents', fr: 'documents PDF', ar: 'مستندات PDF' },
}
const kindCounts: Record<MediaKind, Localized> = {
  image: { en: 'Number of images', fr: "Nombre d'images", ar: 'عدد الصور' },
  video: { en: 'Number of videos', fr: 'Nombre de vidéos', ar: 'عدد مقاطع الفيديو' },
  pdf: { en: 'Number of PDF documents', fr: 'Nombre de documents PDF', ar: 'عدد مستندات PDF' },
}
const kindSingulars: Record<MediaKind, Localized> = {
  image: { en: 'image', fr: 'image', ar: 'صورة' },
  video: { en: 'video', fr: 'vidéo', ar: 'فيديو' },
  pdf: { en: 'PDF document', fr: 'document PDF', ar: 'مستند PDF' },
}

const languagePhrases: Record<Language, Localized> = {
  fr: { en: 'in French', fr: 'en français', ar: 'باللغة الفرنسية' },
  ar: { en: 'in Arabic', fr: 'en arabe', ar: 'باللغة العربية' },
  ary: { en: 'in Darija', fr: 'en darija', ar: 'بالدارجة المغربية' },
}

/** How a message names a media item: "Media 2 (photo.jpg)", "Média 2…", "ملف الوسائط رقم 2…". */
interface MediaReference {
  en: string
  fr: string
  ar: string
}

function mediaReference(index: number, media: MediaFacts): MediaReference {
  const name = media.filename !== undefined && media.filename !== '' ? ` (${media.filename})` : ''
  return {
    en: `media ${index + 1}${name}`,
    fr: `média ${index + 1}${name}`,
    ar: `ملف الوسائط رقم ${index + 1}${name}`,
  }
}

function aboutMedia(reference: MediaReference, message: Localized): Localized {
  return {
    en: `${capitalize(reference.en)}: ${message.en}`,
    fr: `${capitalize(reference.fr)} : ${message.fr}`,
    ar: `${reference.ar}: ${message.ar}`,
  }
}

// --- Checks ----------------------------------------------------------------------------------

class IssueCollector {
  readonly errors: Issue[] = []
  readonly warnings: Issue[] = []

  add(severity: Severity, issue: Issue): void {
    if (severity === 'error') this.errors.push(issue)
    else this.warnings.push(issue)
  }
}

/** The violated bound that matters most: an error before a warning, then the first listed. */
function mostSevereViolation<B extends SourcedBound>(bounds: readonly B[], actualFor: (bound: B) => number): B | undefined {
  const violated = bounds.filter((bound) => (bound.bound === 'max' ? actualFor(bound) > bound.value : actualFor(bound) < bound.value))
  return violated.find((bound) => bound.severity === 'error') ?? violated[0]
}

function maxBound(limit: SourcedLimit): SourcedBound {
  return { ...limit, bound: 'max' }
}

// Ratios from pixel sizes are compared with a small tolerance: 1080×565 (1.9115) is "1.91:1".
const aspectTolerance = 0.001

function isBlank(value: string | null | undefined): boolean {
  return value === null || value === undefined || value.trim() === ''
}

interface Context {
  readonly variant: VariantToValidate
  readonly limits: PlatformLimits
  readonly platformWords: Localized
  readonly issues: IssueCollector
}

function checkLengthLimit(
  context: Context,
  code: 'text.too_long' | 'title.too_long' | 'first_comment.too_long',
  field: string,
  subject: Localized,
  length: number,
  limit: SourcedLimit | null,
): void {
  if (limit === null || length <= limit.value) return
  const bound = maxBound(limit)
  context.issues.add(limit.severity, {
    code,
    field,
    message: boundMessage(subject, context.platformWords, bound, (which, language) => formatNumber(which === 'actual' ? length : limit.value, language, 0)),
    limit: limit.value,
    actual: length,
    source: limit.source,
  })
}

function checkForbiddenCharacters(
  context: Context,
  code: 'text.forbidden_chars' | 'title.forbidden_chars',
  field: string,
  value: string,
  noun: { en: string; frLe: string; ar: string },
): void {
  const rules = code === 'title.forbidden_chars' ? context.limits.title?.forbiddenCharacters : context.limits.text.forbiddenCharacters
  if (rules === undefined) return
  const found = rules.characters.filter((character) => value.includes(character))
  if (found.length === 0) return
  const p = context.platformWords
  const several = found.length > 1
  context.issues.add(rules.severity, {
    code,
    field,
    message: {
      en: `${p.en} refuses the character${several ? 's' : ''} ${found.map((c) => `"${c}"`).join(' and ')} in the ${noun.en}.`,
      fr: `${p.fr} refuse ${several ? 'les caractères' : 'le caractère'} ${found.map((c) => `« ${c} »`).join(' et ')} dans ${noun.frLe}.`,
      ar: `يرفض ${p.ar} ${several ? 'الرمزين' : 'الرمز'} ${found.map((c) => `«${c}»`).join(' و')} في ${noun.ar}.`,
    },
    source: rules.source,
  })
}

function checkLink(context: Context): void {
  const link = (context.variant.link ?? '').trim()
  if (link === '') return
  const p = context.platformWords
  if (!isValidWebLink(link)) {
    context.issues.add('error', {
      code: 'link.invalid',
      field: 'link',
      message: {
        en: 'The link is not a valid web address (http:// or https://).',
        fr: "Le lien n'est pas une adresse web valide (http:// ou https://).",
        ar: 'الرابط ليس عنوان ويب صالحًا (http:// أو https://).',
      },
      source: 'RFC 3986; networks link only absolute http(s) URLs',
    })
  }
  const placement = linkPlacementFor(context.limits.link, context.variant.media.length > 0)
  if (placement === 'not_clickable') {
    context.issues.add('warning', {
      code: 'link.not_clickable',
      field: 'link',
      message: {
        en: `Links are not clickable on ${p.en}: the link will not be published (point to the profile link instead).`,
        fr: `Les liens ne sont pas cliquables sur ${p.fr} : le lien ne sera pas publié (renvoyez plutôt vers le lien du profil).`,
        ar: `الروابط غير قابلة للنقر على ${p.ar}: لن يُنشر الرابط (أحِل إلى رابط الملف الشخصي بدلًا منه).`,
      },
      source: context.limits.link.source,
    })
  } else if (placement === 'not_supported') {
    context.issues.add('warning', {
      code: 'link.not_supported',
      field: 'link',
      message: {
        en: `${p.en} does not accept a link: it will not be published.`,
        fr: `${p.fr} n'accepte pas de lien : il ne sera pas publié.`,
        ar: `لا يقبل ${p.ar} الروابط: لن يُنشر الرابط.`,
      },
      source: context.limits.link.source,
    })
  }
}

function checkHashtagEntries(context: Context): void {
  const entries = context.variant.hashtags ?? []
  entries.forEach((entry, index) => {
    const body = normalizeHashtag(entry)
    if (isValidHashtag(body)) return
    const shown = entry.trim()
    context.issues.add('warning', {
      code: 'hashtags.invalid',
      field: `hashtags.${index}`,
      message: {
        en: `"${shown}" is not a valid hashtag: use letters, digits and underscores only, with at least one letter and no spaces.`,
        fr: `« ${shown} » n'est pas un hashtag valide : utilisez uniquement des lettres, des chiffres et des tirets bas, avec au moins une lettre et sans espace.`,
        ar: `«${shown}» ليس وسمًا صالحًا: استعمل الحروف والأرقام والشرطة السفلية (_) فقط، على أن يتضمن حرفًا واحدًا على الأقل ودون مسافات.`,
      },
      source: 'networks link a hashtag up to its first space or punctuation sign',
    })
  })
}

function checkTokenCount(
  context: Context,
  code: 'hashtags.too_many' | 'mentions.too_many',
  field: string,
  subject: Localized,
  count: number,
  bounds: readonly SourcedBound[],
): void {
  const violated = mostSevereViolation(bounds, () => count)
  if (violated === undefined) return
  context.issues.add(violated.severity, {
    code,
    field,
    message: boundMessage(subject, context.platformWords, violated, (which, language) =>
      formatNumber(which === 'actual' ? count : violated.value, language, 0),
    ),
    limit: violated.value,
    actual: count,
    source: violated.source,
  })
}

function checkTitle(context: Context): ValidationMeasures['titleLength'] {
  const rules = context.limits.title
  const title = (context.variant.title ?? '').trim()
  const p = context.platformWords
  if (rules === null) {
    if (title !== '') {
      context.issues.add('warning', {
        code: 'title.not_supported',
        field: 'title',
        message: {
          en: `${p.en} has no title field: the title will not be published.`,
          fr: `${p.fr} n'a pas de champ titre : le titre ne sera pas publié.`,
          ar: `لا يتضمن ${p.ar} حقلًا للعنوان: لن يُنشر العنوان.`,
        },
        source: 'platform-limits.ts (no title rules for this surface)',
      })
    }
    return undefined
  }
  if (title === '') {
    context.issues.add(rules.missing, {
      code: 'title.missing',
      field: 'title',
      message: {
        en: `No title: ${p.en} requires one; the content item's title will be used unless you set one here.`,
        fr: `Aucun titre : ${p.fr} en exige un ; le titre du contenu sera utilisé si vous n'en saisissez pas ici.`,
        ar: `لا يوجد عنوان: يشترط ${p.ar} عنوانًا، وسيُستعمل عنوان المحتوى ما لم تُدخل عنوانًا هنا.`,
      },
      source: rules.missingSource,
    })
    return 0
  }
  const length = measureText(title, rules.counting)
  checkLengthLimit(context, 'title.too_long', 'title', lengthSubject(titleNoun, rules.counting), length, rules.max)
  checkForbiddenCharacters(context, 'title.forbidden_chars', 'title', title, titleNoun)
  return length
}

function checkFirstComment(context: Context): void {
  const comment = (context.variant.firstComment ?? '').trim()
  if (comment === '') return
  const rules = context.limits.firstComment
  const p = context.platformWords
  if (!rules.supported) {
    context.issues.add('warning', {
      code: 'first_comment.not_supported',
      field: 'firstComment',
      message: {
        en: `${p.en} does not allow a first comment: it will not be published.`,
        fr: `${p.fr} ne permet pas de premier commentaire : il ne sera pas publié.`,
        ar: `لا يتيح ${p.ar} إضافة تعليق أول: لن يُنشر هذا التعليق.`,
      },
      source: rules.source,
    })
    return
  }
  const length = measureText(comment, rules.counting)
  checkLengthLimit(context, 'first_comment.too_long', 'firstComment', lengthSubject(firstCommentNoun, rules.counting), length, rules.max)
}

function checkMediaSet(context: Context): void {
  const { media } = context.variant
  const rules = context.limits.media
  const p = context.platformWords
  const count = media.length

  const countViolation = mostSevereViolation(rules.count, () => count)
  if (countViolation !== undefined) {
    if (count === 0 && countViolation.bound === 'min') {
      const accepted = (Object.keys(rules.kinds) as MediaKind[]).map((kind) => kindSingulars[kind])
      const list = localized((language) => accepted.map((words) => words[language]).join(language === 'ar' ? '، ' : ', '))
      context.issues.add(countViolation.severity, {
        code: 'media.required',
        field: 'media',
        message: {
          en: `Add media: ${p.en} cannot publish without it (accepted: ${list.en}).`,
          fr: `Ajoutez un média : ${p.fr} ne peut pas publier sans média (acceptés : ${list.fr}).`,
          ar: `أضف ملف وسائط: لا يمكن النشر على ${p.ar} من دونه (المقبول: ${list.ar}).`,
        },
        limit: countViolation.value,
        actual: count,
        source: countViolation.source,
      })
    } else {
      context.issues.add(countViolation.severity, {
        code: 'media.count',
        field: 'media',
        message: boundMessage({ en: 'Number of media items', fr: 'Nombre de médias', ar: 'عدد ملفات الوسائط' }, p, countViolation, (which, language) =>
          formatNumber(which === 'actual' ? count : countViolation.value, language, 0),
        ),
        limit: countViolation.value,
        actual: count,
        source: countViolation.source,
      })
    }
  }

  const acceptedKinds = new Set(media.map((item) => item.kind).filter((kind) => rules.kinds[kind] !== undefined))
  if (!rules.mixedKinds.allowed && acceptedKinds.size > 1) {
    context.issues.add('error', {
      code: 'media.mixed',
      field: 'media',
      message: {
        en: `${p.en} does not mix images, videos and documents in one post.`,
        fr: `${p.fr} ne permet pas de mélanger images, vidéos et documents dans une même publication.`,
        ar: `لا يسمح ${p.ar} بالجمع بين الصور ومقاطع الفيديو والمستندات في منشور واحد.`,
      },
      actual: acceptedKinds.size,
      limit: 1,
      source: rules.mixedKinds.source,
    })
  }

  for (const kind of acceptedKinds) {
    const maxCount = rules.kinds[kind]?.maxCount
    const kindCount = media.filter((item) => item.kind === kind).length
    if (maxCount === undefined || kindCount <= maxCount.value) continue
    context.issues.add(maxCount.severity, {
      code: 'media.count',
      field: 'media',
      message: boundMessage(kindCounts[kind], p, maxBound(maxCount), (which, language) =>
        formatNumber(which === 'actual' ? kindCount : maxCount.value, language, 0),
      ),
      limit: maxCount.value,
      actual: kindCount,
      source: maxCount.source,
    })
  }
}

function normalizedMimeType(mimeType: string): string {
  return (mimeType.split(';')[0] ?? '').trim().toLowerCase()
}

function checkMediaItem(context: Context, item: MediaFacts, index: number): void {
  const field = `media.${index}`
  const reference = mediaReference(index, item)
  const p = context.platformWords
  const add: AddMediaIssue = (severity, issue, options) =>
    context.issues.add(severity, {
      ...issue,
      field,
      message: options?.subjectNamesMedia === true ? issue.message : aboutMedia(reference, issue.message),
    })

  checkConsent(item, add)

  const rules = context.limits.media.kinds[item.kind]
  if (rules === undefined) {
    const kinds = kindPlurals[item.kind]
    add('error', {
      code: 'media.type',
      message: {
        en: `${p.en} does not accept ${kinds.en}.`,
        fr: `${p.fr} n'accepte pas les ${kinds.fr}.`,
        ar: `لا يقبل ${p.ar} ${kinds.ar}.`,
      },
      source: `platform-limits.ts: ${context.limits.label} accepts ${Object.keys(context.limits.media.kinds).join(', ')}`,
    })
    return
  }

  const mimeType = normalizedMimeType(item.mimeType)
  if (!rules.mimeTypes.includes(mimeType)) {
    const accepted = rules.mimeTypes.join(', ')
    add('error', {
      code: 'media.type',
      message: {
        en: `format ${mimeType} is not accepted by ${p.en} (accepted: ${accepted}).`,
        fr: `le format ${mimeType} n'est pas accepté par ${p.fr} (formats acceptés : ${accepted}).`,
        ar: `لا يقبل ${p.ar} الصيغة ${mimeType} (الصيغ المقبولة: ${accepted}).`,
      },
      source: rules.mimeSource,
    })
  }

  const count = context.variant.media.length
  if (rules.onlyInCarousel !== undefined && count < 2) {
    add('error', {
      code: 'media.type',
      message: {
        en: 'a single video is published as a Reel on Instagram: use an Instagram Reel variant, or add it to a carousel of 2 to 10 items.',
        fr: 'une vidéo seule est publiée comme Reel sur Instagram : utilisez une variante Instagram Reel, ou intégrez-la à un carrousel de 2 à 10 éléments.',
        ar: 'يُنشر الفيديو المنفرد على إنستغرام بصيغة ريلز: استعمل نسخة «إنستغرام (ريلز)»، أو أدرجه في منشور دوّار من عنصرين إلى 10 عناصر.',
      },
      source: rules.onlyInCarousel.source,
    })
  }

  const override = rules.mimeOverrides?.[mimeType]
  if (override?.mustBeAlone !== undefined && count > 1) {
    add('error', {
      code: 'media.count',
      message: {
        en: `a file of type ${mimeType} must be the only media item of the post on ${p.en}.`,
        fr: `un fichier de type ${mimeType} doit être le seul média de la publication sur ${p.fr}.`,
        ar: `يجب أن يكون ملف ${mimeType} هو الملف الوحيد في المنشور على ${p.ar}.`,
      },
      limit: 1,
      actual: count,
      source: override.mustBeAlone.source,
    })
  }

  checkFileSize(item, rules, override?.maxBytes, reference, p, add)
  checkPictureShape(item, rules, reference, p, add)
  checkDuration(item, rules, reference, p, add)
  checkAltText(context.variant.language, item, rules, add)
}

/** Adds an issue about one media item; the message is prefixed "Media n: " unless its subject already names the item. */
type AddMediaIssue = (severity: Severity, issue: Omit<Issue, 'field'>, options?: { subjectNamesMedia: boolean }) => void
const namesMedia = { subjectNamesMedia: true } as const

function checkConsent(item: MediaFacts, add: AddMediaIssue): void {
  const source = 'README.md#content (consent of people shown); law 09-08 on personal data'
  if (item.consent === 'missing') {
    add('error', {
      code: 'consent.missing',
      message: {
        en: 'the consent of the people shown is missing.',
        fr: 'le consentement des personnes représentées est manquant.',
        ar: 'موافقة الأشخاص الظاهرين غير متوفرة.',
      },
      source,
    })
  } else if (item.consent === 'expired') {
    add('error', {
      code: 'consent.expired',
      message: {
        en: 'the consent of the people shown has expired.',
        fr: 'le consentement des personnes représentées a expiré.',
        ar: 'انتهت صلاحية موافقة الأشخاص الظاهرين.',
      },
      source,
    })
  }
}

// Subjects read as "<noun> of <media reference>"; in Arabic the noun takes the reference as a
// genitive complement ("حجم ملف الوسائط رقم 2").
function mediaSubject(reference: MediaReference, noun: Localized, arabicJoiner = ' '): Localized {
  return {
    en: `${noun.en} of ${reference.en}`,
    fr: `${noun.fr} du ${reference.fr}`,
    ar: `${noun.ar}${arabicJoiner}${reference.ar}`,
  }
}

function checkFileSize(
  item: MediaFacts,
  rules: MediaKindRules,
  overrideMaxBytes: readonly SourcedBound[] | undefined,
  reference: MediaReference,
  platform: Localized,
  add: AddMediaIssue,
): void {
  const bounds = overrideMaxBytes === undefined ? rules.bytes : [...rules.bytes.filter((bound) => bound.bound === 'min'), ...overrideMaxBytes]
  const violated = mostSevereViolation(bounds, () => item.filesize)
  if (violated === undefined) return
  const subject = mediaSubject(reference, { en: 'File size', fr: 'Taille', ar: 'حجم' })
  const message = boundMessage(subject, platform, violated, (which, language) => {
    const [actualText, limitText] = formatBytePair(item.filesize, violated.value, language)
    return which === 'actual' ? actualText : limitText
  })
  add(
    violated.severity,
    {
      code: 'media.size',
      message,
      limit: violated.value,
      actual: item.filesize,
      source: violated.source,
    },
    namesMedia,
  )
}

const dimensionNouns: Record<DimensionBound['dimension'], Record<SourcedBound['bound'], Localized>> = {
  width: {
    min: { en: 'Width', fr: 'Largeur', ar: 'عرض' },
    max: { en: 'Width', fr: 'Largeur', ar: 'عرض' },
  },
  height: {
    min: { en: 'Height', fr: 'Hauteur', ar: 'ارتفاع' },
    max: { en: 'Height', fr: 'Hauteur', ar: 'ارتفاع' },
  },
  side: {
    min: { en: 'Shortest side', fr: 'Plus petit côté', ar: 'الضلع الأقصر ل' },
    max: { en: 'Longest side', fr: 'Plus grand côté', ar: 'الضلع الأطول ل' },
  },
  pixels: {
    min: { en: 'Pixel count', fr: 'Nombre de pixels', ar: 'عدد بكسلات' },
    max: { en: 'Pixel count', fr: 'Nombre de pixels', ar: 'عدد بكسلات' },
  },
}

function dimensionValue(bound: DimensionBound, width: number, height: number): number {
  switch (bound.dimension) {
    case 'width':
      return width
    case 'height':
      return height
    case 'side':
      return bound.bound === 'max' ? Math.max(width, height) : Math.min(width, height)
    case 'pixels':
      return width * height
  }
}

function isKnownPositive(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0
}

function checkPictureShape(item: MediaFacts, rules: MediaKindRules, reference: MediaReference, platform: Localized, add: AddMediaIssue): void {
  const dimensionBounds = rules.dimensions ?? []
  const aspectRanges = rules.aspectRatios ?? []
  if (dimensionBounds.length === 0 && aspectRanges.length === 0) return
  const { width, height } = item
  if (!isKnownPositive(width) || !isKnownPositive(height)) {
    add('warning', {
      code: 'media.dimensions_unknown',
      message: {
        en: `dimensions unknown, the size and aspect ratio rules of ${platform.en} could not be checked.`,
        fr: `dimensions inconnues, les règles de taille et de format n'ont pas pu être vérifiées pour ${platform.fr}.`,
        ar: `الأبعاد غير معروفة، فتعذّر التحقق من قواعد المقاس ونسبة العرض إلى الارتفاع على ${platform.ar}.`,
      },
      source: 'media collection: width and height are read from the file',
    })
    return
  }

  for (const dimensionName of ['width', 'height', 'side', 'pixels'] as const) {
    const bounds = dimensionBounds.filter((bound) => bound.dimension === dimensionName)
    const violated = mostSevereViolation(bounds, (bound) => dimensionValue(bound, width, height))
    if (violated === undefined) continue
    const actual = dimensionValue(violated, width, height)
    const noun = dimensionNouns[dimensionName][violated.bound]
    const subject = mediaSubject(reference, noun, dimensionName === 'side' ? '' : ' ')
    add(
      violated.severity,
      {
        code: 'media.dimensions',
        message: boundMessage(
          subject,
          platform,
          violated,
          (which, language) => `${formatNumber(which === 'actual' ? actual : violated.value, language, 0)} px`,
        ),
        limit: violated.value,
        actual,
        source: violated.source,
      },
      namesMedia,
    )
  }

  checkAspectRatio(width / height, aspectRanges, reference, platform, add)
}

function checkAspectRatio(ratio: number, ranges: readonly SourcedRange[], reference: MediaReference, platform: Localized, add: AddMediaIssue): void {
  for (const severity of ['error', 'warning'] as const) {
    const group = ranges.filter((range) => range.severity === severity)
    if (group.length === 0) continue
    const fits = group.some((range) => ratio >= range.min - aspectTolerance && ratio <= range.max + aspectTolerance)
    if (fits) continue
    const only = group.length === 1 ? group[0] : undefined
    const describe = (range: SourcedRange, language: AdminLanguage) =>
      range.label ?? `${formatNumber(range.min, language, 3)}–${formatNumber(range.max, language, 3)}`
    const list = localized((language) => group.map((range) => describe(range, language)).join(' / '))
    const subject = mediaSubject(
      reference,
      {
        en: 'Aspect ratio (width/height)',
        fr: 'Rapport largeur/hauteur',
        ar: 'نسبة العرض إلى الارتفاع ل',
      },
      '',
    )
    const accepted: Localized =
      severity === 'error'
        ? { en: 'Accepted', fr: 'Plage acceptée', ar: 'النطاق المقبول' }
        : { en: 'Recommended', fr: 'Format recommandé', ar: 'النسبة الموصى بها' }
    const issue: Omit<Issue, 'field'> = {
      code: 'media.aspect',
      message: {
        en: `${subject.en} on ${platform.en}: ${formatNumber(ratio, 'en', 3)}. ${accepted.en}: ${list.en}.`,
        fr: `${subject.fr} sur ${platform.fr} : ${formatNumber(ratio, 'fr', 3)}. ${accepted.fr} : ${list.fr}.`,
        ar: `${subject.ar} على ${platform.ar}: ${formatNumber(ratio, 'ar', 3)}. ${accepted.ar}: ${list.ar}.`,
      },
      actual: Math.round(ratio * 10000) / 10000,
      source: group.map((range) => range.source).join('; '),
    }
    if (only !== undefined) issue.limit = ratio < only.min ? only.min : only.max
    add(severity, issue, namesMedia)
    return // one aspect issue per item: the hard one if any
  }
}

function checkDuration(item: MediaFacts, rules: MediaKindRules, reference: MediaReference, platform: Localized, add: AddMediaIssue): void {
  const bounds = rules.durationSeconds ?? []
  if (item.kind !== 'video' || bounds.length === 0) return
  const duration = item.durationSeconds
  if (typeof duration !== 'number' || !Number.isFinite(duration) || duration < 0) {
    add('warning', {
      code: 'video.duration_unknown',
      message: {
        en: `duration unknown, the duration limits of ${platform.en} could not be checked.`,
        fr: `durée inconnue, les limites de durée n'ont pas pu être vérifiées pour ${platform.fr}.`,
        ar: `المدة غير معروفة، فتعذّر التحقق من حدود المدة على ${platform.ar}.`,
      },
      source: 'media collection: duration is read from the file',
    })
    return
  }
  const violated = mostSevereViolation(bounds, () => duration)
  if (violated === undefined) return
  add(
    violated.severity,
    {
      code: 'video.duration',
      message: boundMessage(mediaSubject(reference, { en: 'Duration', fr: 'Durée', ar: 'مدة' }), platform, violated, (which, language) =>
        formatDuration(which === 'actual' ? duration : violated.value, language),
      ),
      limit: violated.value,
      actual: duration,
      source: violated.source,
    },
    namesMedia,
  )
}

function checkAltText(language: Language, item: MediaFacts, rules: MediaKindRules, add: AddMediaIssue): void {
  if (!isBlank(item.altText?.[language])) return
  const phrase = languagePhrases[language]
  add(rules.altText.severity, {
    code: 'alt.missing',
    message: {
      en: `alt text missing ${phrase.en}.`,
      fr: `texte alternatif manquant ${phrase.fr}.`,
      ar: `النص البديل غير متوفر ${phrase.ar}.`,
    },
    source: rules.altText.source,
  })
}

// --- Entry point -----------------------------------------------------------------------------

export function validateVariant(input: VariantToValidate): ValidationReport {
  const limits = platformLimits[input.platform]
  if (limits === undefined) throw new TypeError(`Unknown platform: ${String(input.platform)}`)
  const issues = new IssueCollector()
  const context: Context = { variant: input, limits, platformWords: limits.labels, issues }
  const p = limits.labels
  const textRules = limits.text
  const noun = textNouns[textRules.role]

  checkLink(context)
  checkHashtagEntries(context)

  const posted = composePostText({
    platform: input.platform,
    text: input.text,
    hashtags: input.hashtags,
    link: input.link,
    mediaCount: input.media.length,
  })
  const parsedForX = textRules.counting === 'twitter-weighted' ? parseXText(posted) : undefined
  const textLength = parsedForX?.weightedLength ?? measureText(posted, textRules.counting)
  const hashtagCount = extractHashtags(posted).length
  const mentionCount = extractMentions(posted).length

  if (textRules.role === 'none') {
    if (posted !== '') {
      issues.add('warning', {
        code: 'text.not_supported',
        field: isBlank(input.text) ? 'hashtags' : 'text',
        message: {
          en: `${p.en} publishes no text: the text and hashtags of this variant will not appear.`,
          fr: `${p.fr} ne publie aucun texte : le texte et les hashtags de cette variante n'apparaîtront pas.`,
          ar: `لا يَنشر ${p.ar} أي نص: لن يظهر نص هذه النسخة ولا وسومها.`,
        },
        source: textRules.source ?? 'platform-limits.ts (this surface publishes no text)',
      })
    }
  } else {
    const appended: Appended = {
      hashtags: (input.hashtags ?? []).some((entry) => normalizeHashtag(entry) !== ''),
      link: !isBlank(input.link) && linkPlacementFor(limits.link, input.media.length > 0) === 'text',
    }
    checkLengthLimit(context, 'text.too_long', 'text', lengthSubject(noun, textRules.counting, appended), textLength, textRules.max)
    // parseTweet is also invalid when empty or too long: those have their own issues.
    const withinLimit = textLength > 0 && textLength <= (textRules.max?.value ?? Infinity)
    if (parsedForX !== undefined && withinLimit && !parsedForX.valid) {
      issues.add('error', {
        code: 'text.invalid_characters',
        field: 'text',
        message: {
          en: `The text contains characters ${p.en} refuses (U+FFFE, U+FEFF or U+FFFF).`,
          fr: `Le texte contient des caractères refusés par ${p.fr} (U+FFFE, U+FEFF ou U+FFFF).`,
          ar: `يحتوي النص على رموز يرفضها ${p.ar} (U+FFFE أو U+FEFF أو U+FFFF).`,
        },
        source: 'docs/networks.md#x-weighted-length (twitter-text rejects U+FFFE, U+FEFF, U+FFFF)',
      })
    }
    checkForbiddenCharacters(context, 'text.forbidden_chars', 'text', posted, noun)
    checkTokenCount(
      context,
      'hashtags.too_many',
      'hashtags',
      { en: 'Number of hashtags', fr: 'Nombre de hashtags', ar: 'عدد الوسوم' },
      hashtagCount,
      limits.hashtags,
    )
    checkTokenCount(
      context,
      'mentions.too_many',
      'text',
      { en: 'Number of mentions (@)', fr: 'Nombre de mentions (@)', ar: 'عدد الإشارات (@)' },
      mentionCount,
      limits.mentions,
    )
  }

  const mediaRequired = limits.media.count.some((bound) => bound.bound === 'min' && bound.value > 0)
  const linkInField = !isBlank(input.link) && linkPlacementFor(limits.link, input.media.length > 0) === 'link_field'
  if (!mediaRequired && posted === '' && input.media.length === 0 && !linkInField) {
    issues.add('error', {
      code: 'content.empty',
      field: 'text',
      message: {
        en: 'Nothing to publish: add text, media or a link.',
        fr: 'Rien à publier : ajoutez un texte, un média ou un lien.',
        ar: 'لا يوجد ما يُنشر: أضف نصًا أو ملف وسائط أو رابطًا.',
      },
      source: 'the networks refuse empty posts (docs/networks.md#facebook-posts, docs/networks.md#x-posts-and-media, docs/networks.md#linkedin-posts-api)',
    })
  }

  const titleLength = checkTitle(context)
  checkFirstComment(context)
  checkMediaSet(context)
  input.media.forEach((item, index) => checkMediaItem(context, item, index))

  const measures: ValidationMeasures = {
    textLength,
    textLimit: textRules.role === 'none' ? null : (textRules.max?.value ?? null),
    countingMethod: textRules.counting,
    hashtagCount,
    mentionCount,
  }
  if (limits.previewTruncation !== null) {
    const index = utf16IndexAfter(posted, limits.previewTruncation.characters)
    if (index !== undefined) measures.truncationIndex = index
  }
  if (titleLength !== undefined && limits.title !== null) {
    measures.titleLength = titleLength
    measures.titleLimit = limits.title.max.value
  }
  return { ok: issues.errors.length === 0, errors: issues.errors, warnings: issues.warnings, measures }
}
