/**
 * What each publishing surface accepts: one row per surface, every number with its source.
 *
 * Severity follows one rule: a limit the network enforces (the API rejects, truncates or
 * silently drops content) is an `error` and blocks "ready"; a recommendation, a vendor
 * figure that conflicts with the network's own docs, or a creator-specific value we cannot
 * know in advance is a `warning`. Sources point at a heading of docs/networks.md and at the
 * network document it was compiled from. Sizes quoted in "MB" by the networks are read as MiB
 * (1024²), like the networks' own upload code does.
 */

import type { ContentLocale } from './languages'
import type { Localized } from '../i18n/catalogue'

export const platforms = ['facebook', 'instagram_feed', 'instagram_reel', 'instagram_story', 'x', 'linkedin', 'youtube', 'youtube_short', 'tiktok'] as const
export type Platform = (typeof platforms)[number]

/** A variant's language: the campaign's content locales (fr, ar, ary). */
export type Language = ContentLocale

/** How a network measures a text field. `chars` = Unicode code points. */
export type TextCounting = 'twitter-weighted' | 'utf16' | 'utf8-bytes' | 'chars'
export type Severity = 'error' | 'warning'
export type MediaKind = 'image' | 'video' | 'pdf'

export interface SourcedLimit {
  readonly value: number
  readonly severity: Severity
  readonly source: string
  /** Conflicts, uncertainty, or why the severity was chosen. */
  readonly note?: string
}

export interface SourcedBound extends SourcedLimit {
  readonly bound: 'min' | 'max'
}

/** Aspect ratios are width / height. A value is accepted if it falls in any range of its severity. */
export interface SourcedRange {
  readonly min: number
  readonly max: number
  readonly severity: Severity
  readonly source: string
  /** Human name of the range, e.g. "9:16". */
  readonly label?: string
  readonly note?: string
}

/** `side` applies to width and height alike; `pixels` is width × height. */
export type Dimension = 'width' | 'height' | 'side' | 'pixels'

export interface DimensionBound extends SourcedBound {
  readonly dimension: Dimension
}

/** The noun a message uses for the main text of the surface; `none`: the surface publishes no text. */
export type TextRole = 'post' | 'caption' | 'description' | 'none'

export interface ForbiddenCharacters {
  readonly characters: readonly string[]
  readonly severity: Severity
  readonly source: string
}

export interface TextRules {
  readonly role: TextRole
  readonly counting: TextCounting
  readonly max: SourcedLimit | null
  readonly forbiddenCharacters?: ForbiddenCharacters
  /** Why the surface takes no text, when `role` is `none`. */
  readonly source?: string
}

export interface TitleRules {
  readonly counting: TextCounting
  readonly max: SourcedLimit
  readonly forbiddenCharacters?: ForbiddenCharacters
  /** Severity when the variant has no title. */
  readonly missing: SourcedLimit['severity']
  readonly missingSource: string
}

/**
 * Where the variant's `link` ends up:
 * - `text`: appended to the posted text (and measured with it);
 * - `link_field`: sent in a separate API field, not measured;
 * - `not_clickable`: the network does not link URLs in text, the link is not published (warning);
 * - `not_supported`: the surface cannot carry a link, it is not published (warning).
 */
export type LinkPlacement = 'text' | 'link_field' | 'not_clickable' | 'not_supported'

export interface LinkRules {
  readonly placement: LinkPlacement
  /** Placement when media are attached, if it differs. */
  readonly placementWithMedia?: LinkPlacement
  readonly source: string
}

export interface FirstCommentRules {
  readonly supported: boolean
  readonly counting: TextCounting
  readonly max: SourcedLimit | null
  readonly source: string
}

/** Approximate UI behaviour: where the feed cuts the text behind "See more". Not enforced. */
export interface PreviewTruncation {
  readonly characters: number
  readonly approximate: true
  readonly source: string
}

export interface MimeOverride {
  readonly maxBytes?: readonly SourcedBound[]
  /** This format must be the only media item of the post. */
  readonly mustBeAlone?: { readonly source: string }
}

