import { platformLimits, platforms, type SourcedLimit } from '../../src/domain/platform-limits'
import { cpuMilliseconds } from '../helpers/cpu-time'
import {
  composePostText,
  countUtf8Bytes,
  countWeightedX,
  extractHashtags,
  extractMentions,
  isValidWebLink,
  validateVariant,
  type Issue,
  type MediaFacts,
  type ValidationReport,
  type VariantToValidate,
} from '../../src/domain/variant-validation'

const MiB = 1024 * 1024
const GiB = 1024 * MiB

const fullAltText = { fr: 'Texte alternatif', ar: 'نص بديل', ary: 'نص بديل بالدارجة' }

function image(overrides: Partial<MediaFacts> = {}): MediaFacts {
  return {
    id: 'img',
    kind: 'image',
    mimeType: 'image/jpeg',
    filesize: 500 * 1024,
    width: 1080,
    height: 1080,
    altText: fullAltText,
    consent: 'not_required',
    filename: 'visuel.jpg',
    ...overrides,
  }
}

function video(overrides: Partial<MediaFacts> = {}): MediaFacts {
  return {
    id: 'vid',
    kind: 'video',
    mimeType: 'video/mp4',
    filesize: 20 * MiB,
    width: 1080,
    height: 1920,
    durationSeconds: 30,
    altText: fullAltText,
    consent: 'ok',
    filename: 'clip.mp4',
    ...overrides,
  }
}

function pdf(overrides: Partial<MediaFacts> = {}): MediaFacts {
  return {
    id: 'doc',
    kind: 'pdf',
    mimeType: 'application/pdf',
    filesize: 2 * MiB,
    altText: fullAltText,
    consent: 'not_required',
    ...overrides,
  }
}

function validate(variant: Partial<VariantToValidate> & Pick<VariantToValidate, 'platform'>): ValidationReport {
  return validateVariant({ language: 'fr', media: [], ...variant })
}

const codes = (issues: Issue[]) => issues.map((issue) => issue.code)
const errorCodes = (report: ValidationReport) => codes(report.errors)
const warningCodes = (report: ValidationReport) => codes(report.warnings)
const find = (issues: Issue[], code: string) => issues.find((issue) => issue.code === code)

