/**
 * HTML to PDF with Chromium's own printing: Arabic is shaped and laid out right to left by the
 * browser's text engine, which PDF libraries that draw glyphs one by one do not do. Chromium runs
 * headless, offline and with a throw-away profile; where it is not installed there is no PDF and
 * the caller sends the HTML instead.
 */
import fs from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import type { BrowserContext } from 'playwright-core'

/** Where Chromium is, if it is: the configured path when the file exists. */
export function availableChromium(executablePath: string | undefined): string | null {
  return executablePath && fs.existsSync(executablePath) ? executablePath : null
}

/** Prints documents with one Chromium, started at the first document and closed by `close`. */
export type PdfPrinter = { print(html: string): Promise<Buffer>; close(): Promise<void> }

/** The documents printed on A4, backgrounds included. The pages load nothing from the network: images are inline. */
export function pdfPrinter(executablePath: string): PdfPrinter {
  let started: Promise<{ context: BrowserContext; profile: string }> | null = null
  const start = async () => {
    const { chromium } = await import('playwright-core')
    const profile = await mkdtemp(path.join(os.tmpdir(), 'badil-pdf-'))
    const context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      offline: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    })
    return { context, profile }
  }
  return {
    async print(html) {
      started ??= start()
      const { context } = await started
      const page = await context.newPage()
      try {
        await page.setContent(html, { waitUntil: 'load', timeout: 30_000 })
        return await page.pdf({ format: 'A4', printBackground: true, margin: { top: '14mm', bottom: '14mm', left: '12mm', right: '12mm' } })
      } finally {
        await page.close()
      }
    },
    async close() {
      if (!started) return
      const { context, profile } = await started
      await context.close()
      await rm(profile, { recursive: true, force: true })
    },
  }
}
