import sharp from 'sharp'

import { endsWithZipArchive, extensionOf, inspectUpload, leadingMarkup, type UploadInspection } from '../../src/media/media-sniffing'
import { defaultSizeLimits, type SizeLimits } from '../../src/media/media-types'
import { makeFragmentedMp4, makeMovie } from './fixtures/make-mp4'

const limits: SizeLimits = defaultSizeLimits

async function image(format: 'jpeg' | 'png' | 'webp' | 'gif' | 'avif'): Promise<Buffer> {
  const picture = sharp({ create: { width: 32, height: 24, channels: 3, background: { r: 200, g: 40, b: 60 } } })
  return picture.toFormat(format).toBuffer()
}

/** A one-page PDF with a correct cross-reference table. */
function minimalPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ]
  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n'
  const offsets: number[] = []
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, 'latin1'))
    body += `${index + 1} 0 obj\n${object}\nendobj\n`
  })
  const xref = Buffer.byteLength(body, 'latin1')
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(body, 'latin1')
}

/** A ZIP archive with one stored file, as a JAR or APK would be. */
function minimalZip(): Buffer {
  const name = Buffer.from('META-INF/MANIFEST.MF')
  const content = Buffer.from('Manifest-Version: 1.0\n')
  const local = Buffer.alloc(30)
  local.writeUInt32LE(0x04034b50, 0)
  local.writeUInt16LE(20, 4)
  local.writeUInt32LE(content.length, 18)
  local.writeUInt32LE(content.length, 22)
  local.writeUInt16LE(name.length, 26)
  const central = Buffer.alloc(46)
  central.writeUInt32LE(0x02014b50, 0)
  central.writeUInt16LE(20, 4)
  central.writeUInt16LE(20, 6)
  central.writeUInt32LE(content.length, 20)
  central.writeUInt32LE(content.length, 24)
  central.writeUInt16LE(name.length, 28)
  const localPart = Buffer.concat([local, name, content])
  const centralPart = Buffer.concat([central, name])
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(1, 8)
  end.writeUInt16LE(1, 10)
  end.writeUInt32LE(centralPart.length, 12)
  end.writeUInt32LE(localPart.length, 16)
  return Buffer.concat([localPart, centralPart, end])
}

const text = (value: string) => Buffer.from(value, 'utf8')

function expectAccepted(result: UploadInspection, kind: string, mimeType: string, extension: string) {
  expect(result).toEqual({ ok: true, kind, mimeType, extension })
}

function expectRefused(result: UploadInspection, code: string) {
  expect(result.ok).toBe(false)
  if (result.ok) return
  expect(result.code).toBe(code)
  expect(result.field).toBe('file')
  expect(result.message.en).toMatch(/\S/)
  expect(result.message.fr).toMatch(/\S/)
  expect(result.message.ar).toMatch(/[\u0600-\u06ff]/)
}

describe('inspectUpload accepts real files of every accepted format', () => {
  it.each([
    ['jpeg', 'photo.jpg', 'image/jpeg', 'jpg'],
    ['png', 'chart.png', 'image/png', 'png'],
    ['webp', 'visual.webp', 'image/webp', 'webp'],
    ['gif', 'animation.gif', 'image/gif', 'gif'],
  ] as const)('%s made with sharp', async (format, filename, mimeType, extension) => {
    expectAccepted(await inspectUpload({ data: await image(format), filename, limits }), 'image', mimeType, extension)
  })

  it('a PDF', async () => {
    expectAccepted(await inspectUpload({ data: minimalPdf(), filename: 'guide.pdf', limits }), 'pdf', 'application/pdf', 'pdf')
  })

  it('an MP4 written by mp4box (fragmented) and a classic MP4', async () => {
    const fragmented = makeFragmentedMp4({ width: 320, height: 240, timescale: 25, frames: 25 })
    expectAccepted(await inspectUpload({ data: fragmented, filename: 'clip.mp4', limits }), 'video', 'video/mp4', 'mp4')
    expectAccepted(await inspectUpload({ data: makeMovie(), filename: 'clip.mp4', limits }), 'video', 'video/mp4', 'mp4')
  })

  it('a QuickTime MOV', async () => {
    const mov = makeMovie({ brand: 'qt  ', withAudio: true })
    expectAccepted(await inspectUpload({ data: mov, filename: 'IMG_0042.MOV', limits }), 'video', 'video/quicktime', 'mov')
  })

  it('ignores the case of the extension and accepts a name without one', async () => {
    const jpeg = await image('jpeg')
    expectAccepted(await inspectUpload({ data: jpeg, filename: 'PHOTO.JPEG', limits }), 'image', 'image/jpeg', 'jpg')
    expectAccepted(await inspectUpload({ data: jpeg, filename: 'photo', limits }), 'image', 'image/jpeg', 'jpg')
  })

  it('keeps the detected type when the extension names another format of the same kind', async () => {
    // A PNG saved as .jpg is harmless: it is stored as what it is.
    expectAccepted(await inspectUpload({ data: await image('png'), filename: 'photo.jpg', limits }), 'image', 'image/png', 'png')
    const mov = makeMovie({ brand: 'qt  ' })
    expectAccepted(await inspectUpload({ data: mov, filename: 'clip.mp4', limits }), 'video', 'video/quicktime', 'mov')
  })

  it('accepts a file exactly at the limit', async () => {
    const pdf = minimalPdf()
    expectAccepted(await inspectUpload({ data: pdf, filename: 'a.pdf', limits: { ...limits, pdf: pdf.length } }), 'pdf', 'application/pdf', 'pdf')
  })
})