describe('X weighted length (twitter-text v3)', () => {
  it('accepts 279 and 280 weighted characters and refuses 281', () => {
    for (const length of [279, 280]) {
      const report = validate({ platform: 'x', text: 'a'.repeat(length) })
      expect(report.ok).toBe(true)
      expect(report.measures).toMatchObject({
        textLength: length,
        textLimit: 280,
        countingMethod: 'twitter-weighted',
      })
    }
    const tooLong = validate({ platform: 'x', text: 'a'.repeat(281) })
    expect(tooLong.ok).toBe(false)
    expect(find(tooLong.errors, 'text.too_long')).toMatchObject({ field: 'text', limit: 280, actual: 281 })
  })

  it('counts a URL in the text as 23 whatever its length', () => {
    const url = `https://example.com/${'chemin/'.repeat(30)}`
    expect(countWeightedX(url)).toBe(23)
    expect(validate({ platform: 'x', text: `${'a'.repeat(256)} ${url}` }).measures.textLength).toBe(280)
    expect(validate({ platform: 'x', text: `${'a'.repeat(256)} ${url}` }).ok).toBe(true)
    expect(errorCodes(validate({ platform: 'x', text: `${'a'.repeat(257)} ${url}` }))).toContain('text.too_long')
  })

  it('appends the link field to the post, counted as 23 after a blank line', () => {
    const link = `https://www.justice.gov.ma/${'x'.repeat(120)}`
    const fits = validate({ platform: 'x', text: 'a'.repeat(255), link })
    expect(fits.measures.textLength).toBe(255 + 2 + 23)
    expect(fits.ok).toBe(true)
    expect(errorCodes(validate({ platform: 'x', text: 'a'.repeat(256), link }))).toContain('text.too_long')
  })

  it('counts Arabic letters as 1', () => {
    expect(countWeightedX('العقوبات البديلة')).toBe(16)
    expect(validate({ platform: 'x', language: 'ar', text: 'ب'.repeat(280) }).ok).toBe(true)
    const tooLong = validate({ platform: 'x', language: 'ar', text: 'ب'.repeat(281) })
    expect(find(tooLong.errors, 'text.too_long')).toMatchObject({ actual: 281 })
  })

  it('counts an emoji, even a ZWJ family or a flag, as 2', () => {
    expect(countWeightedX('👨‍👩‍👧‍👦')).toBe(2)
    expect(countWeightedX('🇲🇦')).toBe(2)
    expect(validate({ platform: 'x', text: `${'a'.repeat(278)}😀` }).measures.textLength).toBe(280)
    expect(validate({ platform: 'x', text: `${'a'.repeat(278)}😀` }).ok).toBe(true)
    expect(errorCodes(validate({ platform: 'x', text: `${'a'.repeat(279)}😀` }))).toContain('text.too_long')
  })

  it('refuses characters X rejects', () => {
    expect(errorCodes(validate({ platform: 'x', text: 'a\uFEFFb' }))).toEqual(['text.invalid_characters'])
  })

  it('measures hashtags appended with a # where missing', () => {
    const report = validate({
      platform: 'x',
      text: 'Les peines alternatives',
      hashtags: ['#Badil', 'Loi43_22', ' العقوبات_البديلة '],
    })
    expect(report.measures.hashtagCount).toBe(3)
    expect(report.measures.textLength).toBe(countWeightedX('Les peines alternatives\n\n#Badil #Loi43_22 #العقوبات_البديلة'))
  })

  it('checks the first comment (a reply) against 280 too', () => {
    expect(validate({ platform: 'x', text: 'ok', firstComment: 'a'.repeat(280) }).ok).toBe(true)
    expect(find(validate({ platform: 'x', text: 'ok', firstComment: 'a'.repeat(281) }).errors, 'first_comment.too_long')).toMatchObject({
      field: 'firstComment',
      limit: 280,
      actual: 281,
    })
  })

  it('refuses an empty post', () => {
    expect(errorCodes(validate({ platform: 'x', text: '  ' }))).toEqual(['content.empty'])
    expect(validate({ platform: 'x', media: [image()] }).ok).toBe(true)
  })

  it('says when appended hashtags and link are part of the length', () => {
    const report = validate({
      platform: 'x',
      text: 'a'.repeat(280),
      hashtags: ['Badil'],
      link: 'https://badil.ma',
    })
    const issue = find(report.errors, 'text.too_long')
    expect(issue?.message.en).toContain('hashtags and link included')
    expect(issue?.message.fr).toContain('hashtags et lien compris')
    expect(issue?.message.ar).toContain('مع احتساب الوسوم والرابط')
  })

  it('stays fast on a long run of letters without spaces, which twitter-text handles quadratically', () => {
    let measured: ReturnType<typeof validate> | undefined
    const used = cpuMilliseconds(() => {
      measured = validate({
        platform: 'x',
        language: 'ar',
        text: `${'ب'.repeat(50000)} 43.22 a.b c.d`,
        firstComment: 'ب'.repeat(20000),
      })
    })
    expect(used).toBeLessThan(5000)
    const report = measured!
    expect(report.measures.textLength).toBe(50000 + ' 43.22 a.b c.d'.length)
    expect(errorCodes(report).sort()).toEqual(['first_comment.too_long', 'text.too_long'])
    expect(countWeightedX('😀'.repeat(2100))).toBe(4200)
  })

  it('has no preview truncation', () => {
    expect(validate({ platform: 'x', text: 'a'.repeat(270) }).measures.truncationIndex).toBeUndefined()
  })
})

