import { launchBrowser, signIn } from './lib/browser'
const browser = await launchBrowser({ viewport: { width: 1400, height: 1000 } })
const page = await signIn(browser.context, 'analyst@badil.local', process.env.PW!)
page.on('console', (m) => {
  if (m.type() === 'error' || m.type() === 'warning') console.log('console:', m.text().slice(0, 300))
})
await page.goto('http://localhost:3000/admin')
await page.waitForSelector('[data-testid="kpi-cards"]', { timeout: 120000 })
await page.waitForTimeout(2000)
console.log(await page.evaluate(() => document.querySelectorAll('[data-testid="chart-trend"] .recharts-yAxis').length))
await browser.close()
