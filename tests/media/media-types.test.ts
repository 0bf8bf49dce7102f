import {
  acceptedMimeTypes,
  formatOfMimeType,
  kindOfExtension,
} from '../../src/media/media-types'

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