describe('X media', () => {
  it('takes up to 4 images, not 5', () => {
    expect(validate({ platform: 'x', text: 't', media: [image(), image(), image(), image()] }).ok).toBe(true)
    const five = validate({ platform: 'x', text: 't', media: [image(), image(), image(), image(), image()] })
    expect(find(five.errors, 'media.count')).toMatchObject({ field: 'media', limit: 4, actual: 5 })
  })

  it('takes one video only, and does not mix it with images', () => {
    expect(find(validate({ platform: 'x', text: 't', media: [video(), video()] }).errors, 'media.count')).toMatchObject({
      limit: 1,
      actual: 2,
    })
    expect(errorCodes(validate({ platform: 'x', text: 't', media: [video(), image()] }))).toContain('media.mixed')
  })

  it('takes a GIF alone, up to 15 MB', () => {
    const gif = image({ mimeType: 'image/gif', filesize: 15 * MiB })
    expect(validate({ platform: 'x', text: 't', media: [gif] }).ok).toBe(true)
    expect(find(validate({ platform: 'x', text: 't', media: [gif, image()] }).errors, 'media.count')).toMatchObject({
      field: 'media.0',
    })
    expect(
      errorCodes(
        validate({
          platform: 'x',
          text: 't',
          media: [image({ mimeType: 'image/gif', filesize: 15 * MiB + 1 })],
        }),
      ),
    ).toEqual(['media.size'])
  })

  it('limits images to 5 MB', () => {
    expect(validate({ platform: 'x', text: 't', media: [image({ filesize: 5 * MiB })] }).ok).toBe(true)
    const tooBig = validate({ platform: 'x', text: 't', media: [image({ filesize: 5 * MiB + 1 })] })
    expect(find(tooBig.errors, 'media.size')).toMatchObject({
      field: 'media.0',
      limit: 5 * MiB,
      actual: 5 * MiB + 1,
    })
  })

  it('refuses a PDF', () => {
    expect(find(validate({ platform: 'x', text: 't', media: [pdf()] }).errors, 'media.type')).toMatchObject({
      field: 'media.0',
    })
  })

  it('limits video duration to 0.5–140 s', () => {
    expect(validate({ platform: 'x', text: 't', media: [video({ durationSeconds: 140 })] }).ok).toBe(true)
    expect(find(validate({ platform: 'x', text: 't', media: [video({ durationSeconds: 141 })] }).errors, 'video.duration')).toMatchObject({
      limit: 140,
      actual: 141,
    })
    expect(errorCodes(validate({ platform: 'x', text: 't', media: [video({ durationSeconds: 0.4 })] }))).toEqual(['video.duration'])
  })

  it('limits video aspect ratio to 1:3–3:1', () => {
    expect(validate({ platform: 'x', text: 't', media: [video({ width: 1200, height: 400 })] }).ok).toBe(true)
    expect(errorCodes(validate({ platform: 'x', text: 't', media: [video({ width: 1210, height: 400 })] }))).toEqual(['media.aspect'])
  })

  it('requires alt text for images in the variant language, recommends it for video', () => {
    const darijaMissing = { fr: 'Texte', ar: 'نص', ary: null }
    const report = validate({
      platform: 'x',
      language: 'ary',
      text: 't',
      media: [image({ altText: darijaMissing })],
    })
    expect(find(report.errors, 'alt.missing')).toMatchObject({ field: 'media.0' })
    expect(validate({ platform: 'x', language: 'fr', text: 't', media: [image({ altText: darijaMissing })] }).ok).toBe(true)
    const videoReport = validate({
      platform: 'x',
      language: 'ary',
      text: 't',
      media: [video({ altText: darijaMissing })],
    })
    expect(videoReport.ok).toBe(true)
    expect(warningCodes(videoReport)).toContain('alt.missing')
  })
})

