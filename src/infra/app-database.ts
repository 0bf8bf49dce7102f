import { assertDatabaseReachable } from './database'
import { dataDir } from './data-dir'
import { startEmbeddedPostgres } from './embedded-postgres'
import type { Env } from './env'

export type AppDatabase = { url: string; embedded: boolean; close(): Promise<void> }

/**
 * The database the app and its scripts use: DATABASE_URL when set, otherwise the embedded server
 * (started here, or found already running for this data folder). Fails with a clear message when
 * the server cannot be reached.
 */
export async function openAppDatabase(env: Env, log: (line: string) => void = () => undefined): Promise<AppDatabase> {
  if (env.DATABASE_URL) {
    await assertDatabaseReachable(env.DATABASE_URL)
    return { url: env.DATABASE_URL, embedded: false, close: async () => undefined }
  }
  log('DATABASE_URL is not set: using the embedded PostgreSQL server')
  const server = await startEmbeddedPostgres({ dataDirPath: dataDir(env), log })
  try {
    await assertDatabaseReachable(server.url)
  } catch (error) {
    await server.stop().catch(() => undefined)
    throw error
  }
  return { url: server.url, embedded: true, close: () => server.stop() }
}
