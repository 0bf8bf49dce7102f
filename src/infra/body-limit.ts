import { languageOfRequest } from '../i18n/request-language'
import { appText } from '../i18n/translations'
import { uploadTooLargeWords } from '../media/upload-limits'

/**
 * Request bodies have a size: a JSON (or any non-multipart) body larger than the limit is refused
 * with 413 while it streams, before anything parses it, so one request cannot hold the event loop
 * that also runs the publishing scheduler. Multipart uploads have their own limits (Payload's
 * `upload.limits`, from MEDIA_MAX_*_MB).
 */

/** The largest JSON body Badil reads: 16 MB (the moderation check's 500 × 5,000 characters fit). */
export const maxJsonBodyBytes = 16 * 1024 * 1024

export class BodyTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`The request body is larger than ${limitBytes} bytes.`)
    this.name = 'BodyTooLargeError'
  }
}

/** Reads a body stream to its end, or throws `BodyTooLargeError` as soon as it passes `limitBytes`. */
export async function readBodyWithin(body: ReadableStream<Uint8Array>, limitBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limitBytes) {
      await reader.cancel().catch(() => undefined)
      throw new BodyTooLargeError(limitBytes)
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes
}

export function bodyTooLarge(request: Request, limitBytes: number): Response {
  const megabytes = Math.round((limitBytes / (1024 * 1024)) * 10) / 10
  const message = appText('endpoint:bodyOverLimit', { megabytes })[languageOfRequest(request)]
  return Response.json({ errors: [{ message, field: 'body', code: 'body_too_large', limit: limitBytes }] }, { status: 413 })
}

export type BodyLimits = {
  /** Non-multipart bodies (JSON, GraphQL). */
  jsonBytes: number
  /** The largest file an upload may carry (Payload's `upload.limits.fileSize`), when uploads are taken. */
  uploadBytes?: () => Promise<number | undefined>
}

/** Room for the form fields and the multipart framing around an uploaded file. */
const multipartOverheadBytes = 1024 * 1024

/**
 * Wraps a route handler: non-multipart bodies are read within their limit (413 beyond) before the
 * handler runs; an upload that declares a size past the largest file is refused at once, in the
 * caller's language (Payload cuts off those that do not declare it while they stream).
 */
export function withBodyLimit<Context>(
  handler: (request: Request, context: Context) => Promise<Response>,
  limits: BodyLimits = { jsonBytes: maxJsonBodyBytes },
): (request: Request, context: Context) => Promise<Response> {
  return async (request, context) => {
    const contentType = request.headers.get('content-type') ?? ''
    if (!request.body) return handler(request, context)
    const declared = Number(request.headers.get('content-length') ?? NaN)
    if (contentType.includes('multipart/')) {
      const largestFile = await limits.uploadBytes?.()
      if (largestFile !== undefined && Number.isFinite(declared) && declared > largestFile + multipartOverheadBytes) {
        return Response.json(
          { errors: [{ message: uploadTooLargeWords(largestFile)[languageOfRequest(request)], field: 'file', code: 'upload_too_large', limit: largestFile }] },
          { status: 413 },
        )
      }
      return handler(request, context)
    }
    if (Number.isFinite(declared) && declared > limits.jsonBytes) return bodyTooLarge(request, limits.jsonBytes)
    let body: Uint8Array<ArrayBuffer>
    try {
      body = await readBodyWithin(request.body, limits.jsonBytes)
    } catch (error) {
      if (error instanceof BodyTooLargeError) return bodyTooLarge(request, limits.jsonBytes)
      throw error
    }
    return handler(new Request(request.url, { method: request.method, headers: request.headers, body, signal: request.signal }), context)
  }
}