describe('Instagram feed', () => {
  it('limits the caption to 2,200 characters', () => {
    expect(validate({ platform: 'instagram_feed', text: 'a'.repeat(2200), media: [image()] }).ok).toBe(true)
    expect(find(validate({ platform: 'instagram_feed', text: 'a'.repeat(2201), media: [image()] }).errors, 'text.too_long')).toMatchObject({
      limit: 2200,
      actual: 2201,
    })
  })

  it('errs above 30 hashtags and warns above 5', () => {
    const tags = (count: number) => Array.from({ length: count }, (_, index) => `tag${index}`)
    const five = validate({ platform: 'instagram_feed', hashtags: tags(5), media: [image()] })
    expect(five.warnings).toEqual([])
    const six = validate({ platform: 'instagram_feed', hashtags: tags(6), media: [image()] })
    expect(six.ok).toBe(true)
    expect(find(six.warnings, 'hashtags.too_many')).toMatchObject({ limit: 5, actual: 6 })
    const thirty = validate({ platform: 'instagram_feed', hashtags: tags(30), media: [image()] })
    expect(thirty.ok).toBe(true)
    expect(find(thirty.warnings, 'hashtags.too_many')).toMatchObject({ limit: 5, actual: 30 })
    const thirtyOne = validate({ platform: 'instagram_feed', hashtags: tags(31), media: [image()] })
    expect(find(thirtyOne.errors, 'hashtags.too_many')).toMatchObject({ limit: 30, actual: 31 })
    expect(warningCodes(thirtyOne)).not.toContain('hashtags.too_many')
  })

  it('counts hashtags and mentions written in the text, Arabic ones included', () => {
    const report = validate({
      platform: 'instagram_feed',
      language: 'ar',
      text: 'العقوبات البديلة #العقوبات_البديلة #بديل مع @ncsc_ma و @dgapr.ma — contact@badil.ma',
      hashtags: ['Loi43_22'],
      media: [image()],
    })
    expect(report.measures.hashtagCount).toBe(3)
    expect(report.measures.mentionCount).toBe(2)
  })

  it('errs above 20 mentions and warns above 3', () => {
    const mentions = (count: number) => Array.from({ length: count }, (_, index) => `@compte${index}`).join(' ')
    expect(find(validate({ platform: 'instagram_feed', text: mentions(4), media: [image()] }).warnings, 'mentions.too_many')).toMatchObject({
      limit: 3,
    })
    expect(find(validate({ platform: 'instagram_feed', text: mentions(21), media: [image()] }).errors, 'mentions.too_many')).toMatchObject({
      limit: 20,
      actual: 21,
    })
  })

  it('accepts image aspect ratios from 4:5 to 1.91:1', () => {
    const at = (width: number, height: number) => validate({ platform: 'instagram_feed', media: [image({ width, height })] })
    expect(at(1080, 1350).ok).toBe(true) // 0.8
    expect(find(at(790, 1000).errors, 'media.aspect')).toMatchObject({
      field: 'media.0',
      limit: 0.8,
      actual: 0.79,
    })
    expect(at(955, 500).ok).toBe(true) // 1.91
    expect(at(1080, 566).ok).toBe(true) // 1.908, Meta's own example
    expect(find(at(960, 500).errors, 'media.aspect')).toMatchObject({ limit: 1.91, actual: 1.92 })
  })

  it('sends a single video to the Reel variant but takes videos inside a carousel', () => {
    const single = validate({ platform: 'instagram_feed', media: [video()] })
    expect(find(single.errors, 'media.type')?.message.en).toMatch(/Reel/)
    expect(validate({ platform: 'instagram_feed', media: [image(), video()] }).ok).toBe(true)
  })

  it('takes 1 to 10 items', () => {
    expect(errorCodes(validate({ platform: 'instagram_feed', text: 'Sans image' }))).toEqual(['media.required'])
    expect(validate({ platform: 'instagram_feed', media: Array.from({ length: 10 }, () => image()) }).ok).toBe(true)
    expect(find(validate({ platform: 'instagram_feed', media: Array.from({ length: 11 }, () => image()) }).errors, 'media.count')).toMatchObject({
      limit: 10,
      actual: 11,
    })
  })

  it('takes JPEG only, up to 8 MB', () => {
    expect(errorCodes(validate({ platform: 'instagram_feed', media: [image({ mimeType: 'image/png' })] }))).toEqual(['media.type'])
    expect(validate({ platform: 'instagram_feed', media: [image({ filesize: 8 * MiB })] }).ok).toBe(true)
    expect(errorCodes(validate({ platform: 'instagram_feed', media: [image({ filesize: 8 * MiB + 1 })] }))).toEqual(['media.size'])
  })

  it('warns that a link is not clickable and leaves it out of the caption', () => {
    const report = validate({
      platform: 'instagram_feed',
      text: 'abc',
      link: 'https://badil.ma',
      media: [image()],
    })
    expect(report.ok).toBe(true)
    expect(warningCodes(report)).toEqual(['link.not_clickable'])
    expect(report.measures.textLength).toBe(3)
  })

  it('gives the UTF-16 index where the feed cuts the caption (125 characters)', () => {
    expect(validate({ platform: 'instagram_feed', text: 'a'.repeat(125), media: [image()] }).measures.truncationIndex).toBeUndefined()
    expect(validate({ platform: 'instagram_feed', text: 'a'.repeat(200), media: [image()] }).measures.truncationIndex).toBe(125)
    expect(validate({ platform: 'instagram_feed', text: '😀'.repeat(130), media: [image()] }).measures.truncationIndex).toBe(250)
  })
})

describe('Instagram Reel', () => {
  const reel = (overrides: Partial<MediaFacts>) => validate({ platform: 'instagram_reel', media: [video(overrides)] })

  it('takes videos from 3 s to 15 min', () => {
    expect(reel({ durationSeconds: 3 }).ok).toBe(true)
    expect(find(reel({ durationSeconds: 2.9 }).errors, 'video.duration')).toMatchObject({
      limit: 3,
      actual: 2.9,
    })
    expect(reel({ durationSeconds: 900 }).ok).toBe(true)
    expect(find(reel({ durationSeconds: 901 }).errors, 'video.duration')).toMatchObject({
      limit: 900,
      actual: 901,
    })
  })

  it('limits size to 300 MB and width to 1920 px', () => {
    expect(reel({ filesize: 300 * MiB }).ok).toBe(true)
    expect(errorCodes(reel({ filesize: 300 * MiB + 1 }))).toEqual(['media.size'])
    expect(errorCodes(reel({ width: 2160, height: 3840 }))).toEqual(['media.dimensions'])
  })

  it('recommends 9:16 without enforcing it', () => {
    const landscape = reel({ width: 1920, height: 1080 })
    expect(landscape.ok).toBe(true)
    expect(warningCodes(landscape)).toEqual(['media.aspect'])
  })

  it('needs exactly one video', () => {
    expect(errorCodes(validate({ platform: 'instagram_reel', media: [image()] }))).toEqual(['media.type'])
    expect(errorCodes(validate({ platform: 'instagram_reel', media: [video(), video()] }))).toEqual(['media.count'])
    expect(errorCodes(validate({ platform: 'instagram_reel' }))).toEqual(['media.required'])
  })

  it('warns when duration or dimensions are unknown', () => {
    const report = reel({ durationSeconds: null, width: null, height: null })
    expect(report.ok).toBe(true)
    expect(warningCodes(report).sort()).toEqual(['media.dimensions_unknown', 'video.duration_unknown'])
  })
})

