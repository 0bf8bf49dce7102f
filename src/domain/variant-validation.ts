/**
 * Validation report of a platform variant against its surface's limits (platform-limits.ts).
 * Pure and deterministic: the admin recomputes it on every save and shows it live; errors
 * block "ready", warnings do not.
 *
 * What is measured is what will be posted: see `composePostText`, which the publisher must
 * use too so that the report and the post never disagree.
 */
import { twitterText, type ParsedXText } from './twitter-text'

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
import { appText } from '../i18n/translations'
import type { AppStrings } from '../i18n/translations'

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

// twitter-text's URL matcher backtracks quadratically over long runs of non-Latin letters
// without spaces (8,000 Arabic letters: about a second). Past this size a post is far over
// 280 anyway, so code points are weighed one by one without URL shortening: an upper bound.
const exactXCountMaxUtf16 = 4000

function approximateXWeight(text: string): number {
  const { scale, defaultWeight, ranges } = twitterText.configs.version3
  let total = 0
  for (const character of text.normalize('NFC')) {
    const codePoint = character.codePointAt(0) ?? 0
    total += ranges.find((range) => codePoint >= range.start && codePoint <= range.end)?.weight ?? defaultWeight
  }
  return total / scale
}

function parseXText(text: string): ParsedXText {
  if (text.length <= exactXCountMaxUtf16) return twitterText.parseTweet(text)
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
// The words are in the app catalogue (src/i18n/translations.ts, group variantLimits); numbers
// are written here, each language's way.

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

type Unit = keyof AppStrings['variantLimits']['units']

/** A number and its unit: "1,5 Mo", "12 min". */
function withUnit(number: string, unit: Unit, language: AdminLanguage): string {
  return `${number} ${appText(`variantLimits:units:${unit}`)[language]}`
}

const byteUnits: readonly { size: number; unit: Unit }[] = [
  { size: 1024 ** 3, unit: 'gigabytes' },
  { size: 1024 ** 2, unit: 'megabytes' },
  { size: 1024, unit: 'kilobytes' },
]

function formatBytes(bytes: number, language: AdminLanguage): string {
  const unit = byteUnits.find((candidate) => bytes >= candidate.size)
  if (unit === undefined) return withUnit(formatNumber(bytes, language, 0), 'bytes', language)
  return withUnit(formatNumber(bytes / unit.size, language, 1), unit.unit, language)
}

/** Sizes side by side, exact when rounding would make them look equal. */
function formatBytePair(actual: number, limit: number, language: AdminLanguage): [string, string] {
  const actualText = formatBytes(actual, language)
  const limitText = formatBytes(limit, language)
  if (actualText !== limitText) return [actualText, limitText]
  return [withUnit(formatNumber(actual, language, 0), 'bytes', language), withUnit(formatNumber(limit, language, 0), 'bytes', language)]
}

function formatDuration(seconds: number, language: AdminLanguage): string {
  if (seconds >= 3600 && seconds % 3600 === 0) return withUnit(formatNumber(seconds / 3600, language), 'hours', language)
  if (seconds >= 120 && seconds % 60 === 0) return withUnit(formatNumber(seconds / 60, language), 'minutes', language)
  return withUnit(formatNumber(seconds, language, 1), 'seconds', language)
}

/** "<subject> on <platform>: <actual>. <Maximum allowed>: <limit>." in the three languages. */
function boundMessage(
  subject: Localized,
  platform: Localized,
  bound: Pick<SourcedBound, 'bound' | 'severity'>,
  format: (value: 'actual' | 'limit', language: AdminLanguage) => string,
): Localized {
  return appText('variantLimits:measured', {
    subject,
    platform,
    actual: localized((language) => format('actual', language)),
    rule: appText(`variantLimits:bounds:${bound.bound}:${bound.severity}`),
    limit: localized((language) => format('limit', language)),
  })
}

/** A text field, as a length subject or a noun names it (a surface without text is checked as a post). */
type TextNoun = 'post' | 'caption' | 'description' | 'title'
const textNouns: Record<TextRole, TextNoun> = { post: 'post', caption: 'caption', description: 'description', none: 'post' }

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** What composePostText added to the typed text, so that a length is not a surprise. */
interface Appended {
  hashtags: boolean
  link: boolean
}

function lengthSubject(field: TextNoun | 'firstComment', counting: TextCounting, appended: Appended = { hashtags: false, link: false }): Localized {
  const which = appended.hashtags && appended.link ? 'both' : appended.hashtags ? 'hashtags' : appended.link ? 'link' : null
  return appText(`variantLimits:lengthOf:${field}`, {
    unit: appText(`variantLimits:counting:${counting}`),
    included: which === null ? '' : appText(`variantLimits:included:${which}`),
  })
}

/** How a message names a media item: "Media 2 (photo.jpg)", "Média 2…", "ملف الوسائط رقم 2…". */
type MediaReference = Localized

function mediaReference(index: number, media: MediaFacts): MediaReference {
  const number = index + 1
  return media.filename !== undefined && media.filename !== ''
    ? appText('variantLimits:mediaNamed', { number, filename: media.filename })
    : appText('variantLimits:media', { number })
}

function aboutMedia(reference: MediaReference, message: Localized): Localized {
  return appText('variantLimits:aboutMedia', { media: { en: capitalize(reference.en), fr: capitalize(reference.fr), ar: reference.ar }, message })
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
  noun: TextNoun,
): void {
  const rules = code === 'title.forbidden_chars' ? context.limits.title?.forbiddenCharacters : context.limits.text.forbiddenCharacters
  if (rules === undefined) return
  const found = rules.characters.filter((character) => value.includes(character))
  if (found.length === 0) return
  const joiner = appText('variantLimits:characterJoiner')
  const characters = localized((language) => found.map((character) => appText('variantLimits:quotedCharacter', { character })[language]).join(joiner[language]))
  context.issues.add(rules.severity, {
    code,
    field,
    message: appText(found.length > 1 ? 'variantLimits:forbiddenCharacters' : 'variantLimits:forbiddenCharacter', {
      platform: context.platformWords,
      characters,
      noun: appText(`variantLimits:nouns:${noun}`),
    }),
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
      message: appText('variantLimits:linkInvalid'),
      source: 'RFC 3986; networks link only absolute http(s) URLs',
    })
  }
  const placement = linkPlacementFor(context.limits.link, context.variant.media.length > 0)
  if (placement === 'not_clickable') {
    context.issues.add('warning', {
      code: 'link.not_clickable',
      field: 'link',
      message: appText('variantLimits:linkNotClickable', { platform: p }),
      source: context.limits.link.source,
    })
  } else if (placement === 'not_supported') {
    context.issues.add('warning', {
      code: 'link.not_supported',
      field: 'link',
      message: appText('variantLimits:linkNotSupported', { platform: p }),
      source: context.limits.link.source,
    })
  }
}