export interface MediaKindRules {
  readonly mimeTypes: readonly string[]
  readonly mimeSource: string
  readonly maxCount?: SourcedLimit
  /** The kind is accepted only as an item of a multi-item post (carousel). */
  readonly onlyInCarousel?: { readonly source: string }
  readonly bytes: readonly SourcedBound[]
  readonly mimeOverrides?: Readonly<Record<string, MimeOverride>>
  readonly aspectRatios?: readonly SourcedRange[]
  readonly durationSeconds?: readonly SourcedBound[]
  readonly dimensions?: readonly DimensionBound[]
  /** Severity of missing alt text in the variant's language. */
  readonly altText: { readonly severity: Severity; readonly source: string }
}

export interface MediaRules {
  /** A `min` bound of 1 or more makes media required. */
  readonly count: readonly SourcedBound[]
  readonly mixedKinds: { readonly allowed: boolean; readonly source: string }
  /** Kinds absent here are refused by the surface. */
  readonly kinds: Readonly<Partial<Record<MediaKind, MediaKindRules>>>
  /** Why the surface accepts the kinds it does, when that is a product decision. */
  readonly note?: string
}

export interface PlatformLimits {
  readonly label: string
  readonly labels: Readonly<Localized>
  readonly text: TextRules
  readonly title: TitleRules | null
  readonly hashtags: readonly SourcedBound[]
  readonly mentions: readonly SourcedBound[]
  readonly link: LinkRules
  readonly firstComment: FirstCommentRules
  readonly previewTruncation: PreviewTruncation | null
  readonly media: MediaRules
}

const KiB = 1024
const MiB = 1024 * KiB
const GiB = 1024 * MiB

function max(value: number, severity: Severity, source: string, note?: string): SourcedBound {
  return note === undefined ? { bound: 'max', value, severity, source } : { bound: 'max', value, severity, source, note }
}

function min(value: number, severity: Severity, source: string, note?: string): SourcedBound {
  return note === undefined ? { bound: 'min', value, severity, source } : { bound: 'min', value, severity, source, note }
}

function limit(value: number, severity: Severity, source: string, note?: string): SourcedLimit {
  return note === undefined ? { value, severity, source } : { value, severity, source, note }
}

function dimension(dimensionName: Dimension, bound: SourcedBound['bound'], value: number, severity: Severity, source: string, note?: string): DimensionBound {
  const base = { dimension: dimensionName, bound, value, severity, source }
  return note === undefined ? base : { ...base, note }
}

/** A named ratio with a 1 % tolerance, for "recommended 9:16"-style figures. */
function around(width: number, height: number, severity: Severity, source: string): SourcedRange {
  const ratio = width / height
  return { min: ratio * 0.99, max: ratio * 1.01, severity, source, label: `${width}:${height}` }
}

const approximateUi = 'approximate UI behaviour (varies by device and app version), not a network limit'

// Consent and alt text are campaign rules as much as network ones.
const campaignAltText = 'README.md#content (media carry localized alt text)'
const altWarning = (why: string) => ({ severity: 'warning' as const, source: `${campaignAltText}; ${why}` })
const altError = (why: string) => ({ severity: 'error' as const, source: `${campaignAltText}; ${why}` })

// --- Instagram, shared by feed, reel and story -------------------------------------------

