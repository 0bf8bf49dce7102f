/**
 * Browser check of the admin's moderation rule tester on a running Badil (CI runs it against the
 * built server): sign in, paste Arabic-script and Latin-script (Arabizi) comments, and check that
 * the matched passages are highlighted in the original text and that a clean comment is not.
 *
 *   BASE_URL=http://127.0.0.1:3917 E2E_EMAIL=… E2E_PASSWORD=… node scripts/run-ts.mjs tests/e2e/moderation-tester.e2e.ts
 */
import { launchBrowser, signIn } from './lib/browser'
import { check } from './lib/check'
import { adminEmail, adminPassword, baseUrl } from './lib/rest'

const screenshot = process.env.E2E_SCREENSHOT

const browser = await launchBrowser()
try {
  // 60 s per step for every page of this browser, the sign-in included.
  browser.context.setDefaultTimeout(60_000)
  const page = await signIn(browser.context, adminEmail, adminPassword)

  await page.goto(`${baseUrl}/admin/moderation-tester`)
  await page.waitForSelector('textarea')
  const comments = ['ya 7maaar, sir t9awd', 'سكت يا حمار', 'Merci pour ces explications sur la loi 43.22']
  await page.fill('textarea', comments.join('\n'))
  await page.selectOption('select', 'default')
  await page.getByRole('button', { name: /Tester|اختبار|Test/ }).click()
  await page.waitForSelector('[data-testid="moderation-decisions"] li')

  const items = await page.$$eval('[data-testid="moderation-decisions"] li', (elements) =>
    elements.map((element) => ({
      text: element.querySelector('span[dir="auto"]')?.textContent ?? '',
      marks: Array.from(element.querySelectorAll('mark')).map((mark) => mark.textContent ?? ''),
    })),
  )
  check(items.length === 3, `expected 3 decisions, got ${items.length}`)
  check(items[0]!.text === comments[0], 'the Latin-script comment is shown as typed')
  check(
    items[0]!.marks.some((mark) => /7ma+r/.test(mark)),
    `Arabizi insult highlighted: ${JSON.stringify(items[0]!.marks)}`,
  )
  check(
    items[1]!.marks.some((mark) => mark.includes('حمار')),
    `Arabic insult highlighted: ${JSON.stringify(items[1]!.marks)}`,
  )
  check(items[2]!.marks.length === 0, 'the clean comment has no highlight')
  if (screenshot) await page.screenshot({ path: screenshot, fullPage: true })
  console.log('✔ moderation tester: Arabic and Latin-script matches highlighted, clean comment untouched')
} finally {
  await browser.close()
}
