/** Files in an S3-compatible bucket, under one folder (key prefix) per collection. */
import { Readable } from 'node:stream'

import { DeleteObjectCommand, GetObjectCommand, HeadBucketCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import type { S3ClientConfig } from '@aws-sdk/client-s3'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'

import { isPlainFilename } from './file-store'
import type { FileStore } from './file-store'

export type S3Settings = {
  bucket: string
  region: string
  endpoint?: string
  credentials?: { accessKeyId: string; secretAccessKey: string }
  forcePathStyle: boolean
  /** The same service at the address networks reach; presigned links are made for it. */
  publicUrl?: string
}

/** The client options for these settings: Payload's adapter and Badil's stores use the same. */
export function s3ClientConfig(settings: S3Settings, endpoint = settings.endpoint): S3ClientConfig {
  return {
    region: settings.region,
    ...(endpoint ? { endpoint } : {}),
    ...(settings.credentials ? { credentials: settings.credentials } : {}),
    forcePathStyle: settings.forcePathStyle,
    // The SDK's default checksums (CRC32 trailers on every upload) are refused or mangled by many
    // S3-compatible servers; checksums are sent where the API requires them only.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  }
}

function isNotFound(error: unknown): boolean {
  const failure = error as { name?: string; $metadata?: { httpStatusCode?: number } } | undefined
  return failure?.name === 'NoSuchKey' || failure?.name === 'NotFound' || failure?.$metadata?.httpStatusCode === 404
}

export function s3FileStore(settings: S3Settings, prefix: string): FileStore {
  const client = new S3Client(s3ClientConfig(settings))
  const publicClient = settings.publicUrl ? new S3Client(s3ClientConfig(settings, settings.publicUrl)) : null
  const keyOf = (filename: string) => {
    if (!isPlainFilename(filename)) throw new Error(`not a plain file name: ${JSON.stringify(filename)}`)
    return `${prefix}/${filename}`
  }
  const size = async (filename: string) => {
    try {
      const head = await client.send(new HeadObjectCommand({ Bucket: settings.bucket, Key: keyOf(filename) }))
      return head.ContentLength ?? 0
    } catch (error) {
      if (isNotFound(error)) return null
      throw error
    }
  }
  const open = async (filename: string) => {
    try {
      const object = await client.send(new GetObjectCommand({ Bucket: settings.bucket, Key: keyOf(filename) }))
      if (!(object.Body instanceof Readable)) throw new Error(`S3 answered ${keyOf(filename)} without a body stream`)
      return { stream: object.Body, size: object.ContentLength ?? 0 }
    } catch (error) {
      if (isNotFound(error)) return null
      throw error
    }
  }
  return {
    kind: 's3',
    write: async (filename, data, mimeType) => {
      // One PUT (up to 5 GB, far above the largest upload allowed): the object appears whole or not at all.
      const body = Buffer.isBuffer(data) ? { Body: data } : { Body: data.stream, ContentLength: data.size }
      await client.send(new PutObjectCommand({ Bucket: settings.bucket, Key: keyOf(filename), ContentType: mimeType, ...body }))
    },
    read: async (filename) => {
      const file = await open(filename)
      if (!file) return null
      const chunks: Buffer[] = []
      for await (const chunk of file.stream) chunks.push(Buffer.from(chunk as Uint8Array))
      return Buffer.concat(chunks)
    },
    open,
    size,
    remove: async (filename) => {
      // Deleting a key that is not there succeeds on S3: nothing to tell apart.
      await client.send(new DeleteObjectCommand({ Bucket: settings.bucket, Key: keyOf(filename) }))
    },
    check: async () => {
      await client.send(new HeadBucketCommand({ Bucket: settings.bucket }))
    },
    publicLink: async (filename, options) => {
      if (!publicClient) return null
      const command = new GetObjectCommand({ Bucket: settings.bucket, Key: keyOf(filename), ResponseContentType: options.mimeType })
      return getSignedUrl(publicClient, command, { expiresIn: options.expiresInSeconds })
    },
  }
}