describe('Instagram Story', () => {
  it('takes one image or one video of 3–60 s', () => {
    expect(validate({ platform: 'instagram_story', media: [video({ durationSeconds: 60 })] }).ok).toBe(true)
    expect(find(validate({ platform: 'instagram_story', media: [video({ durationSeconds: 61 })] }).errors, 'video.duration')).toMatchObject({
      limit: 60,
    })
    expect(errorCodes(validate({ platform: 'instagram_story', media: [video({ filesize: 100 * MiB + 1 })] }))).toEqual(['media.size'])
    expect(errorCodes(validate({ platform: 'instagram_story', media: [image({ width: 1080, height: 1920 }), image()] }))).toContain('media.count')
  })

  it('warns that text, link and first comment are not published', () => {
    const report = validate({
      platform: 'instagram_story',
      text: 'Texte',
      link: 'https://badil.ma',
      firstComment: 'Commentaire',
      media: [image({ width: 1080, height: 1920 })],
    })
    expect(report.ok).toBe(true)
    expect(warningCodes(report).sort()).toEqual(['first_comment.not_supported', 'link.not_supported', 'text.not_supported'])
    expect(report.measures.textLimit).toBeNull()
  })

  it('only warns about missing alt text, which stories cannot carry', () => {
    const report = validate({
      platform: 'instagram_story',
      media: [image({ width: 1080, height: 1920, altText: {} })],
    })
    expect(report.ok).toBe(true)
    expect(warningCodes(report)).toEqual(['alt.missing'])
  })
})

describe('LinkedIn', () => {
  it('limits commentary to 3,000 characters', () => {
    expect(validate({ platform: 'linkedin', text: 'a'.repeat(3000) }).ok).toBe(true)
    expect(find(validate({ platform: 'linkedin', text: 'a'.repeat(3001) }).errors, 'text.too_long')).toMatchObject({ limit: 3000, actual: 3001 })
  })

  it('counts the link inside the commentary', () => {
    expect(validate({ platform: 'linkedin', text: 'abc', link: 'https://badil.ma' }).measures.textLength).toBe(3 + 2 + 16)
  })

  it('takes one PDF document, alone', () => {
    expect(validate({ platform: 'linkedin', text: 't', media: [pdf()] }).ok).toBe(true)
    expect(errorCodes(validate({ platform: 'linkedin', text: 't', media: [pdf(), image()] }))).toContain('media.mixed')
    expect(errorCodes(validate({ platform: 'linkedin', text: 't', media: [pdf({ filesize: 100 * MiB + 1 })] }))).toEqual(['media.size'])
  })

  it('takes up to 20 images', () => {
    expect(validate({ platform: 'linkedin', text: 't', media: Array.from({ length: 20 }, () => image()) }).ok).toBe(true)
    expect(errorCodes(validate({ platform: 'linkedin', text: 't', media: Array.from({ length: 21 }, () => image()) }))).toContain('media.count')
  })

  it('enforces the pixel limit and recommends 5 MB images', () => {
    expect(errorCodes(validate({ platform: 'linkedin', text: 't', media: [image({ width: 6013, height: 6013 })] }))).toEqual(['media.dimensions'])
    expect(validate({ platform: 'linkedin', text: 't', media: [image({ width: 6012, height: 6013 })] }).ok).toBe(true)
    const heavy = validate({ platform: 'linkedin', text: 't', media: [image({ filesize: 6 * MiB })] })
    expect(heavy.ok).toBe(true)
    expect(warningCodes(heavy)).toEqual(['media.size'])
  })

  it('takes videos of 75 KB–500 MB, 3 s–30 min, 1:2.4–2.4:1', () => {
    const post = (overrides: Partial<MediaFacts>) => validate({ platform: 'linkedin', text: 't', media: [video(overrides)] })
    expect(post({}).ok).toBe(true)
    expect(find(post({ filesize: 70 * 1024 }).errors, 'media.size')).toMatchObject({ limit: 75 * 1024 })
    expect(errorCodes(post({ filesize: 500 * MiB + 1 }))).toEqual(['media.size'])
    expect(errorCodes(post({ durationSeconds: 1801 }))).toEqual(['video.duration'])
    expect(errorCodes(post({ width: 400, height: 1000 }))).toEqual(['media.aspect'])
  })
})

