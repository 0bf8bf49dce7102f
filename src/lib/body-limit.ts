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

export function bodyTooLarge(limitBytes: number, field?: string): Response {
  const megabytes = Math.round((limitBytes / (1024 * 1024)) * 10) / 10
  return Response.json(
    { errors: [{ message: `The request body is larger than the ${megabytes} MB limit.`, code: 'body_too_large', limit: limitBytes, ...(field ? { field } : {}) }] },
    { status: 413 },
  )
}

/** Wraps a route handler: non-multipart bodies are read within `limitBytes` (413 beyond) before the handler runs. */
export function withBodyLimit<Context>(
  handler: (request: Request, context: Context) => Promise<Response>,
  limitBytes = maxJsonBodyBytes,
): (request: Request, context: Context) => Promise<Response> {
  return async (request, context) => {
    const contentType = request.headers.get('content-type') ?? ''
    if (!request.body || contentType.includes('multipart/')) return handler(request, context)
    const declared = Number(request.headers.get('content-length') ?? NaN)
    if (Number.isFinite(declared) && declared > limitBytes) return bodyTooLarge(limitBytes)
    let body: Uint8Array<ArrayBuffer>
    try {
      body = await readBodyWithin(request.body, limitBytes)
    } catch (error) {
      if (error instanceof BodyTooLargeError) return bodyTooLarge(limitBytes)
      throw error
    }
    return handler(new Request(request.url, { method: request.method, headers: request.headers, body, signal: request.signal }), context)
  }
}