function checkHashtagEntries(context: Context): void {
  const entries = context.variant.hashtags ?? []
  entries.forEach((entry, index) => {
    const body = normalizeHashtag(entry)
    if (isValidHashtag(body)) return
    context.issues.add('warning', {
      code: 'hashtags.invalid',
      field: `hashtags.${index}`,
      message: appText('variantLimits:hashtagInvalid', { hashtag: entry.trim() }),
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
        message: appText('variantLimits:titleNotSupported', { platform: p }),
        source: 'platform-limits.ts (no title rules for this surface)',
      })
    }
    return undefined
  }
  if (title === '') {
    context.issues.add(rules.missing, {
      code: 'title.missing',
      field: 'title',
      message: appText('variantLimits:titleMissing', { platform: p }),
      source: rules.missingSource,
    })
    return 0
  }
  const length = measureText(title, rules.counting)
  checkLengthLimit(context, 'title.too_long', 'title', lengthSubject('title', rules.counting), length, rules.max)
  checkForbiddenCharacters(context, 'title.forbidden_chars', 'title', title, 'title')
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
      message: appText('variantLimits:firstCommentNotSupported', { platform: p }),
      source: rules.source,
    })
    return
  }
  const length = measureText(comment, rules.counting)
  checkLengthLimit(context, 'first_comment.too_long', 'firstComment', lengthSubject('firstComment', rules.counting), length, rules.max)
}

