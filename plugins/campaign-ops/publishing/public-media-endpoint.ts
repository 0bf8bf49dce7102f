/**
 * `GET /api/public-media/:filename?type&expires&signature`: the one media file a signed link was
 * made for, to anyone holding the link (Meta's servers fetching an Instagram image or video). No
 * one signs in here, so this is a plain Payload endpoint; every other way to the media library
 * still needs a staff session.
 */
import { Readable } from 'node:stream'

import type { Endpoint } from 'payload'

import { requestLanguage } from '../../../src/i18n/request-language'
import { errorResponse } from '../../../src/infra/endpoint'
import { fileStoresOf, isPlainFilename } from '../../../src/infra/file-store'
import { pluginText } from '../translations'
import { checkPublicMediaLink, publicMediaRoute } from './public-media-links'

export const publicMediaEndpoint: Endpoint = {
  path: `${publicMediaRoute}/:filename`,
  method: 'get',
  handler: async (req) => {
    const language = requestLanguage(req)
    const refuse = (status: number, code: string, message: { fr: string; ar: string; en: string }, field?: string) =>
      errorResponse(status, [{ message: message[language], code, ...(field ? { field } : {}) }], { 'cache-control': 'no-store' })
    const filename = String(req.routeParams?.filename ?? '')
    const mimeType = req.searchParams.get('type') ?? ''
    const expires = Number(req.searchParams.get('expires'))
    const signature = req.searchParams.get('signature') ?? ''
    for (const [field, present] of [
      ['type', mimeType !== ''],
      ['expires', Number.isInteger(expires) && expires > 0],
      ['signature', signature !== ''],
    ] as const) {
      if (!present) return refuse(400, 'invalid_link', pluginText('publicMedia:incomplete', { field }), field)
    }
    const check = checkPublicMediaLink({ secret: req.payload.secret, filename, mimeType, expires, signature })
    if (check === 'forged') return refuse(403, 'bad_signature', pluginText('publicMedia:forged'), 'signature')
    if (check === 'expired') return refuse(410, 'link_expired', pluginText('publicMedia:expired'), 'expires')
    // Only ever signed for a file name of the media storage; refused all the same if it names a path.
    if (!isPlainFilename(filename)) return refuse(404, 'not_found', pluginText('publicMedia:gone'))
    const file = await fileStoresOf(req.payload).media.open(filename)
    if (!file) return refuse(404, 'not_found', pluginText('publicMedia:gone'))
    const maxAge = Math.max(0, expires - Math.floor(Date.now() / 1000))
    return new Response(Readable.toWeb(file.stream) as ReadableStream<Uint8Array>, {
      status: 200,
      headers: {
        'content-type': mimeType,
        'content-length': String(file.size),
        'cache-control': `public, max-age=${maxAge}`,
        'x-content-type-options': 'nosniff',
        'x-robots-tag': 'noindex',
      },
    })
  },
}
