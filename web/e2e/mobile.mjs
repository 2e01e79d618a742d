#!/usr/bin/env node
// Browser journey through the mobile views (390×844), driven by playwright-core and the system Chromium:
// the WeCom chat sidebar (one-to-one and group chat), the customer profile page, the customer's progress page, the
// field engineer's tasks (SLA badges, a site photo) and the workbench app.
//
//   BASE_URL=http://localhost:8080 node e2e/mobile.mjs
//
// Env (as e2e/run.mjs): BASE_URL (required), CHROMIUM_PATH (default /usr/bin/chromium), SCREENSHOT_DIR (sidebar.png,
// customer-page.png, progress.png, engineer-list.png, engineer-ticket.png, engineer-photo.png, workbench.png), E2E_TENANT / E2E_AGENT / E2E_PASSWORD (demo / lina /
// baton-demo), STEP_TIMEOUT_MS.
//
// Mocked with page.route (the browser never reaches the server for these): the WeCom JS-SDK itself (a fake
// `window.ww`), GET /api/v1/wecom/jsapi/signature (the demo tenant has no WeCom corp, so the server would answer 409)
// the three /public/progress/{token} endpoints (a scripted ticket; ProgressLinkIT covers the server side, and
// e2e/ticket-journey.mjs opens the real page behind a link issued in the UI) and POST /api/v1/auth/wecom (the
// workbench's OAuth exchange, answered with the agent's password session).
// GET /api/v1/customers/by-wecom is the real one: the demo customer 陈晓明 is linked to the contact.

import { chromium } from 'playwright-core'
import { mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  BASE_URL, CHROMIUM_ARGS as ARGS, CHROMIUM_PATH, PASSWORD, SCREENSHOT_DIR, STEP_TIMEOUT, TENANT,
  check, journeyLog, stepper,
} from './harness.mjs'

const TOTAL_TIMEOUT = Number(process.env.E2E_TOTAL_TIMEOUT_MS) || 240_000
const AGENT = process.env.E2E_AGENT || 'lina'
/** the demo customer 陈晓明's WeCom external contact id (DemoCustomers) */
const CONTACT = 'wmDemoChenXM001'
const CUSTOMER_NAME = '陈晓明'
/** the demo group chat of 上海恒远物业管理有限公司 */
const GROUP = 'wrDemoHengyuanGroup'

const log = journeyLog('mobile')
const step = stepper(log)