describe('inspectUpload refuses', () => {
  it('a renamed file: PNG named .pdf, PDF named .jpg, MP4 named .png', async () => {
    expectRefused(await inspectUpload({ data: await image('png'), filename: 'report.pdf', limits }), 'type_mismatch')
    expectRefused(await inspectUpload({ data: minimalPdf(), filename: 'photo.jpg', limits }), 'type_mismatch')
    expectRefused(await inspectUpload({ data: makeMovie(), filename: 'still.png', limits }), 'type_mismatch')
  })

  it('says what the file really is when it is renamed', async () => {
    const result = await inspectUpload({ data: minimalPdf(), filename: 'photo.jpg', limits })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.message.en).toContain('.jpg')
    expect(result.message.en).toContain('PDF')
    expect(result.message.fr).toContain('PDF')
    expect(result.detectedMimeType).toBe('application/pdf')
  })

  it('an extension outside the accepted formats, even on valid bytes', async () => {
    expectRefused(await inspectUpload({ data: await image('jpeg'), filename: 'photo.exe', limits }), 'type_mismatch')
    expectRefused(await inspectUpload({ data: await image('png'), filename: 'logo.svg', limits }), 'type_mismatch')
  })

  it('a browser-declared type of another kind', async () => {
    const result = await inspectUpload({ data: await image('jpeg'), filename: 'scan', declaredMimeType: 'application/pdf', limits })
    expectRefused(result, 'type_mismatch')
    // A vague or unknown declared type is no claim.
    const vague = await inspectUpload({ data: await image('jpeg'), filename: 'scan', declaredMimeType: 'application/octet-stream', limits })
    expect(vague.ok).toBe(true)
  })

  describe('SVG, whatever it is named', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'
    it.each([
      ['bare', svg],
      ['with an XML declaration', `<?xml version="1.0" encoding="UTF-8"?>\n${svg}`],
      ['after a BOM, comment and doctype', `\ufeff<?xml version="1.0"?>\n<!-- Generator: Illustrator -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [ <!ENTITY a "b"> ]>\n${svg}`],
      ['with a namespace prefix', '<svg:svg xmlns:svg="http://www.w3.org/2000/svg"></svg:svg>'],
      ['in upper case after whitespace', `\n\n  <SVG xmlns="http://www.w3.org/2000/svg"></SVG>`],
    ])('%s', async (_label, content) => {
      for (const filename of ['drawing.svg', 'drawing.png', 'drawing']) {
        expectRefused(await inspectUpload({ data: text(content), filename, limits }), 'svg')
      }
    })

    it('encoded in UTF-16', async () => {
      const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`<?xml version="1.0" encoding="UTF-16"?>${svg}`, 'utf16le')])
      expectRefused(await inspectUpload({ data: utf16, filename: 'icon.png', limits }), 'svg')
    })
  })

  describe('programs and scripts named .jpg', () => {
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120)])
    const pe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(64), Buffer.from('PE\0\0'), Buffer.alloc(64)])
    const machO = Buffer.concat([Buffer.from([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1]), Buffer.alloc(56)])
    it.each([
      ['ELF', elf],
      ['PE (MZ)', pe],
      ['Mach-O', machO],
      ['shell script', text('#!/bin/sh\ncurl http://example.invalid | sh\n')],
      ['script behind a BOM', text('\ufeff#!/usr/bin/env node\nconsole.log(1)\n')],
      ['ZIP (JAR, APK)', minimalZip()],
    ])('%s', async (_label, data) => {
      expectRefused(await inspectUpload({ data, filename: 'holiday.jpg', limits }), 'executable')
    })
  })

  describe('web pages named .jpg', () => {
    it.each([
      ['doctype', '<!DOCTYPE html><html><body>hi</body></html>'],
      ['html element', '<html><head><title>x</title></head></html>'],
      ['script', '<script>document.location="http://example.invalid"</script>'],
      ['comment first', '<!-- saved page -->\n<HTML lang="fr">'],
      ['XHTML', '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"></html>'],
    ])('%s', async (_label, content) => {
      expectRefused(await inspectUpload({ data: text(content), filename: 'photo.jpg', limits }), 'executable')
    })
  })

  it('an image carrying a ZIP archive at its end (GIFAR-style polyglot)', async () => {
    const polyglot = Buffer.concat([await image('gif'), minimalZip()])
    expectRefused(await inspectUpload({ data: polyglot, filename: 'funny.gif', limits }), 'executable')
  })

  it('other formats, with the list of accepted ones', async () => {
    const avif = await inspectUpload({ data: await image('avif'), filename: 'photo.avif', limits })
    expectRefused(avif, 'type_not_allowed')
    if (!avif.ok) expect(avif.message.fr).toContain('JPEG')
    expectRefused(await inspectUpload({ data: text('Just some notes.\n'), filename: 'notes.jpg', limits }), 'type_not_allowed')
    expectRefused(await inspectUpload({ data: text('<?xml version="1.0"?><feed></feed>'), filename: 'feed.png', limits }), 'type_not_allowed')
  })

  it('an empty file', async () => {
    expectRefused(await inspectUpload({ data: Buffer.alloc(0), filename: 'photo.jpg', limits }), 'empty')
  })

  it('a file over its kind’s limit, naming the limit', async () => {
    const jpeg = await image('jpeg')
    const tiny = { ...limits, image: jpeg.length - 1 }
    const result = await inspectUpload({ data: jpeg, filename: 'photo.jpg', limits: tiny })
    expectRefused(result, 'too_large')
    // Another kind's limit does not apply.
    expect((await inspectUpload({ data: jpeg, filename: 'photo.jpg', limits: { ...limits, pdf: 1, video: 1 } })).ok).toBe(true)
  })

  it('rounds the size up in the message so a file just over the limit never reads as equal', async () => {
    const MiB = 1024 * 1024
    const big = Buffer.concat([minimalPdf(), Buffer.alloc(MiB + 1024)])
    const result = await inspectUpload({ data: big, filename: 'big.pdf', limits: { ...limits, pdf: MiB } })
    expectRefused(result, 'too_large')
    if (!result.ok) {
      expect(result.message.en).toBe('This file weighs 1.1 MB; the limit for PDF documents is 1 MB.')
      expect(result.message.fr).toBe('Ce fichier pèse 1,1 Mo ; la limite pour les documents PDF est de 1 Mo.')
    }
  })
})

