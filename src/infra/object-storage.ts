/**
 * Media and reports on S3-compatible object storage when S3_BUCKET is set, on local disk
 * otherwise. Payload's uploads and downloads go through `@payloadcms/storage-s3`; Badil's own
 * file work goes through the matching FileStores. One bucket holds both collections, each under
 * its own folder (key prefix), so `media/<file>` and `periodic-reports/<file>`.
 */
import { s3Storage } from '@payloadcms/storage-s3'
import type { CollectionConfig, Config, Field, Plugin } from 'payload'

import { diskFileStore } from './disk-file-store'
import type { Env } from './env'
import type { FileStores } from './file-store'
import { s3ClientConfig, s3FileStore } from './s3-file-store'
import type { S3Settings } from './s3-file-store'

/** Each upload collection Badil stores files for, and its folder in the bucket. */
export const storedCollections = { media: 'media', 'periodic-reports': 'periodic-reports' } as const

export function s3SettingsFromEnv(env: Env): S3Settings | undefined {
  if (!env.S3_BUCKET) return undefined
  return {
    bucket: env.S3_BUCKET,
    region: env.S3_REGION,
    endpoint: env.S3_ENDPOINT,
    credentials:
      env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY } : undefined,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
    publicUrl: env.S3_PUBLIC_URL,
  }
}

export function fileStoresFor(options: { s3?: S3Settings; mediaDir: string; reportsDir: string }): FileStores {
  const { s3 } = options
  return s3
    ? { media: s3FileStore(s3, storedCollections.media), reports: s3FileStore(s3, storedCollections['periodic-reports']) }
    : { media: diskFileStore(options.mediaDir), reports: diskFileStore(options.reportsDir) }
}

/** The storage fields are the server's: nobody moves a file to another folder through the API. */
const serverOnlyStorageFields = new Set(['prefix', '_objectKey'])

function lockStorageFields(collection: CollectionConfig): CollectionConfig {
  const fields = collection.fields.map((field): Field =>
    'name' in field && serverOnlyStorageFields.has(field.name) ? ({ ...field, access: { create: () => false, update: () => false } } as Field) : field,
  )
  return { ...collection, fields }
}

/**
 * Payload's S3 adapter on the stored collections (off without settings). Its fields (`prefix`,
 * `_objectKey`) are inserted either way, so the database schema does not depend on where files
 * live; composite prefixes keep every key under its collection's folder.
 */
export function objectStoragePlugin(s3: S3Settings | undefined): Plugin {
  const storage = s3Storage({
    enabled: Boolean(s3),
    alwaysInsertFields: true,
    useCompositePrefixes: true,
    bucket: s3?.bucket ?? 'unused',
    config: s3 ? s3ClientConfig(s3) : {},
    collections: {
      media: { prefix: storedCollections.media },
      'periodic-reports': { prefix: storedCollections['periodic-reports'] },
    },
  })
  return async (incoming: Config) => {
    const config = await storage(incoming)
    return {
      ...config,
      collections: (config.collections ?? []).map((collection) => (collection.slug in storedCollections ? lockStorageFields(collection) : collection)),
    }
  }
}