describe('YouTube', () => {
  const youtube = (overrides: Partial<VariantToValidate> = {}) =>
    validate({
      platform: 'youtube',
      title: 'Les peines alternatives',
      media: [video({ width: 1920, height: 1080 })],
      ...overrides,
    })

  it('limits the title to 100 characters without < or >', () => {
    expect(youtube({ title: 'a'.repeat(100) }).ok).toBe(true)
    expect(youtube({ title: 'a'.repeat(100) }).measures).toMatchObject({ titleLength: 100, titleLimit: 100 })
    expect(find(youtube({ title: 'a'.repeat(101) }).errors, 'title.too_long')).toMatchObject({
      field: 'title',
      limit: 100,
      actual: 101,
    })
    expect(errorCodes(youtube({ title: 'Loi 43.22 <nouveau>' }))).toEqual(['title.forbidden_chars'])
  })

  it('warns when the title is missing', () => {
    const report = youtube({ title: null })
    expect(report.ok).toBe(true)
    expect(warningCodes(report)).toEqual(['title.missing'])
  })

  it('limits the description to 5,000 UTF-8 bytes, Arabic letters counting 2', () => {
    expect(youtube({ text: 'a'.repeat(5000) }).ok).toBe(true)
    expect(find(youtube({ text: 'a'.repeat(5001) }).errors, 'text.too_long')).toMatchObject({
      limit: 5000,
      actual: 5001,
    })
    expect(countUtf8Bytes('ب')).toBe(2)
    const arabicFits = youtube({ language: 'ar', text: 'ب'.repeat(2500) })
    expect(arabicFits.ok).toBe(true)
    expect(arabicFits.measures).toMatchObject({ textLength: 5000, countingMethod: 'utf8-bytes' })
    expect(find(youtube({ language: 'ar', text: `${'ب'.repeat(2500)}a` }).errors, 'text.too_long')).toMatchObject({ actual: 5001 })
  })

  it('refuses < and > in the description', () => {
    expect(errorCodes(youtube({ text: 'a < b' }))).toEqual(['text.forbidden_chars'])
  })

  it('errs above 60 hashtags, which YouTube would all ignore', () => {
    const tags = Array.from({ length: 61 }, (_, index) => `tag${index}`)
    expect(find(youtube({ hashtags: tags }).errors, 'hashtags.too_many')).toMatchObject({
      limit: 60,
      actual: 61,
    })
    expect(youtube({ hashtags: tags.slice(0, 60) }).ok).toBe(true)
  })

  it('needs one video; warns above 15 minutes, refuses above 12 hours', () => {
    expect(errorCodes(youtube({ media: [image()] }))).toEqual(['media.type'])
    const long = youtube({ media: [video({ width: 1920, height: 1080, durationSeconds: 16 * 60 })] })
    expect(long.ok).toBe(true)
    expect(warningCodes(long)).toEqual(['video.duration'])
    expect(errorCodes(youtube({ media: [video({ width: 1920, height: 1080, durationSeconds: 12 * 3600 + 1 })] }))).toEqual(['video.duration'])
  })

  it('appends hashtags and the link to the description', () => {
    expect(
      composePostText({
        platform: 'youtube',
        text: 'Description',
        hashtags: ['Badil'],
        link: 'https://badil.ma',
        mediaCount: 1,
      }),
    ).toBe('Description\n\n#Badil\n\nhttps://badil.ma')
  })
})

describe('YouTube Short', () => {
  const short = (overrides: Partial<MediaFacts>) => validate({ platform: 'youtube_short', title: 'Short', media: [video(overrides)] })

  it('takes up to 180 s', () => {
    expect(short({ durationSeconds: 180 }).ok).toBe(true)
    expect(find(short({ durationSeconds: 181 }).errors, 'video.duration')).toMatchObject({
      limit: 180,
      actual: 181,
    })
  })

  it('must be vertical or square', () => {
    expect(errorCodes(short({ width: 1920, height: 1080 }))).toEqual(['media.aspect'])
    const square = short({ width: 1080, height: 1080 })
    expect(square.ok).toBe(true)
    expect(warningCodes(square)).toEqual(['media.aspect'])
  })
})

