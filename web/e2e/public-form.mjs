#!/usr/bin/env node
// The demo's public repair form (/f/demo/repair) in a phone-sized Chromium: field errors for bad input, then a valid
// submission, its ticket number and its 查看进度 button to the submitter's progress page. Same conventions as run.mjs (playwright-core, system Chromium, never a download).
//
//   BASE_URL=http://localhost:8080 E2E_CAPTCHA=B4TON node e2e/public-form.mjs
//
// Env:
//   BASE_URL        (required) where the app is served
//   E2E_CAPTCHA     the captcha answer: only a test server has one (baton.intake.captcha.fixed-answer)
//   CHROMIUM_PATH   Chromium binary (default /usr/bin/chromium)
//   SCREENSHOT_DIR  if set, public-form.png and public-form-done.png are saved there
//   STEP_TIMEOUT_MS per-step timeout (default 15000)

import { chromium } from 'playwright-core'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BASE_URL, CHROMIUM_ARGS as ARGS, CHROMIUM_PATH, SCREENSHOT_DIR, STEP_TIMEOUT, journeyLog, stepper } from './harness.mjs'

const CAPTCHA = process.env.E2E_CAPTCHA || 'B4TON'

const log = journeyLog('public-form')
const step = stepper(log)

const input = (page, test) => page.locator(`[data-test="${test}"] input, [data-test="${test}"] textarea`).first()
const errorOf = (page, test) => page.locator(`[data-test="${test}"] .van-field__error-message`)

async function shot(page, name) {
  if (SCREENSHOT_DIR) await page.screenshot({ path: join(SCREENSHOT_DIR, name) })
}

async function run(page) {
  let submitted = ''
  await step('open the demo repair form', async () => {
    await page.goto(`${BASE_URL}/f/demo/repair`, { waitUntil: 'domcontentloaded' })
    await page.locator('[data-test="captcha-image"]').waitFor()
    await page.getByText('在线报修').first().waitFor()
  })

  await step('bad input shows the server errors on their fields', async () => {
    await input(page, 'form-name').fill('张先生')
    await input(page, 'form-phone').fill('12345')
    await input(page, 'form-captcha').fill(CAPTCHA)
    await input(page, 'form-description').fill('空调不制冷')
    await page.locator('[data-test="form-submit"]').click()
    await errorOf(page, 'form-phone').waitFor()
    await errorOf(page, 'field-device_model').waitFor()
    await shot(page, 'public-form.png')
  })

  await step('a valid form is submitted and the ticket number shown', async () => {
    await input(page, 'form-phone').fill('13800003333')
    await input(page, 'field-device_model').fill('KFR-35GW')
    await input(page, 'field-fault_description').fill('开机后一直吹热风，已经两天了')
    await input(page, 'field-region').fill('广东/深圳')
    await page.locator('[data-test="field-fault_type"]').click()
    await page.locator('.van-picker__confirm').click()
    // the wrong submission used the captcha up: a new image came, answered the same way in a test server
    await input(page, 'form-captcha').fill(CAPTCHA)
    await page.locator('[data-test="form-submit"]').click()
    const number = page.locator('[data-test="ticket-number"]')
    await number.waitFor()
    const text = (await number.textContent())?.trim() ?? ''
    if (!/^GD\d{8}-\d{4,}$/.test(text)) throw new Error(`unexpected ticket number "${text}"`)
    log(`  ticket ${text}`)
    await page.locator('[data-test="form-progress"]').waitFor()
    await shot(page, 'public-form-done.png')
    submitted = text
  })

  await step('查看进度 opens the signed progress page of the new ticket, with no log-in', async () => {
    await page.locator('[data-test="form-progress"]').click()
    await page.waitForURL((u) => u.pathname.startsWith('/p/'))
    await page.locator('[data-test="progress-number"]', { hasText: submitted }).waitFor()
    await page.locator('[data-test="progress-step-submitted"]').waitFor()
  })
}

async function main() {
  if (!BASE_URL) {
    console.error('BASE_URL is required')
    return 1
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS })
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' })
  context.setDefaultTimeout(STEP_TIMEOUT)
  const page = await context.newPage()
  page.on('pageerror', (e) => log(`  [page error] ${e.message}`))
  try {
    await run(page)
    log('PASSED')
    return 0
  } catch (e) {
    console.error(`[public-form] FAILED: ${e && e.stack ? e.stack : e}`)
    await page.screenshot({ path: join(SCREENSHOT_DIR || tmpdir(), 'public-form-failure.png') }).catch(() => {})
    return 1
  } finally {
    await browser.close().catch(() => {})
  }
}

process.exit(await main())