const instagramCaption: TextRules = {
  role: 'caption',
  counting: 'chars',
  max: limit(2200, 'error', 'docs/networks.md#instagram-caption-limits; Meta IG media reference (subcode 2207010)'),
}
const instagramHashtags: readonly SourcedBound[] = [
  max(30, 'error', 'docs/networks.md#instagram-caption-limits; Meta IG media reference'),
  max(
    5,
    'warning',
    'docs/networks.md#instagram-caption-limits [conflict]; Ayrshare Instagram guidelines',
    'vendor docs report 5 as the current effective limit: treated as the safe product limit',
  ),
]
const instagramMentions: readonly SourcedBound[] = [
  max(20, 'error', 'docs/networks.md#instagram-caption-limits; Meta IG media reference'),
  max(3, 'warning', 'docs/networks.md#instagram-caption-limits [conflict]; Ayrshare Instagram guidelines'),
]
const instagramLink: LinkRules = {
  placement: 'not_clickable',
  source: 'Instagram renders caption URLs as plain text; the containers (docs/networks.md#instagram-containers) take no link parameter',
}
const instagramFirstComment: FirstCommentRules = {
  supported: true,
  counting: 'chars',
  max: limit(
    2200,
    'warning',
    'docs/networks.md#instagram-comments (POST /{ig-media-id}/comments)',
    'comment length not documented: assumed equal to the caption limit [unverified]',
  ),
  source: 'docs/networks.md#instagram-comments; Meta IG comment moderation docs',
}
const instagramPreview: PreviewTruncation = {
  characters: 125,
  approximate: true,
  source: `${approximateUi}: Instagram shows about 125 characters before "more"`,
}
const instagramImageJpeg = {
  mimeTypes: ['image/jpeg'],
  mimeSource: 'docs/networks.md#instagram-containers (image_url JPEG), docs/networks.md#instagram-media-limits; Meta IG content publishing docs',
} as const
const instagramImageBytes = max(8 * MiB, 'error', 'docs/networks.md#instagram-media-limits; Meta IG content publishing docs (subcode 2207004)')
const instagramVideoMimes = {
  mimeTypes: ['video/mp4', 'video/quicktime'],
  mimeSource: 'docs/networks.md#instagram-media-limits (MOV/MP4); Meta IG content publishing docs',
} as const
const reelSource = 'docs/networks.md#instagram-media-limits (Instagram Reel); Meta IG content publishing docs'
const reelBytes = max(300 * MiB, 'error', reelSource, 'newer vendor docs quote 1 GB [conflict]: the documented 300 MB is enforced')
const reelDuration: readonly SourcedBound[] = [min(3, 'error', reelSource), max(15 * 60, 'error', reelSource)]
const reelAcceptedAspect: SourcedRange = {
  min: 0.01,
  max: 10,
  severity: 'error',
  source: reelSource,
  label: '0.01:1–10:1',
}

// --- YouTube, shared by long-form and Shorts ----------------------------------------------

const youtubeSource = 'docs/networks.md#youtube-limits-and-shorts; YouTube Data API videos.insert docs'
const youtubeAngleBrackets: ForbiddenCharacters = {
  characters: ['<', '>'],
  severity: 'error',
  source: `${youtubeSource} (invalidTitle / invalidDescription)`,
}
const youtubeText: TextRules = {
  role: 'description',
  counting: 'utf8-bytes',
  max: limit(5000, 'error', youtubeSource),
  forbiddenCharacters: youtubeAngleBrackets,
}
const youtubeTitle: TitleRules = {
  counting: 'chars',
  max: limit(100, 'error', youtubeSource),
  forbiddenCharacters: youtubeAngleBrackets,
  missing: 'warning',
  missingSource: `${youtubeSource} (snippet.title is required; the publisher falls back to the content item's title)`,
}
const youtubeHashtags: readonly SourcedBound[] = [
  max(
    60,
    'error',
    'docs/networks.md#youtube-limits-and-shorts; YouTube hashtag policy',
    'not rejected by the API, but YouTube then ignores every hashtag: a certain loss, so an error',
  ),
]
const youtubeFirstComment: FirstCommentRules = {
  supported: true,
  counting: 'chars',
  max: null,
  source: 'docs/networks.md#youtube-comments (commentThreads / comments.insert); no length limit documented',
}
const youtubeVideoMimes = {
  mimeTypes: ['video/mp4', 'video/quicktime', 'video/webm', 'video/x-msvideo', 'video/x-matroska', 'video/mpeg'],
  mimeSource: 'docs/networks.md#youtube-limits-and-shorts (MP4 H.264/AAC recommended); YouTube accepts the common container formats',
} as const
const youtubeBytes = max(256 * GiB, 'error', youtubeSource)
const youtubeAltText = altWarning('YouTube takes no alt text for videos (docs/networks.md#youtube-resumable-upload)')

// --- The table -----------------------------------------------------------------------------