describe('TikTok', () => {
  const tiktok = (overrides: Partial<VariantToValidate> = {}) => validate({ platform: 'tiktok', media: [video()], ...overrides })

  it('limits the caption to 2,200 UTF-16 units (an emoji counts 2)', () => {
    expect(tiktok({ text: 'a'.repeat(2200) }).ok).toBe(true)
    expect(find(tiktok({ text: 'a'.repeat(2201) }).errors, 'text.too_long')).toMatchObject({
      limit: 2200,
      actual: 2201,
    })
    expect(tiktok({ text: '😀'.repeat(1100) }).measures).toMatchObject({
      textLength: 2200,
      countingMethod: 'utf16',
    })
    expect(errorCodes(tiktok({ text: `a${'😀'.repeat(1100)}` }))).toEqual(['text.too_long'])
  })

  it('is video only', () => {
    expect(errorCodes(tiktok({ media: [image()] }))).toEqual(['media.type'])
    expect(errorCodes(tiktok({ media: [] }))).toEqual(['media.required'])
  })

  it('refuses videos under 3 s and warns above the typical 600 s', () => {
    expect(errorCodes(tiktok({ media: [video({ durationSeconds: 2 })] }))).toEqual(['video.duration'])
    const long = tiktok({ media: [video({ durationSeconds: 601 })] })
    expect(long.ok).toBe(true)
    expect(warningCodes(long)).toEqual(['video.duration'])
  })

  it('enforces 360–4096 px per side and 4 GB, warns above 1 GB', () => {
    expect(errorCodes(tiktok({ media: [video({ width: 359, height: 640 })] }))).toEqual(['media.dimensions'])
    expect(errorCodes(tiktok({ media: [video({ filesize: 4 * GiB + 1 })] }))).toEqual(['media.size'])
    expect(warningCodes(tiktok({ media: [video({ filesize: 2 * GiB })] }))).toEqual(['media.size'])
  })

  it('warns that links and first comments are not published', () => {
    expect(warningCodes(tiktok({ link: 'https://badil.ma', firstComment: 'Merci' })).sort()).toEqual(['first_comment.not_supported', 'link.not_clickable'])
  })
})

describe('Facebook', () => {
  it('limits the text to 63,206 characters', () => {
    expect(validate({ platform: 'facebook', text: 'a'.repeat(63206) }).ok).toBe(true)
    expect(errorCodes(validate({ platform: 'facebook', text: 'a'.repeat(63207) }))).toEqual(['text.too_long'])
  })

  it('sends the link in its own field, or in the text when media are attached', () => {
    expect(validate({ platform: 'facebook', text: 'abc', link: 'https://badil.ma' }).measures.textLength).toBe(3)
    expect(validate({ platform: 'facebook', text: 'abc', link: 'https://badil.ma', media: [image()] }).measures.textLength).toBe(21)
    expect(validate({ platform: 'facebook', link: 'https://badil.ma' }).ok).toBe(true)
  })

  it('does not mix photos and a video, and takes one video', () => {
    expect(errorCodes(validate({ platform: 'facebook', media: [image(), video()] }))).toContain('media.mixed')
    expect(errorCodes(validate({ platform: 'facebook', media: [video(), video()] }))).toContain('media.count')
  })

  it('recommends images under 4 MB and refuses above 10 MB', () => {
    expect(warningCodes(validate({ platform: 'facebook', media: [image({ filesize: 5 * MiB })] }))).toEqual(['media.size'])
    expect(errorCodes(validate({ platform: 'facebook', media: [image({ filesize: 10 * MiB + 1 })] }))).toEqual(['media.size'])
  })

  it('only warns about missing alt text, which the Pages API does not carry', () => {
    const report = validate({
      platform: 'facebook',
      language: 'ar',
      media: [image({ altText: { fr: 'Texte' } })],
    })
    expect(report.ok).toBe(true)
    expect(warningCodes(report)).toEqual(['alt.missing'])
  })
})

