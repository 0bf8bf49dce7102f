/** Files in a folder of the local disk: one machine, or a folder every instance mounts. */
import fs from 'node:fs'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'

import { isPlainFilename } from './file-store'
import type { FileStore } from './file-store'

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT'
}

export function diskFileStore(directory: string): FileStore {
  const pathOf = (filename: string) => {
    if (!isPlainFilename(filename)) throw new Error(`not a plain file name: ${JSON.stringify(filename)}`)
    return path.join(directory, filename)
  }
  const size = async (filename: string) => {
    const stat = await fs.promises.stat(pathOf(filename)).catch((error: unknown) => {
      if (isMissing(error)) return null
      throw error
    })
    return stat?.isFile() ? stat.size : null
  }
  return {
    kind: 'disk',
    write: async (filename, data) => {
      await fs.promises.mkdir(directory, { recursive: true })
      if (Buffer.isBuffer(data)) await fs.promises.writeFile(pathOf(filename), data)
      else await pipeline(data.stream, fs.createWriteStream(pathOf(filename)))
    },
    read: async (filename) =>
      fs.promises.readFile(pathOf(filename)).catch((error: unknown) => {
        if (isMissing(error)) return null
        throw error
      }),
    open: async (filename) => {
      const bytes = await size(filename)
      return bytes === null ? null : { stream: fs.createReadStream(pathOf(filename)), size: bytes }
    },
    size,
    remove: async (filename) => {
      await fs.promises.rm(pathOf(filename), { force: true })
    },
    check: async () => {
      await fs.promises.mkdir(directory, { recursive: true })
      await fs.promises.access(directory, fs.constants.W_OK)
    },
    publicLink: async () => null,
  }
}
