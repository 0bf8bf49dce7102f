import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import S3rver from 's3rver'

import { s3FileStore } from '../../src/infra/s3-file-store'
import type { S3Settings } from '../../src/infra/s3-file-store'

export type TestS3Server = {
  /** S3_* variables pointing Badil at this server's bucket. */
  env: Record<string, string>
  settings: S3Settings
  endpoint: string
  /** The keys in the bucket under a folder (`media/`), sorted. */
  keys(prefix: string): string[]
  close(): Promise<void>
}

/**
 * A local S3-compatible server (s3rver) on 127.0.0.1 with one empty bucket, its objects in a
 * temporary folder. It checks request signatures with its fixed credentials (S3RVER/S3RVER).
 */
export async function startS3Server(bucket = 'badil-media'): Promise<TestS3Server> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'badil-s3-'))
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket, configs: [] }] })
  const { port } = await server.run()
  const endpoint = `http://127.0.0.1:${port}`
  const settings: S3Settings = {
    bucket,
    region: 'us-east-1',
    endpoint,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    forcePathStyle: true,
  }
  return {
    endpoint,
    settings,
    env: {
      S3_BUCKET: bucket,
      S3_ENDPOINT: endpoint,
      S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: 'true',
    },
    keys: (prefix) => {
      // s3rver keeps each object as `<key>._S3rver_object` under the bucket's folder.
      const root = path.join(directory, bucket)
      const found: string[] = []
      const walk = (dir: string) => {
        for (const entry of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
          const full = path.join(dir, entry.name)
          if (entry.isDirectory()) walk(full)
          else if (entry.name.endsWith('._S3rver_object'))
            found.push(
              path
                .relative(root, full)
                .replace(/\._S3rver_object$/, '')
                .split(path.sep)
                .join('/'),
            )
        }
      }
      walk(root)
      return found.filter((key) => key.startsWith(prefix)).sort()
    },
    close: async () => {
      await server.close()
      fs.rmSync(directory, { recursive: true, force: true })
    },
  }
}

/** The store Badil would use for a collection's folder, to read what is in the bucket. */
export function bucketFolder(s3: TestS3Server, folder: string) {
  return s3FileStore(s3.settings, folder)
}