export const platformLimits: Readonly<Record<Platform, PlatformLimits>> = {
  facebook: {
    label: 'Facebook Page',
    labels: { en: 'Facebook', fr: 'Facebook', ar: 'فيسبوك' },
    text: {
      role: 'post',
      counting: 'chars',
      max: limit(63206, 'error', 'docs/networks.md#facebook-limits; Meta Pages API posts docs'),
    },
    title: null,
    hashtags: [],
    mentions: [],
    link: {
      placement: 'link_field',
      placementWithMedia: 'text',
      source:
        'docs/networks.md#facebook-posts (link field of /feed gives the preview card; photos and videos have no link field, so the link goes in the message)',
    },
    firstComment: {
      supported: true,
      counting: 'chars',
      max: null,
      source: 'docs/networks.md#facebook-comments (POST /{post-id}/comments); no length limit documented',
    },
    previewTruncation: {
      characters: 477,
      approximate: true,
      source: `${approximateUi}: desktop feed shows about 477 characters, mobile fewer`,
    },
    media: {
      count: [min(0, 'error', 'docs/networks.md#facebook-posts (text-only posts allowed)')],
      mixedKinds: {
        allowed: false,
        source: 'docs/networks.md#facebook-posts (attached_media takes photos only; a video is its own post)',
      },
      kinds: {
        image: {
          mimeTypes: ['image/jpeg', 'image/png', 'image/gif', 'image/bmp', 'image/tiff'],
          mimeSource: 'docs/networks.md#facebook-limits; Meta Pages photos docs',
          bytes: [
            max(10 * MiB, 'error', 'docs/networks.md#facebook-limits; Meta Pages photos docs'),
            max(4 * MiB, 'warning', 'docs/networks.md#facebook-photos (keep < ~4 MB for the API: subcode 1366046)'),
          ],
          dimensions: [dimension('side', 'max', 2048, 'warning', 'docs/networks.md#facebook-limits (≤ 2048 px side; larger images are downscaled)')],
          altText: altWarning('the Pages photo upload (docs/networks.md#facebook-photos) takes no alt text'),
        },
        video: {
          mimeTypes: ['video/mp4', 'video/quicktime'],
          mimeSource: 'docs/networks.md#facebook-limits; Meta video publishing docs',
          maxCount: limit(1, 'error', 'docs/networks.md#facebook-videos (one video per post)'),
          bytes: [max(10 * GiB, 'error', 'docs/networks.md#facebook-limits (resumable upload); Meta video publishing docs')],
          durationSeconds: [max(240 * 60, 'error', 'docs/networks.md#facebook-limits; Meta video publishing docs')],
          aspectRatios: [
            around(16, 9, 'warning', 'docs/networks.md#facebook-limits (16:9 or 9:16 recommended)'),
            around(9, 16, 'warning', 'docs/networks.md#facebook-limits (16:9 or 9:16 recommended)'),
          ],
          altText: altWarning('Facebook takes no alt text for videos'),
        },
      },
    },
  },

  instagram_feed: {
    label: 'Instagram post (image or carousel)',
    labels: { en: 'Instagram (post)', fr: 'Instagram (publication)', ar: 'إنستغرام (منشور)' },
    text: instagramCaption,
    title: null,
    hashtags: instagramHashtags,
    mentions: instagramMentions,
    link: instagramLink,
    firstComment: instagramFirstComment,
    previewTruncation: instagramPreview,
    media: {
      count: [
        min(1, 'error', 'docs/networks.md#instagram-containers (a feed post is an image or a carousel)'),
        max(10, 'error', 'docs/networks.md#instagram-containers (carousel 2–10 items)'),
      ],
      mixedKinds: { allowed: true, source: 'docs/networks.md#instagram-media-limits (carousel mixes images and videos)' },
      note: 'A single video is a Reel since 2023-07: it belongs to an instagram_reel variant; videos are accepted here only inside a carousel.',
      kinds: {
        image: {
          ...instagramImageJpeg,
          bytes: [instagramImageBytes],
          aspectRatios: [
            {
              min: 0.8,
              max: 1.91,
              severity: 'error',
              source: 'docs/networks.md#instagram-media-limits (4:5–1.91:1; subcodes 2207009 / 36003)',
              label: '4:5–1.91:1',
            },
          ],
          dimensions: [
            dimension('width', 'min', 320, 'warning', 'docs/networks.md#instagram-media-limits (width 320–1440; outside, Instagram rescales)'),
            dimension('width', 'max', 1440, 'warning', 'docs/networks.md#instagram-media-limits (width 320–1440; outside, Instagram rescales)'),
          ],
          altText: altError('the container takes alt_text for images (docs/networks.md#instagram-containers)'),
        },
        video: {
          ...instagramVideoMimes,
          onlyInCarousel: { source: 'docs/networks.md#instagram-containers (all single feed videos are Reels since 2023-07)' },
          bytes: [reelBytes],
          durationSeconds: reelDuration,
          aspectRatios: [
            reelAcceptedAspect,
            {
              min: 0.8,
              max: 1.91,
              severity: 'warning',
              source: 'docs/networks.md#instagram-media-limits (carousel: the first item sets the crop)',
              label: '4:5–1.91:1',
            },
          ],
          altText: altWarning('Instagram alt_text applies to images only (docs/networks.md#instagram-containers)'),
        },
      },
    },
  },

  instagram_reel: {
    label: 'Instagram Reel',
    labels: { en: 'Instagram (Reel)', fr: 'Instagram (Reel)', ar: 'إنستغرام (ريلز)' },
    text: instagramCaption,
    title: null,
    hashtags: instagramHashtags,
    mentions: instagramMentions,
    link: instagramLink,
    firstComment: instagramFirstComment,
    previewTruncation: instagramPreview,
    media: {
      count: [
        min(1, 'error', 'docs/networks.md#instagram-containers (media_type=REELS + video_url)'),
        max(1, 'error', 'docs/networks.md#instagram-containers (one video per Reel)'),
      ],
      mixedKinds: { allowed: false, source: 'docs/networks.md#instagram-containers' },
      kinds: {
        video: {
          ...instagramVideoMimes,
          bytes: [reelBytes],
          durationSeconds: reelDuration,
          aspectRatios: [reelAcceptedAspect, around(9, 16, 'warning', `${reelSource} (1080×1920 9:16 recommended)`)],
          dimensions: [dimension('width', 'max', 1920, 'error', `${reelSource} (≤ 1920 px wide)`)],
          altText: altWarning('Instagram alt_text applies to images only (docs/networks.md#instagram-containers)'),
        },
      },
    },
  },

  instagram_story: {
    label: 'Instagram Story',
    labels: { en: 'Instagram (Story)', fr: 'Instagram (story)', ar: 'إنستغرام (قصة)' },
    text: {
      role: 'none',
      counting: 'chars',
      max: null,
      source: 'docs/networks.md#instagram-containers (STORIES containers take no caption)',
    },
    title: null,
    hashtags: [],
    mentions: [],
    link: {
      placement: 'not_supported',
      source: 'docs/networks.md#instagram-containers (STORIES containers take no caption and no link)',
    },
    firstComment: {
      supported: false,
      counting: 'chars',
      max: null,
      source: 'docs/networks.md#instagram-comments (stories take replies, not comments)',
    },
    previewTruncation: null,
    media: {
      count: [
        min(1, 'error', 'docs/networks.md#instagram-containers (media_type=STORIES + image_url or video_url)'),
        max(1, 'error', 'docs/networks.md#instagram-containers (one image or video per story)'),
      ],
      mixedKinds: { allowed: false, source: 'docs/networks.md#instagram-containers' },
      kinds: {
        image: {
          ...instagramImageJpeg,
          bytes: [instagramImageBytes],
          aspectRatios: [around(9, 16, 'warning', 'docs/networks.md#instagram-media-limits (9:16 recommended)')],
          altText: altWarning('STORIES containers take no alt_text (docs/networks.md#instagram-containers)'),
        },
        video: {
          ...instagramVideoMimes,
          bytes: [max(100 * MiB, 'error', 'docs/networks.md#instagram-media-limits (Instagram Story video ≤ 100 MB)')],
          durationSeconds: [
            min(3, 'error', 'docs/networks.md#instagram-media-limits (Instagram Story video 3–60 s)'),
            max(60, 'error', 'docs/networks.md#instagram-media-limits (Instagram Story video 3–60 s)'),
          ],
          aspectRatios: [around(9, 16, 'warning', 'docs/networks.md#instagram-media-limits (9:16)')],
          altText: altWarning('STORIES containers take no alt_text (docs/networks.md#instagram-containers)'),
        },
      },
    },
  },

  x: {
    label: 'X post',
    labels: { en: 'X', fr: 'X', ar: 'إكس' },
    text: {
      role: 'post',
      counting: 'twitter-weighted',
      max: limit(280, 'error', 'docs/networks.md#x-weighted-length; twitter-text config v3 (URLs count 23)', 'Premium accounts: 25,000'),
    },
    title: null,
    hashtags: [],
    mentions: [],
    link: {
      placement: 'text',
      source: 'docs/networks.md#x-weighted-length (a URL in the text counts 23 weighted characters)',
    },
    firstComment: {
      supported: true,
      counting: 'twitter-weighted',
      max: limit(280, 'error', 'docs/networks.md#x-posts-and-media (a reply is a post), docs/networks.md#x-weighted-length'),
      source: 'docs/networks.md#x-posts-and-media (reply.in_reply_to_tweet_id)',
    },
    previewTruncation: null,
    media: {
      count: [max(4, 'error', 'docs/networks.md#x-posts-and-media (up to 4 images, or 1 GIF, or 1 video)')],
      mixedKinds: { allowed: false, source: 'docs/networks.md#x-posts-and-media (4 images, or 1 GIF, or 1 video)' },
      kinds: {
        image: {
          mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/gif'],
          mimeSource: 'docs/networks.md#x-limits; X media upload docs',
          maxCount: limit(4, 'error', 'docs/networks.md#x-posts-and-media'),
          bytes: [max(5 * MiB, 'error', 'docs/networks.md#x-limits; X media upload docs')],
          mimeOverrides: {
            'image/gif': {
              maxBytes: [max(15 * MiB, 'error', 'docs/networks.md#x-limits (GIF ≤ 15 MB)')],
              mustBeAlone: { source: 'docs/networks.md#x-posts-and-media (1 GIF per post)' },
            },
          },
          dimensions: [
            dimension('side', 'min', 4, 'error', 'docs/networks.md#x-limits (4×4–8192×8192)'),
            dimension('side', 'max', 8192, 'error', 'docs/networks.md#x-limits (4×4–8192×8192)'),
          ],
          altText: altError('X takes alt text per image (docs/networks.md#x-media-upload, POST /2/media/metadata)'),
        },
        video: {
          mimeTypes: ['video/mp4', 'video/quicktime'],
          mimeSource: 'docs/networks.md#x-limits (MP4/MOV H.264); X media upload docs',
          maxCount: limit(1, 'error', 'docs/networks.md#x-posts-and-media (1 video per post)'),
          bytes: [max(512 * MiB, 'error', 'docs/networks.md#x-limits')],
          durationSeconds: [
            min(0.5, 'error', 'docs/networks.md#x-limits (0.5–140 s)'),
            max(140, 'error', 'docs/networks.md#x-limits (0.5–140 s)', 'longer for Premium / amplify_video'),
          ],
          aspectRatios: [
            {
              min: 1 / 3,
              max: 3,
              severity: 'error',
              source: 'docs/networks.md#x-limits (aspect 1:3–3:1)',
              label: '1:3–3:1',
            },
          ],
          dimensions: [
            dimension(
              'width',
              'max',
              1280,
              'warning',
              'docs/networks.md#x-limits (≤ 1280×1024)',
              '1920×1200 is quoted for amplify_video and larger vertical videos are common: not enforced [unverified]',
            ),
            dimension('height', 'max', 1024, 'warning', 'docs/networks.md#x-limits (≤ 1280×1024)', 'see width'),
          ],
          altText: altWarning('X alt text is for images (docs/networks.md#x-media-upload)'),
        },
      },
    },
  },

  linkedin: {
    label: 'LinkedIn Page post',
    labels: { en: 'LinkedIn', fr: 'LinkedIn', ar: 'لينكدإن' },
    text: {
      role: 'post',
      counting: 'chars',
      max: limit(
        3000,
        'error',
        'docs/networks.md#linkedin-posts-api; LinkedIn Posts API (commentary)',
        'measured before "little text format" escaping, which the publisher adds [uncertain whether escapes count]',
      ),
    },
    title: null,
    hashtags: [],
    mentions: [],
    link: { placement: 'text', source: 'docs/networks.md#linkedin-posts-api (URLs left intact in commentary auto-link)' },
    firstComment: {
      supported: true,
      counting: 'chars',
      max: null,
      source: 'docs/networks.md#linkedin-comments (POST /rest/socialActions/{urn}/comments); no length limit documented',
    },
    previewTruncation: {
      characters: 210,
      approximate: true,
      source: `${approximateUi}: LinkedIn shows about 210 characters before "…more"`,
    },
    media: {
      count: [max(20, 'error', 'docs/networks.md#linkedin-posts-api (multiImage 2–20)')],
      mixedKinds: {
        allowed: false,
        source: 'docs/networks.md#linkedin-posts-api (content is one media, one multiImage, or one document)',
      },
      kinds: {
        image: {
          mimeTypes: ['image/jpeg', 'image/png', 'image/gif'],
          mimeSource: 'docs/networks.md#linkedin-limits; LinkedIn Images API',
          maxCount: limit(20, 'error', 'docs/networks.md#linkedin-posts-api (multiImage 2–20)'),
          bytes: [max(5 * MiB, 'warning', 'docs/networks.md#linkedin-limits (≤ 5 MB recommended)')],
          dimensions: [dimension('pixels', 'max', 36_152_319, 'error', 'docs/networks.md#linkedin-limits (< 36,152,320 px)')],
          altText: altError('LinkedIn takes altText per image (docs/networks.md#linkedin-posts-api)'),
        },
        video: {
          mimeTypes: ['video/mp4'],
          mimeSource: 'docs/networks.md#linkedin-limits; LinkedIn Videos API',
          maxCount: limit(1, 'error', 'docs/networks.md#linkedin-posts-api (one media)'),
          bytes: [
            min(75 * KiB, 'error', 'docs/networks.md#linkedin-limits (75 KB–500 MB)'),
            max(500 * MiB, 'error', 'docs/networks.md#linkedin-limits (75 KB–500 MB)', '200 MB and 5 GB also quoted [conflict]'),
          ],
          durationSeconds: [
            min(3, 'error', 'docs/networks.md#linkedin-limits (3 s–30 min)'),
            max(30 * 60, 'error', 'docs/networks.md#linkedin-limits (3 s–30 min)'),
          ],
          aspectRatios: [
            {
              min: 1 / 2.4,
              max: 2.4,
              severity: 'error',
              source: 'docs/networks.md#linkedin-limits (1:2.4–2.4:1)',
              label: '1:2.4–2.4:1',
            },
          ],
          altText: altWarning('LinkedIn altText is documented for images (docs/networks.md#linkedin-posts-api)'),
        },
        pdf: {
          mimeTypes: ['application/pdf'],
          mimeSource: 'docs/networks.md#linkedin-limits (Documents API: PDF/PPT/DOC)',
          maxCount: limit(1, 'error', 'docs/networks.md#linkedin-posts-api (one document)'),
          bytes: [max(100 * MiB, 'error', 'docs/networks.md#linkedin-limits (≤ 100 MB, ≤ 300 pages)')],
          altText: altWarning('LinkedIn documents carry a title, not alt text (docs/networks.md#linkedin-posts-api)'),
        },
      },
    },
  },

  youtube: {
    label: 'YouTube video',
    labels: { en: 'YouTube', fr: 'YouTube', ar: 'يوتيوب' },
    text: youtubeText,
    title: youtubeTitle,
    hashtags: youtubeHashtags,
    mentions: [],
    link: { placement: 'text', source: 'docs/networks.md#youtube-resumable-upload (links go in the description)' },
    firstComment: youtubeFirstComment,
    previewTruncation: {
      characters: 157,
      approximate: true,
      source: `${approximateUi}: about 157 characters of the description show under the video`,
    },
    media: {
      count: [
        min(1, 'error', 'docs/networks.md#youtube-resumable-upload (videos.insert uploads one video)'),
        max(1, 'error', 'docs/networks.md#youtube-resumable-upload (videos.insert uploads one video)'),
      ],
      mixedKinds: { allowed: false, source: 'docs/networks.md#youtube-resumable-upload' },
      kinds: {
        video: {
          ...youtubeVideoMimes,
          bytes: [youtubeBytes],
          durationSeconds: [max(12 * 3600, 'error', youtubeSource), max(15 * 60, 'warning', `${youtubeSource} (> 15 min needs a verified channel)`)],
          aspectRatios: [around(16, 9, 'warning', 'docs/networks.md#youtube-limits-and-shorts (1280×720 recommended)')],
          altText: youtubeAltText,
        },
      },
    },
  },

  youtube_short: {
    label: 'YouTube Short',
    labels: { en: 'YouTube (Short)', fr: 'YouTube (Short)', ar: 'يوتيوب (شورتس)' },
    text: youtubeText,
    title: youtubeTitle,
    hashtags: youtubeHashtags,
    mentions: [],
    link: { placement: 'text', source: 'docs/networks.md#youtube-resumable-upload (links go in the description)' },
    firstComment: youtubeFirstComment,
    previewTruncation: null,
    media: {
      count: [
        min(1, 'error', 'docs/networks.md#youtube-resumable-upload (videos.insert uploads one video)'),
        max(1, 'error', 'docs/networks.md#youtube-resumable-upload (videos.insert uploads one video)'),
      ],
      mixedKinds: { allowed: false, source: 'docs/networks.md#youtube-resumable-upload' },
      note: 'There is no API flag for Shorts: YouTube classifies a video as a Short from its duration and shape, so those are errors here.',
      kinds: {
        video: {
          ...youtubeVideoMimes,
          bytes: [youtubeBytes],
          durationSeconds: [max(180, 'error', 'docs/networks.md#youtube-limits-and-shorts (Short ≤ 3 min, auto-classified)')],
          aspectRatios: [
            {
              min: 0.01,
              max: 1,
              severity: 'error',
              source: 'docs/networks.md#youtube-limits-and-shorts (Short: vertical 9:16 or square)',
              label: 'vertical or square',
            },
            around(9, 16, 'warning', 'docs/networks.md#youtube-limits-and-shorts (1080×1920 recommended)'),
          ],
          altText: youtubeAltText,
        },
      },
    },
  },

  tiktok: {
    label: 'TikTok video',
    labels: { en: 'TikTok', fr: 'TikTok', ar: 'تيك توك' },
    text: {
      role: 'caption',
      counting: 'utf16',
      max: limit(2200, 'error', 'docs/networks.md#tiktok-video-direct-post (post_info.title ≤ 2200 UTF-16 units)'),
    },
    title: null,
    hashtags: [],
    mentions: [],
    link: {
      placement: 'not_clickable',
      source: 'TikTok captions do not link URLs; the direct post (docs/networks.md#tiktok-video-direct-post) has no link field',
    },
    firstComment: {
      supported: false,
      counting: 'utf16',
      max: null,
      source: 'docs/networks.md#tiktok-comments (the Content Posting API has no comment endpoint)',
    },
    previewTruncation: {
      characters: 100,
      approximate: true,
      source: `${approximateUi}: about 100 characters of the caption show over the video`,
    },
    media: {
      count: [
        min(1, 'error', 'docs/networks.md#tiktok-video-direct-post (video/init posts one video)'),
        max(1, 'error', 'docs/networks.md#tiktok-video-direct-post (video/init posts one video)'),
      ],
      mixedKinds: { allowed: false, source: 'docs/networks.md#tiktok-video-direct-post' },
      note: 'Photo posts (content/init) split the text into a 90-character title and a 4,000-character description and refuse PNG: they do not fit one variant text, so this surface is video only.',
      kinds: {
        video: {
          mimeTypes: ['video/mp4', 'video/webm', 'video/quicktime'],
          mimeSource: 'docs/networks.md#tiktok-limits (MP4 recommended / WebM / MOV); TikTok media transfer guide',
          bytes: [
            max(4 * GiB, 'error', 'docs/networks.md#tiktok-limits (≤ 4 GB)'),
            max(1 * GiB, 'warning', 'docs/networks.md#tiktok-limits (vendors cap at 1 GB)'),
          ],
          durationSeconds: [
            min(3, 'error', 'docs/networks.md#tiktok-limits (3 s minimum)'),
            max(
              600,
              'warning',
              'docs/networks.md#tiktok-limits (max_video_post_duration_sec, typically 600 s)',
              'per creator: the publisher checks creator_info before posting',
            ),
          ],
          dimensions: [
            dimension('side', 'min', 360, 'error', 'docs/networks.md#tiktok-limits (360–4096 px per side)'),
            dimension('side', 'max', 4096, 'error', 'docs/networks.md#tiktok-limits (360–4096 px per side)'),
          ],
          aspectRatios: [around(9, 16, 'warning', 'docs/networks.md#tiktok-limits (9:16 recommended)')],
          altText: altWarning('TikTok takes no alt text (docs/networks.md#tiktok-video-direct-post)'),
        },
      },
    },
  },
}

/** Where the link goes for this surface, given whether media are attached. */
export function linkPlacementFor(rules: LinkRules, hasMedia: boolean): LinkPlacement {
  return hasMedia && rules.placementWithMedia !== undefined ? rules.placementWithMedia : rules.placement
}