function checkMediaSet(context: Context): void {
  const { media } = context.variant
  const rules = context.limits.media
  const p = context.platformWords
  const count = media.length

  const countViolation = mostSevereViolation(rules.count, () => count)
  if (countViolation !== undefined) {
    if (count === 0 && countViolation.bound === 'min') {
      const accepted = (Object.keys(rules.kinds) as MediaKind[]).map((kind) => appText(`variantLimits:kind:${kind}`))
      const separator = appText('variantLimits:listSeparator')
      const list = localized((language) => accepted.map((words) => words[language]).join(separator[language]))
      context.issues.add(countViolation.severity, {
        code: 'media.required',
        field: 'media',
        message: appText('variantLimits:mediaRequired', { platform: p, accepted: list }),
        limit: countViolation.value,
        actual: count,
        source: countViolation.source,
      })
    } else {
      context.issues.add(countViolation.severity, {
        code: 'media.count',
        field: 'media',
        message: boundMessage(appText('variantLimits:counts:media'), p, countViolation, (which, language) =>
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
      message: appText('variantLimits:mediaMixed', { platform: p }),
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
      message: boundMessage(appText(`variantLimits:counts:${kind}`), p, maxBound(maxCount), (which, language) =>
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
    add('error', {
      code: 'media.type',
      message: appText('variantLimits:kindNotAccepted', { platform: p, kinds: appText(`variantLimits:kinds:${item.kind}`) }),
      source: `platform-limits.ts: ${context.limits.label} accepts ${Object.keys(context.limits.media.kinds).join(', ')}`,
    })
    return
  }

  const mimeType = normalizedMimeType(item.mimeType)
  if (!rules.mimeTypes.includes(mimeType)) {
    const accepted = rules.mimeTypes.join(', ')
    add('error', {
      code: 'media.type',
      message: appText('variantLimits:formatNotAccepted', { format: mimeType, platform: p, accepted }),
      source: rules.mimeSource,
    })
  }

  const count = context.variant.media.length
  if (rules.onlyInCarousel !== undefined && count < 2) {
    add('error', {
      code: 'media.type',
      message: appText('variantLimits:singleVideo'),
      source: rules.onlyInCarousel.source,
    })
  }

  const override = rules.mimeOverrides?.[mimeType]
  if (override?.mustBeAlone !== undefined && count > 1) {
    add('error', {
      code: 'media.count',
      message: appText('variantLimits:mustBeAlone', { format: mimeType, platform: p }),
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
      message: appText('variantLimits:consentMissing'),
      source,
    })
  } else if (item.consent === 'expired') {
    add('error', {
      code: 'consent.expired',
      message: appText('variantLimits:consentExpired'),
      source,
    })
  }
}

/** A measure of one media item: "File size of media 2", "Taille du média 2", "حجم ملف الوسائط رقم 2". */
type MediaMeasure = keyof AppStrings['variantLimits']['ofMedia']

function mediaSubject(reference: MediaReference, measure: MediaMeasure): Localized {
  return appText(`variantLimits:ofMedia:${measure}`, { media: reference })
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
  const subject = mediaSubject(reference, 'fileSize')
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

const dimensionMeasures: Record<DimensionBound['dimension'], Record<SourcedBound['bound'], MediaMeasure>> = {
  width: { min: 'width', max: 'width' },
  height: { min: 'height', max: 'height' },
  side: { min: 'shortestSide', max: 'longestSide' },
  pixels: { min: 'pixels', max: 'pixels' },
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
      message: appText('variantLimits:dimensionsUnknown', { platform }),
      source: 'media collection: width and height are read from the file',
    })
    return
  }

  for (const dimensionName of ['width', 'height', 'side', 'pixels'] as const) {
    const bounds = dimensionBounds.filter((bound) => bound.dimension === dimensionName)
    const violated = mostSevereViolation(bounds, (bound) => dimensionValue(bound, width, height))
    if (violated === undefined) continue
    const actual = dimensionValue(violated, width, height)
    const subject = mediaSubject(reference, dimensionMeasures[dimensionName][violated.bound])
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
    const issue: Omit<Issue, 'field'> = {
      code: 'media.aspect',
      message: appText('variantLimits:measured', {
        subject: mediaSubject(reference, 'aspectRatio'),
        platform,
        actual: localized((language) => formatNumber(ratio, language, 3)),
        rule: appText(`variantLimits:aspectRule:${severity}`),
        limit: list,
      }),
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
      message: appText('variantLimits:durationUnknown', { platform }),
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
      message: boundMessage(mediaSubject(reference, 'duration'), platform, violated, (which, language) =>
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
  add(rules.altText.severity, {
    code: 'alt.missing',
    message: appText('variantLimits:altMissing', { language: appText(`variantLimits:inLanguage:${language}`) }),
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
        message: appText('variantLimits:textNotSupported', { platform: p }),
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
        message: appText('variantLimits:textInvalidCharacters', { platform: p }),
        source: 'docs/networks.md#x-weighted-length (twitter-text rejects U+FFFE, U+FEFF, U+FFFF)',
      })
    }
    checkForbiddenCharacters(context, 'text.forbidden_chars', 'text', posted, noun)
    checkTokenCount(context, 'hashtags.too_many', 'hashtags', appText('variantLimits:counts:hashtags'), hashtagCount, limits.hashtags)
    checkTokenCount(context, 'mentions.too_many', 'text', appText('variantLimits:counts:mentions'), mentionCount, limits.mentions)
  }

  const mediaRequired = limits.media.count.some((bound) => bound.bound === 'min' && bound.value > 0)
  const linkInField = !isBlank(input.link) && linkPlacementFor(limits.link, input.media.length > 0) === 'link_field'
  if (!mediaRequired && posted === '' && input.media.length === 0 && !linkInField) {
    issues.add('error', {
      code: 'content.empty',
      field: 'text',
      message: appText('variantLimits:contentEmpty'),
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