describe('helpers', () => {
  it('extensionOf reads the last extension, ignoring trailing dots and spaces and folders', () => {
    expect(extensionOf('photo.JPG')).toBe('jpg')
    expect(extensionOf('archive.tar.gz')).toBe('gz')
    expect(extensionOf('invoice.pdf. ')).toBe('pdf')
    expect(extensionOf('C:\\Users\\me\\clip.mov')).toBe('mov')
    expect(extensionOf('folder.v2/README')).toBeUndefined()
    expect(extensionOf('noext')).toBeUndefined()
  })

  it('leadingMarkup gives up on an unclosed prolog rather than guessing', () => {
    expect(leadingMarkup(text('<!-- never closed <svg>'))).toBeUndefined()
    expect(leadingMarkup(text('hello <svg>'))).toBeUndefined()
  })

  it('endsWithZipArchive needs a consistent end record, not just its signature', async () => {
    const jpeg = await image('jpeg')
    const lookalike = Buffer.concat([jpeg, Buffer.from([0x50, 0x4b, 0x05, 0x06]), Buffer.alloc(18)])
    expect(endsWithZipArchive(lookalike)).toBe(false)
    expect(endsWithZipArchive(Buffer.concat([jpeg, minimalZip()]))).toBe(true)
    expect(endsWithZipArchive(jpeg)).toBe(false)
  })
})
