/**
 * The browser side of the walkthroughs: the system's Chromium (CHROMIUM_PATH) with a throwaway
 * profile, signing in to the admin, and screenshots for the people reading a CI run.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { chromium } from 'playwright-core'
import type { BrowserContext, Page } from 'playwright-core'

import { baseUrl } from './rest'

export type Browser = { context: BrowserContext; close(): Promise<void> }

/**
 * Headless Chromium in French on a fresh profile each run (playwright passes it to Chromium as
 * --user-data-dir); `close()` also deletes the profile. Without `viewport`, playwright's default.
 */
export async function launchBrowser(options: { viewport?: { width: number; height: number } } = {}): Promise<Browser> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'badil-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    locale: 'fr-FR',
    ...(options.viewport ? { viewport: options.viewport } : {}),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  })
  return {
    context,
    close: async () => {
      await context.close()
      fs.rmSync(profile, { recursive: true, force: true })
    },
  }
}

/** Signs in on the admin's login page as someone else than before (the cookies are cleared first). */
export async function signIn(context: BrowserContext, email: string, password: string): Promise<Page> {
  await context.clearCookies()
  const page = context.pages()[0] ?? (await context.newPage())
  await page.goto(`${baseUrl}/admin/login`)
  await page.fill('input[name="email"]', email)
  await page.fill('input[name="password"]', password)
  await page.click('button[type="submit"]')
  await page.waitForURL((url) => !url.pathname.endsWith('/login'))
  return page
}

const screenshots = process.env.E2E_SCREENSHOTS

/** A full-page `<name>.png` in E2E_SCREENSHOTS; nothing when it is not set. */
export async function shot(page: Page, name: string) {
  if (!screenshots) return
  fs.mkdirSync(screenshots, { recursive: true })
  await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true })
}