async function api(path, { token, method = 'GET', body } = {}) {
  const res = await fetch(BASE_URL + path, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  })
  const text = await res.text()
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${text.slice(0, 300)}`)
  return text ? JSON.parse(text) : undefined
}

async function screenshot(page, name) {
  if (!SCREENSHOT_DIR) return
  await page.locator('.van-toast').first().waitFor({ state: 'hidden' }).catch(() => {})
  await page.screenshot({ path: join(SCREENSHOT_DIR, name), fullPage: true })
  log(`  screenshot ${name}`)
}

const json = (route, status, body) =>
  route.fulfill({ status, contentType: status >= 400 ? 'application/problem+json' : 'application/json', body: JSON.stringify(body) })

async function sidebar(context, token) {
  const customer = (await api(`/api/v1/customers?q=${encodeURIComponent(CUSTOMER_NAME)}`, { token })).items.find(
    (c) => c.wecomExternalIds.includes(CONTACT),
  )
  check(customer, `demo customer ${CUSTOMER_NAME} with ${CONTACT} not found (demo data too old?)`)
  const page = await context.newPage()
  watch(page)
  // the new WeCom SDK, as the chat toolbar provides it in a one-to-one chat with the contact
  await page.addInitScript((contact) => {
    window.__wwRegistered = null
    window.ww = {
      register: (o) => (window.__wwRegistered = { corpId: o.corpId, signature: o.getAgentConfigSignature()?.signature }),
      getContext: async () => ({ entry: 'single_chat_tools' }),
      getCurExternalContact: async () => ({ userId: contact }),
      getCurExternalChat: async () => ({ chatId: '' }),
    }
  }, CONTACT)
  await page.route('**/api/v1/wecom/jsapi/signature?**', (route) =>
    json(route, 200, {
      corpId: 'wwDemoCorp',
      agentId: '1000002',
      config: { timestamp: 1700000000, nonceStr: 'n1', signature: 'cfg-sig' },
      agentConfig: { timestamp: 1700000000, nonceStr: 'n2', signature: 'agent-sig' },
    }),
  )

  await step('sidebar: the chat contact is recognised as the demo customer, with their open tickets', async () => {
    await page.goto(`${BASE_URL}/m/sidebar`)
    await page.locator('[data-test="sidebar-customer-name"]', { hasText: CUSTOMER_NAME }).waitFor()
    const reg = await page.evaluate(() => window.__wwRegistered)
    check(reg?.corpId === 'wwDemoCorp' && reg.signature === 'agent-sig', `ww.register got ${JSON.stringify(reg)}`)
    await page.locator('[data-test="sidebar-tickets"] [data-test="m-ticket-title"]').first().waitFor()
  })

  const title = `侧边栏投诉 ${Date.now()}`
  await step('sidebar: create a complaint with the chat excerpt; it is listed', async () => {
    await page.locator('[data-test="sidebar-new-ticket"]').click()
    const select = page.locator('[data-test="sidebar-template"] select')
    await select.locator('option[data-code="complaint"]').waitFor({ state: 'attached' })
    const value = await select.locator('option[data-code="complaint"]').getAttribute('value')
    await select.selectOption(value)
    await page.locator('[data-test="m-field-contact_phone"] input').fill('13912345601')
    await page.locator('[data-test="m-field-complaint_type"] select').selectOption('late')
    await page.locator('[data-test="m-field-description"] textarea').fill('师傅两次上门都迟到超过一小时')
    await page.locator('[data-test="sidebar-title"] input').fill(title)
    await page.locator('[data-test="sidebar-excerpt"] textarea').fill('陈晓明：师傅又迟到了\n客服：非常抱歉，马上为您登记')
    const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/tickets') && r.request().method() === 'POST')
    await page.locator('[data-test="sidebar-submit"]').click()
    const res = await created
    check(res.status() === 201, `create ticket: HTTP ${res.status()} ${await res.text()}`)
    const req = res.request()
    check(!!req.headers()['idempotency-key'], 'no Idempotency-Key header')
    const sent = req.postDataJSON()
    check(sent.source === 'wecom_sidebar' && sent.customerId === customer.id && sent.fields.customer === customer.id, `body ${JSON.stringify(sent)}`)
    const ticket = await res.json()
    check(ticket.chatExcerpt?.includes('师傅又迟到了'), `chat excerpt not stored: ${ticket.chatExcerpt}`)
    await page.locator(`[data-test="sidebar-tickets"] [data-test="m-ticket-${ticket.number}"]`, { hasText: title }).waitFor()
  })
  await screenshot(page, 'sidebar.png')
  await page.close()
}

/** The new WeCom SDK as WeCom's client provides it on a page opened from `entry`, on `contact` or `chatId`. */
async function inWeCom(page, { entry, contact = '', chatId = '' }) {
  await page.addInitScript(([entry, contact, chatId]) => {
    window.ww = {
      register: () => {},
      getContext: async () => ({ entry }),
      getCurExternalContact: async () => ({ userId: contact }),
      getCurExternalChat: async () => ({ chatId }),
    }
  }, [entry, contact, chatId])
  await page.route('**/api/v1/wecom/jsapi/signature?**', (route) =>
    json(route, 200, { corpId: 'wwDemoCorp', agentId: '1000002', config: { timestamp: 1, nonceStr: 'n', signature: 's' }, agentConfig: { timestamp: 1, nonceStr: 'n', signature: 's' } }),
  )
}

/** Fills the mobile ticket form with a complaint (the demo's complaint template) and sends it; the created ticket. */
async function complaint(page, title, { customer } = {}) {
  const select = page.locator('[data-test="sidebar-template"] select')
  await select.locator('option[data-code="complaint"]').waitFor({ state: 'attached' })
  await select.selectOption(await select.locator('option[data-code="complaint"]').getAttribute('value'))
  if (customer) {
    await page.locator('[data-test="ticket-form-customer"] input').fill(customer.name)
    await page.locator(`[data-test="ticket-form-customer-${customer.id}"]`).click()
  }
  await page.locator('[data-test="m-field-contact_phone"] input').fill('13912345601')
  await page.locator('[data-test="m-field-complaint_type"] select').selectOption('late')
  await page.locator('[data-test="m-field-description"] textarea').fill('师傅两次上门都迟到超过一小时')
  await page.locator('[data-test="sidebar-title"] input').fill(title)
  const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/tickets') && r.request().method() === 'POST')
  await page.locator('[data-test="sidebar-submit"]').click()
  const res = await created
  check(res.status() === 201, `create ticket: HTTP ${res.status()} ${await res.text()}`)
  return { sent: res.request().postDataJSON(), ticket: await res.json() }
}

async function customerPage(context, token) {
  const customer = (await api(`/api/v1/customers?q=${encodeURIComponent(CUSTOMER_NAME)}`, { token })).items.find((c) => c.wecomExternalIds.includes(CONTACT))
  const page = await context.newPage()
  watch(page)
  await inWeCom(page, { entry: 'contact_profile', contact: CONTACT })
  await step('customer page: the profile\'s contact is the demo customer, with their open tickets', async () => {
    await page.goto(`${BASE_URL}/m/customer`)
    await page.locator('[data-test="customer-profile-page"] [data-test="sidebar-customer-name"]', { hasText: CUSTOMER_NAME }).waitFor()
    await page.locator('[data-test="sidebar-tickets"] [data-test="m-ticket-title"]').first().waitFor()
  })
  await step('customer page: a new ticket is the customer\'s, from wecom_customer_page', async () => {
    await page.locator('[data-test="sidebar-new-ticket"]').click()
    const { sent, ticket } = await complaint(page, `客户详情页投诉 ${Date.now()}`)
    check(sent.source === 'wecom_customer_page' && sent.customerId === customer.id, `body ${JSON.stringify(sent)}`)
    check(ticket.source === 'wecom_customer_page', `stored source ${ticket.source}`)
    await page.locator(`[data-test="sidebar-tickets"] [data-test="m-ticket-${ticket.number}"]`).waitFor()
  })
  await screenshot(page, 'customer-page.png')
  await page.close()
}

async function groupSidebar(context, token) {
  const group = (await api(`/api/v1/customers/by-wecom?chatId=${GROUP}`, { token }))
  const page = await context.newPage()
  watch(page)
  await inWeCom(page, { entry: 'group_chat_tools', chatId: GROUP })
  await step('sidebar in a group chat: the group\'s customer; a ticket from wecom_group is theirs', async () => {
    await page.goto(`${BASE_URL}/m/sidebar`)
    await page.locator('[data-test="sidebar-customer"]', { hasText: '群聊' }).waitFor()
    await page.locator('[data-test="sidebar-customer-name"]', { hasText: group.name }).waitFor()
    await page.locator('[data-test="sidebar-new-ticket"]').click()
    const { sent, ticket } = await complaint(page, `群聊投诉 ${Date.now()}`)
    check(sent.source === 'wecom_group' && ticket.customerId === group.id, `body ${JSON.stringify(sent)} → customer ${ticket.customerId}`)
    await page.locator(`[data-test="sidebar-tickets"] [data-test="m-ticket-${ticket.number}"]`).waitFor()
  })
  await page.close()
}

/**
 * The workbench opened from WeCom's app list: WeCom's OAuth redirect adds a code. The demo tenant has no WeCom corp to
 * exchange it with, so POST /api/v1/auth/wecom is answered here with the agent's password session (WeComLoginIT
 * covers the exchange against the fake WeCom).
 */
async function workbench(browser, login, token) {
  const customer = (await api(`/api/v1/customers?q=${encodeURIComponent(CUSTOMER_NAME)}`, { token })).items.find((c) => c.wecomExternalIds.includes(CONTACT))
  const context = await newContext(browser)
  context.setDefaultTimeout(STEP_TIMEOUT)
  const page = await context.newPage()
  watch(page)
  let exchanged = null
  await page.route('**/api/v1/auth/wecom', (route) => {
    exchanged = route.request().postDataJSON()
    return json(route, 200, login)
  })
  await step('workbench: signed in from the OAuth code, the code leaves the address, my queue shows', async () => {
    await page.goto(`${BASE_URL}/m/workbench?tenant=${TENANT}&code=E2E-CODE&state=baton`)
    await page.locator('[data-test="workbench-user"]').waitFor()
    check(exchanged?.tenant === TENANT && exchanged?.code === 'E2E-CODE', `exchanged ${JSON.stringify(exchanged)}`)
    check(!page.url().includes('code='), `code still in ${page.url()}`)
    await page.locator('[data-test="workbench-mine"] [data-test="m-ticket-title"]').first().waitFor()
  })
  await screenshot(page, 'workbench.png')
  await step('workbench: a new ticket for a customer found by name, from wecom_workbench; listed as mine', async () => {
    await page.locator('.van-tab', { hasText: '新建工单' }).click()
    const { sent, ticket } = await complaint(page, `工作台投诉 ${Date.now()}`, { customer })
    check(sent.source === 'wecom_workbench' && sent.customerId === customer.id && sent.fields.customer === customer.id, `body ${JSON.stringify(sent)}`)
    check(ticket.source === 'wecom_workbench', `stored source ${ticket.source}`)
    await page.locator(`[data-test="workbench-created"] [data-test="m-ticket-${ticket.number}"]`).waitFor()
  })
  await context.close()
}

/** A scripted ticket behind /public/progress/test-token: awaiting confirmation → done → rated. */
function progressMock() {
  const steps = (current) => {
    const codes = [['submitted', '已提交'], ['accepted', '师傅已接单'], ['in_progress', '处理中'], ['awaiting_confirmation', null], ['done', null], ['rated', null]]
    const at = codes.findIndex(([c]) => c === current)
    return codes.map(([code, label], i) => ({ code, label, reached: i <= at, current: i === at }))
  }
  const timeline = [
    { kind: 'submitted', body: null, at: '2026-12-01T02:00:00Z' },
    { kind: 'status:accepted', body: null, at: '2026-12-01T02:10:00Z' },
    { kind: 'comment', body: '<p>师傅<strong>明天上午</strong>上门</p>', at: '2026-12-01T03:00:00Z' },
    { kind: 'status:awaiting_confirmation', body: null, at: '2026-12-02T08:00:00Z' },
  ]
  const state = { number: 'GD20261201-0042', title: '空调不制冷', customerStatus: 'awaiting_confirmation', steps: steps('awaiting_confirmation'), timeline, canConfirm: true, canRate: false, rating: null }
  const calls = []
  return {
    calls,
    async handle(route) {
      const req = route.request()
      const path = new URL(req.url()).pathname
      calls.push(`${req.method()} ${path}`)
      if (!path.startsWith('/public/progress/test-token')) return json(route, 404, { status: 404, title: 'Not Found', detail: 'link expired' })
      if (path.endsWith('/confirm')) {
        Object.assign(state, { customerStatus: 'done', steps: steps('done'), canConfirm: false, canRate: true })
        state.timeline = [...state.timeline, { kind: 'customer_confirm', body: null, at: '2026-12-02T09:00:00Z' }]
      } else if (path.endsWith('/rating')) {
        const { stars, comment } = req.postDataJSON()
        if (!stars) return json(route, 400, { status: 400, errors: [{ field: 'stars', message: '请选择星级' }] })
        Object.assign(state, { customerStatus: 'rated', steps: steps('rated'), canRate: false, rating: { stars, comment, at: '2026-12-02T09:05:00Z' } })
        state.timeline = [...state.timeline, { kind: 'customer_rate', body: null, at: '2026-12-02T09:05:00Z' }]
      }
      return json(route, 200, state)
    },
  }
}

async function progress(browser) {
  // a fresh context: the customer is not signed in
  const context = await newContext(browser)
  const page = await context.newPage()
  watch(page)
  const mock = progressMock()
  await page.route('**/public/progress/**', (route) => mock.handle(route))

  await step('progress: an expired link says so', async () => {
    await page.goto(`${BASE_URL}/p/expired-token`)
    await page.locator('[data-test="m-error"]', { hasText: '链接无效或已过期' }).waitFor()
  })

  await step('progress: awaiting confirmation, with the steps and the public timeline', async () => {
    await page.goto(`${BASE_URL}/p/test-token`)
    await page.locator('[data-test="progress-title"]', { hasText: '空调不制冷' }).waitFor()
    await page.locator('[data-test="progress-step-accepted"]', { hasText: '师傅已接单' }).waitFor()
    await page.locator('[data-test="progress-step-awaiting_confirmation"].van-step--process', { hasText: '待确认' }).waitFor()
    await page.locator('[data-test="progress-entry-comment"] strong', { hasText: '明天上午' }).waitFor()
    await page.locator('[data-test="progress-entry-status:accepted"]', { hasText: '师傅已接单' }).waitFor()
    check((await page.locator('[data-test="progress-rate"]').count()) === 0, 'rating offered before confirming')
  })
  await screenshot(page, 'progress.png')

  await step('progress: confirm through the dialog, then rate 4 stars with a comment → thank-you', async () => {
    await page.locator('[data-test="progress-confirm"]').click()
    await page.locator('.van-dialog__confirm').click()
    await page.locator('[data-test="progress-rate"]').waitFor()
    check((await page.locator('[data-test="progress-confirm"]').count()) === 0, 'confirm still offered')
    await page.locator('[data-test="progress-stars"] .van-rate__item').nth(3).click()
    await page.locator('[data-test="progress-comment"] textarea').fill('师傅很专业')
    const rated = page.waitForRequest((r) => r.url().endsWith('/rating'))
    await page.locator('[data-test="progress-rate-submit"]').click()
    const body = (await rated).postDataJSON()
    check(body.stars === 4 && body.comment === '师傅很专业', `rating body ${JSON.stringify(body)}`)
    await page.locator('[data-test="progress-thanks"]', { hasText: '师傅很专业' }).waitFor()
    const full = await page.locator('[data-test="progress-rating"] .van-rate__icon--full').count()
    check(full === 4, `thank-you shows ${full} stars`)
    check((await page.locator('[data-test="progress-rate"]').count()) === 0, 'rating still offered')
    check(!mock.calls.some((c) => c.includes('/api/')), 'progress page called the staff API')
  })
  await context.close()
}

/** a 1×1 PNG, what the phone's camera would hand over */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='

async function engineer(context, token) {
  const page = await context.newPage()
  watch(page)
  let first
  await step('engineer: /m/tickets lists my open tasks', async () => {
    const listed = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/tickets' && r.url().includes('queue=mine'))
    await page.goto(`${BASE_URL}/m/tickets`)
    const page1 = await (await listed).json()
    check(page1.items.length > 0, 'lina has no tasks in the demo tenant')
    first = page1.items[0]
    await page.locator(`[data-test="m-ticket-${first.number}"]`, { hasText: first.title }).waitFor()
  })
  await step('engineer: each task shows its SLA countdown, as the SLA read API gives it', async () => {
    const sla = await api(`/api/v1/tickets/${first.id}/sla`, { token })
    const open = sla.metrics.filter((m) => !m.stoppedAt)
    check(open.length > 0, `the demo ticket ${first.number} has no running SLA`)
    const badge = page.locator(`[data-test="m-ticket-${first.number}"] [data-test="m-ticket-sla"]`)
    await badge.waitFor()
    // the most pressing clock: the least time left, an overdue one (negative) before any other
    const least = Math.min(...open.map((m) => (m.remainingMinutes != null ? m.remainingMinutes : -(m.overdueMinutes ?? 0))))
    const text = (await badge.textContent()).trim()
    const minutes = Math.abs(least)
    // the badge was read a moment before this call: allow a minute of difference
    const shown = /(\d+)小时(\d+)分/.exec(text) ?? /()(\d+)分钟/.exec(text)
    check(shown && Math.abs(Number(shown[1] || 0) * 60 + Number(shown[2]) - minutes) <= 1, `badge "${text}", API ${least} min`)
    check(text.startsWith(least < 0 ? '超时' : '剩'), `badge "${text}", API ${least} min`)
  })
  await screenshot(page, 'engineer-list.png')
  await step('engineer: open a task; its title, fields and actions show', async () => {
    await page.locator(`[data-test="m-ticket-${first.number}"]`).click()
    await page.waitForURL((u) => u.pathname === `/m/tickets/${first.id}`)
    await page.locator('[data-test="engineer-ticket-title"]', { hasText: first.title }).waitFor()
    await page.locator('[data-test="engineer-fields"] .van-cell').first().waitFor()
    await page.locator('[data-test^="engineer-action-"]').first().waitFor()
  })
  await screenshot(page, 'engineer-ticket.png')
  await step('engineer: take a site photo; it uploads, shows as a thumbnail and reaches the ticket', async () => {
    const input = page.locator('[data-test="engineer-photos"] input[type="file"]')
    check((await input.getAttribute('accept')) === 'image/*' && (await input.getAttribute('capture')) !== null, 'the picker does not ask for the camera')
    const uploaded = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/attachments' && r.request().method() === 'POST')
    const hint = (await page.locator('[data-test="engineer-photos-hint"]').textContent()).trim()
    const asComment = hint.includes('评论')
    const commented = asComment ? page.waitForResponse((r) => r.url().endsWith(`/tickets/${first.id}/actions/comment`)) : null
    await input.setInputFiles({ name: 'site.png', mimeType: 'image/png', buffer: Buffer.from(PNG, 'base64') })
    const attachment = await (await uploaded).json()
    check(attachment.contentType === 'image/png', `uploaded as ${JSON.stringify(attachment)}`)
    const thumb = page.locator('[data-test="engineer-photos"] .van-uploader__preview-image img')
    await thumb.waitFor()
    await page.locator('[data-test="engineer-photos"] .van-uploader__mask').waitFor({ state: 'detached' })
    check(await thumb.evaluate((img) => img.complete && img.naturalWidth > 0), 'the thumbnail does not show')
    if (asComment) {
      check((await commented).status() === 200, 'the photo comment was refused')
      const events = await api(`/api/v1/tickets/${first.id}/events`, { token })
      check(events.some((e) => e.action === 'comment' && e.body?.includes(`/api/v1/attachments/${attachment.id}/`)), 'no comment shows the photo')
      // the desk sees the picture too: loaded with the token, shown from an object URL
      const desk = await page.context().newPage()
      watch(desk)
      await desk.goto(`${BASE_URL}/tickets/${first.id}`)
      const picture = desk.locator('[data-test="event-comment"] .event-body img[src^="blob:"]').first()
      await picture.waitFor()
      await desk.waitForFunction((img) => img.complete && img.naturalWidth > 0, await picture.elementHandle())
      await desk.close()
    } else {
      log(`  ${hint}`)
    }
  })
  await screenshot(page, 'engineer-photo.png')
  await page.close()
}

function watch(page) {
  page.on('pageerror', (e) => log(`  [page error] ${e.message}`))
  page.on('console', (m) => m.type() === 'error' && log(`  [console] ${m.text()}`))
}

const newContext = (browser) => browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' })

async function main() {
  if (!BASE_URL) {
    console.error('BASE_URL is required, e.g. BASE_URL=http://localhost:8080 node e2e/mobile.mjs')
    return 1
  }
  if (SCREENSHOT_DIR) mkdirSync(SCREENSHOT_DIR, { recursive: true })
  let browser
  let overall
  let current
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS, headless: true, timeout: 30_000 })
    const login = await api('/api/v1/auth/login', { method: 'POST', body: { tenant: TENANT, username: AGENT, password: PASSWORD } })
    const context = await newContext(browser)
    context.setDefaultTimeout(STEP_TIMEOUT)
    context.on('page', (p) => (current = p))
    // signed in as the desktop app keeps it (features/auth/store.ts)
    await context.addInitScript(([token, expires]) => {
      localStorage.setItem('baton.token', token)
      localStorage.setItem('baton.tokenExpiresAt', expires)
    }, [login.accessToken, login.expiresAt])
    const journey = async () => {
      await sidebar(context, login.accessToken)
      await groupSidebar(context, login.accessToken)
      await customerPage(context, login.accessToken)
      await progress(browser)
      await engineer(context, login.accessToken)
      await workbench(browser, login, login.accessToken)
    }
    await Promise.race([
      journey(),
      new Promise((_, reject) => (overall = setTimeout(() => reject(new Error(`took longer than ${TOTAL_TIMEOUT} ms`)), TOTAL_TIMEOUT))),
    ])
    log(`PASSED: ${step.count()} steps`)
    return 0
  } catch (e) {
    console.error(`[mobile] FAILED: ${e && e.stack ? e.stack : e}`)
    if (current && !current.isClosed()) {
      const file = join(SCREENSHOT_DIR || tmpdir(), 'mobile-failure.png')
      await current.screenshot({ path: file, timeout: 5000 }).catch(() => {})
      console.error(`[mobile] failure screenshot: ${file} (url ${current.url()})`)
    }
    return 1
  } finally {
    clearTimeout(overall)
    if (browser) await browser.close().catch(() => {})
  }
}

process.exit(await main())