describe('rules common to every surface', () => {
  it('refuses media whose consent is missing or expired', () => {
    for (const platform of platforms) {
      const media = platformLimits[platform].media.kinds.video ? video({ width: 1080, height: 1920 }) : image()
      expect(find(validate({ platform, text: 't', media: [{ ...media, consent: 'missing' }] }).errors, 'consent.missing')).toMatchObject({
        field: 'media.0',
      })
      expect(errorCodes(validate({ platform, text: 't', media: [{ ...media, consent: 'expired' }] }))).toContain('consent.expired')
    }
  })

  it('checks the link', () => {
    expect(isValidWebLink('https://www.cndh.ma/fr/loi-43-22')).toBe(true)
    expect(isValidWebLink('http://badil.ma')).toBe(true)
    for (const bad of ['badil.ma', 'ftp://badil.ma', 'https://localhost', 'https://badil .ma', 'javascript:alert(1)']) {
      expect(isValidWebLink(bad)).toBe(false)
    }
    expect(find(validate({ platform: 'linkedin', text: 't', link: 'www.badil' }).errors, 'link.invalid')).toMatchObject({ field: 'link' })
  })

  it('warns about hashtags that will not link', () => {
    const report = validate({
      platform: 'linkedin',
      text: 't',
      hashtags: ['#Badil', 'loi 43.22', '2025', '#'],
    })
    expect(report.ok).toBe(true)
    expect(report.warnings.map((issue) => issue.field)).toEqual(['hashtags.1', 'hashtags.2', 'hashtags.3'])
  })

  it('warns that a title is not published where the surface has none', () => {
    expect(warningCodes(validate({ platform: 'linkedin', text: 't', title: 'Titre' }))).toEqual(['title.not_supported'])
  })

  it('extracts hashtags and mentions like the networks', () => {
    expect(extractHashtags('#العقوبات_البديلة et #Loi43_22, pas #2025 ni a#b ni https://x.ma/#ancre ni #️⃣')).toEqual(['العقوبات_البديلة', 'Loi43_22'])
    expect(extractMentions('@ncsc_ma, @[CNDH](urn:li:organization:123) mais pas contact@badil.ma')).toEqual(['@ncsc_ma', '@[CNDH](urn:li:organization:123)'])
  })

  it('is deterministic', () => {
    const input: VariantToValidate = {
      platform: 'instagram_feed',
      language: 'ary',
      text: 'العقوبات البديلة 🙌',
      hashtags: ['بديل'],
      link: 'https://badil.ma',
      media: [image({ altText: {} }), video({ consent: 'expired' })],
    }
    expect(validateVariant(input)).toEqual(validateVariant(input))
  })

  it('words every issue in English, French and Arabic, with a source', () => {
    const messy: VariantToValidate[] = platforms.map((platform) => ({
      platform,
      language: 'ary',
      text: `<${'ب'.repeat(70000)}> @a @b @c @d ${'#tag '.repeat(70)}`,
      title: `<${'t'.repeat(120)}>`,
      hashtags: ['loi 43.22'],
      link: 'not a link',
      firstComment: 'c'.repeat(3000),
      media: [
        image({
          altText: {},
          consent: 'missing',
          width: 5,
          height: 1000,
          filesize: 40 * MiB,
          mimeType: 'image/heic',
        }),
        video({ consent: 'expired', durationSeconds: 50000, width: 5000, height: 100, filesize: 300 * GiB }),
        pdf(),
        video({ durationSeconds: null, width: null }),
      ],
    }))
    const seen = new Set<string>()
    for (const input of messy) {
      const report = validateVariant(input)
      for (const issue of [...report.errors, ...report.warnings]) {
        seen.add(issue.code)
        expect(issue.source.length).toBeGreaterThan(0)
        expect(issue.message.en.length).toBeGreaterThan(0)
        expect(issue.message.fr).not.toEqual(issue.message.en)
        expect(issue.message.ar).toMatch(/[\u0600-\u06FF]/)
        expect(issue.message.fr).not.toMatch(/undefined|NaN/)
        expect(issue.message.ar).not.toMatch(/undefined|NaN/)
        expect(issue.message.en).not.toMatch(/undefined|NaN/)
      }
    }
    expect(seen.size).toBeGreaterThan(20)
  })
})

describe('limits table', () => {
  it('has a row with labels for every platform', () => {
    expect(Object.keys(platformLimits).sort()).toEqual([...platforms].sort())
    for (const platform of platforms) {
      const { labels } = platformLimits[platform]
      expect(labels.en && labels.fr && labels.ar).toBeTruthy()
    }
  })

  it('gives a source for every number', () => {
    const missing: string[] = []
    const visit = (value: unknown, path: string): void => {
      if (Array.isArray(value)) value.forEach((item, index) => visit(item, `${path}.${index}`))
      else if (value !== null && typeof value === 'object') {
        const record = value as Partial<SourcedLimit> & Record<string, unknown>
        if (('value' in record || 'min' in record) && 'severity' in record && !record.source) missing.push(path)
        for (const [key, child] of Object.entries(record)) visit(child, `${path}.${key}`)
      }
    }
    visit(platformLimits, 'platformLimits')
    expect(missing).toEqual([])
  })
})
