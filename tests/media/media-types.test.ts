import {
  acceptedMimeTypes,
  defaultSizeLimits,
  formatOfMimeType,
  kindOfExtension,
  MiB,
  sizeLimitsFromEnv,
} from '../../src/lib/media-types'

describe('accepted formats', () => {
  it('lists exactly the issue’s image, video and PDF types', () => {
    expect([...acceptedMimeTypes].sort()).toEqual(
      ['application/pdf', 'image/gif', 'image/jpeg', 'image/png', 'image/webp', 'video/mp4', 'video/quicktime'].sort(),
    )
  })

  it('maps extensions and MIME types to kinds, case-insensitively', () => {
    expect(kindOfExtension('JPG')).toBe('image')
    expect(kindOfExtension('.mov')).toBe('video')
    expect(kindOfExtension('pdf')).toBe('pdf')
    expect(kindOfExtension('svg')).toBeUndefined()
    expect(formatOfMimeType('Video/QuickTime')?.kind).toBe('video')
    expect(formatOfMimeType('image/svg+xml')).toBeUndefined()
  })
})

describe('sizeLimitsFromEnv', () => {
  it('uses Badil’s defaults when nothing is set: image 20 MB, video 1 GB, PDF 50 MB', () => {
    expect(sizeLimitsFromEnv({})).toEqual({ image: 20 * MiB, video: 1024 * MiB, pdf: 50 * MiB })
    expect(defaultSizeLimits).toEqual(sizeLimitsFromEnv({}))
  })

  it('reads each variable in whole MiB, empty meaning unset', () => {
    expect(sizeLimitsFromEnv({ MEDIA_MAX_IMAGE_MB: '8', MEDIA_MAX_VIDEO_MB: ' 2048 ', MEDIA_MAX_PDF_MB: '' })).toEqual({
      image: 8 * MiB,
      video: 2048 * MiB,
      pdf: 50 * MiB,
    })
  })

  it('reads process.env by default', () => {
    const saved = process.env.MEDIA_MAX_PDF_MB
    process.env.MEDIA_MAX_PDF_MB = '12'
    try {
      expect(sizeLimitsFromEnv().pdf).toBe(12 * MiB)
    } finally {
      if (saved === undefined) delete process.env.MEDIA_MAX_PDF_MB
      else process.env.MEDIA_MAX_PDF_MB = saved
    }
  })

  it.each([
    ['MEDIA_MAX_IMAGE_MB', '0'],
    ['MEDIA_MAX_IMAGE_MB', '-5'],
    ['MEDIA_MAX_VIDEO_MB', '1.5'],
    ['MEDIA_MAX_VIDEO_MB', '1e3'],
    ['MEDIA_MAX_PDF_MB', 'abc'],
    ['MEDIA_MAX_PDF_MB', '20MB'],
    ['MEDIA_MAX_VIDEO_MB', '99999999999999'],
  ])('refuses %s=%s with an error naming the variable', (variable, value) => {
    expect(() => sizeLimitsFromEnv({ [variable]: value })).toThrow(new RegExp(`^${variable} must be a positive whole number`))
  })
})
