#!/usr/bin/env node
// Issue 9's checked journey, entirely through the UI of the real server (no mocks), in the system Chromium:
//
//   1. the administrator designs a template with five field types (one of them the money field `amount`),
//   2. designs its flow: 受理 (agent) → condition (金额 > 5000 → 主管审批, otherwise nothing) → 处理完成 (agent) → end
//      awaiting the customer's confirmation; a first publish with the condition left empty shows the server's
//      problem on the branch; the condition is then built with the friendly builder and the flow published,
//   3. simulates it in the sandbox with 8000 (the path runs through the approval) and 100 (it skips it),
//   4. creates a ticket with 金额 8000 in the workspace,
//   5. the agent 李娜 accepts and submits 受理, the supervisor 赵敏 approves it from 待我审批, 李娜 finishes the work,
//   6. 李娜 issues the customer's progress link from the ticket page; the customer opens the real /p/:token page on a
//      phone, sees the steps, confirms and rates with stars and a comment,
//   7. the staff ticket page's timeline shows the customer's confirmation and rating under their own labels.
//
//   BASE_URL=http://localhost:8080 node e2e/ticket-journey.mjs
//
// Env (as e2e/run.mjs): BASE_URL (required), CHROMIUM_PATH (default /usr/bin/chromium), SCREENSHOT_DIR
// (flow-condition.png, flow-sandbox.png, ticket-create.png, approvals.png, progress-rated.png), E2E_TENANT /
// E2E_USERNAME / E2E_PASSWORD (demo / admin / baton-demo), E2E_AGENT (lina), E2E_SUPERVISOR (zhaomin),
// STEP_TIMEOUT_MS.

import { chromium } from 'playwright-core'
import { mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  BASE_URL, CHROMIUM_ARGS as ARGS, CHROMIUM_PATH, PASSWORD, SCREENSHOT_DIR, STEP_TIMEOUT, TENANT,
  apiResponse, check, expectStatus, journeyLog, stepper,
} from './harness.mjs'

const TOTAL_TIMEOUT = Number(process.env.E2E_TOTAL_TIMEOUT_MS) || 240_000
const ADMIN = process.env.E2E_USERNAME || 'admin'
/** a demo agent (role 客服) and a demo supervisor (role 主管), same password as the administrator */
const AGENT = process.env.E2E_AGENT || 'lina'
const SUPERVISOR = process.env.E2E_SUPERVISOR || 'zhaomin'

const log = journeyLog('journey')
const step = stepper(log)

async function screenshot(page, name, options = {}) {
  if (!SCREENSHOT_DIR) return
  // toasts of earlier steps would cover the page
  await page.locator('.el-message, .van-toast').first().waitFor({ state: 'hidden' }).catch(() => {})
  await page.screenshot({ path: join(SCREENSHOT_DIR, name), ...options })
  log(`  screenshot ${name}`)
}

let current
const pages = []
function watch(page) {
  current = page
  pages.push(page)
  page.on('pageerror', (e) => log(`  [page error] ${e.message}`))
  page.on('console', (m) => m.type() === 'error' && log(`  [console] ${m.text()}`))
  page.on('response', (r) => r.status() >= 500 && log(`  [http ${r.status()}] ${r.request().method()} ${r.url()}`))
  return page
}

/** A new desktop window signed in as `username` through the log-in form. */
async function signIn(browser, username) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' })
  context.setDefaultTimeout(STEP_TIMEOUT)
  const page = watch(await context.newPage())
  await page.goto(`${BASE_URL}/login`)
  await page.locator('[data-test="login-tenant"]').fill(TENANT)
  await page.locator('[data-test="login-username"]').fill(username)
  await page.locator('[data-test="login-password"]').fill(PASSWORD)
  const login = apiResponse(page, 'POST', '/auth/login')
  await page.locator('[data-test="login-password"]').press('Enter')
  await expectStatus(await login, 200, `log in as ${username}`)
  await page.locator('[data-test="header-user"]').waitFor()
  return page
}

/** Opens the Element Plus select under `trigger` and clicks the visible option containing `text`. */
async function pick(page, trigger, text) {
  await trigger.locator('.el-select__wrapper').first().click()
  const option = page.locator('.el-select-dropdown__item', { hasText: text }).filter({ visible: true }).first()
  await option.click()
  await option.waitFor({ state: 'hidden' })
}

/** Waits until no loading mask shows inside `scope` (a reload may briefly stack a second one). */
async function settled(page, scope) {
  await page.waitForFunction(
    (sel) => [...document.querySelectorAll(`${sel} .el-loading-mask`)].every((m) => !m.checkVisibility()),
    scope,
  )
}

async function closeDrawer(page) {
  const drawer = page.locator('[data-test="flow-drawer"]')
  // no wait for the slide-out: a node picked while the panel closes must open it again, as a quick user expects
  await drawer.locator('.el-drawer__close-btn').click()
}

/** Inserts a node of `type` at the "+" `plus` and names it; the side panel stays open on it. */
async function insertNode(page, plus, type, name) {
  await plus.click()
  await page.locator(`[data-test="flow-add-${type}"]`).filter({ visible: true }).click()
  await page.locator('[data-test="flow-node-editor"]').waitFor()
  await page.locator('[data-test="flow-node-name"]').fill(name)
}

async function designTemplate(page, code) {
  const templateName = `E2E 报销 ${code}`
  await step('template designer: five field types, the money field keyed `amount`, saved enabled', async () => {
    await page.goto(`${BASE_URL}/templates/new`)
    await page.locator('[data-test="template-name"]').fill(templateName)
    await page.locator('[data-test="template-code"]').fill(code)
    const canvas = page.locator('[data-test="template-canvas-list"] > .field-item')
    for (const type of ['text', 'select', 'money', 'date', 'textarea']) {
      const before = await canvas.count()
      await page.locator(`[data-test="template-palette-${type}"]`).click()
      await canvas.nth(before).waitFor()
    }
    await page.locator('[data-test="template-canvas-list"] > .field-item[data-key="money_1"]').click()
    await page.locator('[data-test="template-field-key"]').fill('amount')
    await page.locator('[data-test="template-field-label"]').fill('金额')
    await page.locator('[data-test="template-canvas-list"] > .field-item[data-key="text_1"]').click()
    await page.locator('[data-test="template-field-label"]').fill('报销事由')
    const created = apiResponse(page, 'POST', '/templates')
    await page.locator('[data-test="template-save"]').click()
    const body = await (await expectStatus(await created, 201, 'create template')).json()
    const types = body.fields.map((f) => f.type)
    check(body.enabled && new Set(types).size === 5, `template saved as ${JSON.stringify(types)}`)
    check(body.fields.some((f) => f.key === 'amount' && f.type === 'money'), 'no money field `amount`')
    await page.waitForURL((u) => /^\/templates\/\d+$/.test(u.pathname))
  })
  return templateName
}

async function designFlow(page, templateName) {
  const flowName = `E2E 报销流程 ${Date.now().toString(36)}`
  await step('flows: create a flow for the new template', async () => {
    await page.locator('[data-test="menu-flows"]').click()
    await page.waitForURL((u) => u.pathname === '/flows')
    await page.locator('[data-test="flow-new"]').click()
    await page.locator('[data-test="flow-form-name"]').fill(flowName)
    await pick(page, page.locator('[data-test="flow-form-template"]'), templateName)
    const created = apiResponse(page, 'POST', '/flows')
    await page.locator('[data-test="flow-form-save"]').click()
    await expectStatus(await created, 201, 'create flow')
    await page.waitForURL((u) => /^\/flows\/\d+$/.test(u.pathname))
    await page.locator('[data-test="flow-node-start"]').waitFor()
  })

  const plusAfter = (nodeId) => page.locator(`[data-test="flow-node-${nodeId}"] + .connector [data-test="flow-add-node"]`)
  await step('designer: 受理 handled by the agent role after the start', async () => {
    await insertNode(page, plusAfter('start'), 'task', '受理')
    await pick(page, page.locator('[data-test="flow-node-editor"] [data-test="flow-assignee-strategy"]'), '角色')
    await pick(page, page.locator('[data-test="flow-assignee-role"]'), '客服')
    await closeDrawer(page)
    await page.locator('[data-test="flow-node-task_1"]', { hasText: '客服' }).waitFor()
  })

  await step('designer: a condition after 受理, 主管审批 by the supervisor role on its first branch', async () => {
    await insertNode(page, plusAfter('task_1'), 'condition', '金额判断')
    await closeDrawer(page)
    await page.locator('[data-test="flow-branch-condition_1-1"]', { hasText: '其他情况' }).waitFor()
    await insertNode(page, page.locator('[data-test="flow-branch-condition_1-0"] + .connector [data-test="flow-add-node"]'), 'approval', '主管审批')
    await page.locator('[data-test="flow-approver-add"]').click()
    await pick(page, page.locator('[data-test="flow-approver-0"] [data-test="flow-assignee-role"]'), '主管')
    await closeDrawer(page)
    await page.locator('[data-test="flow-node-approval_1"]', { hasText: '主管' }).waitFor()
  })

  await step('designer: 处理完成 by the agent role after the condition; the end awaits the customer', async () => {
    const plus = page.locator('[data-test="flow-branches-condition_1"] + .connector-line + .connector [data-test="flow-add-node"]')
    await insertNode(page, plus, 'task', '处理完成')
    await pick(page, page.locator('[data-test="flow-node-editor"] [data-test="flow-assignee-strategy"]'), '角色')
    await pick(page, page.locator('[data-test="flow-assignee-role"]'), '客服')
    await closeDrawer(page)
    await page.locator('[data-test="flow-node-end"]').click()
    await pick(page, page.locator('[data-test="flow-end-customer-status"]'), '待确认')
    await closeDrawer(page)
  })

  await step('publish with the condition still empty: the server refuses and its problem shows on the branch', async () => {
    const published = apiResponse(page, 'POST', '/flows/', (u) => u.pathname.endsWith('/publish'))
    await page.locator('[data-test="flow-publish"]').click()
    await expectStatus(await published, 400, 'publish an incomplete flow')
    const branch = page.locator('[data-test="flow-branch-condition_1-0"].has-problems')
    const problem = await branch.locator('.problems li').first().textContent()
    check(problem?.trim(), 'the branch shows no problem text')
    await page.locator('[data-test="flow-problems"]').waitFor()
    log(`  the branch says: ${problem.trim()}`)
  })

  await step('build 金额 > 5000 with the builder (field, operator, value), publish v1', async () => {
    await page.locator('[data-test="flow-branch-condition_1-0"]').click()
    await page.locator('[data-test="flow-condition-add"]').click()
    const row = page.locator('[data-test="flow-condition-row-0"]')
    await pick(page, row.locator('.subject'), '金额')
    await pick(page, row.locator('.op'), '大于')
    await row.locator('.value input').fill('5000')
    await row.locator('.value input').press('Enter')
    await page.locator('[data-test="flow-condition"] .preview', { hasText: 'fields.amount > 5000' }).waitFor()
    await closeDrawer(page)
    await page.locator('[data-test="flow-branch-condition_1-0"]', { hasText: 'fields.amount > 5000' }).waitFor()
    const published = apiResponse(page, 'POST', '/flows/', (u) => u.pathname.endsWith('/publish'))
    await page.locator('[data-test="flow-publish"]').click()
    await expectStatus(await published, 200, 'publish')
    await page.locator('[data-test="flow-designer"] .el-tag', { hasText: 'v1' }).first().waitFor()
    await page.locator('[data-test="flow-problems"]').waitFor({ state: 'detached' })
    check((await page.locator('.has-problems').count()) === 0, 'problems still marked after publishing')
    // the published branch reads back into the builder's rows
    await page.locator('[data-test="flow-branch-condition_1-0"]').click()
    const readBack = page.locator('[data-test="flow-condition-row-0"]')
    await readBack.locator('.subject', { hasText: '金额' }).waitFor()
    check((await readBack.locator('.value input').inputValue()) === '5000', 'the builder does not read the condition back')
  })
  await screenshot(page, 'flow-condition.png')
  await closeDrawer(page)

  const simulate = async (amount) => {
    const input = page.locator('[data-test="flow-sim-field-amount"] input')
    await input.fill(String(amount))
    await input.press('Tab')
    const simulated = apiResponse(page, 'POST', '/flows/', (u) => u.pathname.endsWith('/simulate'))
    await page.locator('[data-test="flow-simulate"]').click()
    const res = await expectStatus(await simulated, 200, 'simulate')
    check(res.request().postDataJSON().fields?.amount === amount, `simulated with ${res.request().postData()}`)
  }
  await step('sandbox with 金额 8000: the path runs through 主管审批, highlighted on the canvas', async () => {
    await page.locator('[data-test="flow-sandbox-toggle"]').click()
    await simulate(8000)
    await page.locator('[data-test="flow-node-approval_1"].on-path').waitFor()
    await page.locator('[data-test="flow-node-task_1"].on-path').waitFor()
    await page.locator('[data-test="flow-branch-condition_1-0"].on-path').waitFor()
    await page.locator('[data-test="flow-sim-result"]', { hasText: '主管审批' }).waitFor()
  })
  await page.locator('[data-test="flow-canvas"]').evaluate((e) => e.scrollTo(0, 0))
  await page.locator('[data-test="flow-sim-result"]').scrollIntoViewIfNeeded()
  await screenshot(page, 'flow-sandbox.png')

  await step('sandbox with 金额 100: the path skips the approval', async () => {
    await simulate(100)
    await page.locator('[data-test="flow-node-approval_1"]:not(.on-path)').waitFor()
    await page.locator('[data-test="flow-node-task_2"].on-path').waitFor()
    const steps = await page.locator('[data-test="flow-sim-result"] .steps').first().textContent()
    check(!steps.includes('主管审批') && steps.includes('处理完成'), `the sandbox path: ${steps}`)
  })
}

async function createTicket(page, templateName, title) {
  return step('workspace: create a ticket with 金额 8000 in the new-ticket dialog', async () => {
    await page.locator('[data-test="menu-tickets"]').click()
    await page.waitForURL((u) => u.pathname === '/tickets')
    await page.locator('[data-test="ticket-create"]').click()
    const dialog = page.locator('[data-test="ticket-create-dialog"]')
    await dialog.locator('[data-test="ticket-title"]').waitFor()
    await pick(page, dialog.locator('[data-test="ticket-template"]'), templateName)
    await dialog.locator('[data-test="ticket-field-amount"] input').waitFor()
    await dialog.locator('[data-test="ticket-title"]').fill(title)
    await dialog.locator('[data-test="ticket-field-text_1"] input').fill('客户现场更换压缩机')
    await dialog.locator('[data-test="ticket-field-amount"] input').fill('8000')
    await dialog.locator('[data-test="ticket-field-amount"] input').press('Enter')
    await pick(page, dialog.locator('[data-test="ticket-field-select_1"]'), '')
    const date = dialog.locator('[data-test="ticket-field-date_1"] input')
    await date.fill('2026-12-01')
    await date.press('Enter')
    await page.locator('.el-picker__popper').filter({ visible: true }).waitFor({ state: 'hidden' })
    await dialog.locator('[data-test="ticket-field-textarea_1"] textarea').fill('原压缩机保修已过期，更换费用 8000 元')
    await screenshot(page, 'ticket-create.png')
    const created = apiResponse(page, 'POST', '/tickets', (u) => u.pathname === '/api/v1/tickets')
    await dialog.locator('[data-test="ticket-create-submit"]').click()
    const res = await expectStatus(await created, 201, 'create ticket')
    const ticket = await res.json()
    check(ticket.fields.amount === 8000, `the ticket's amount is ${ticket.fields.amount}`)
    await page.waitForURL((u) => u.pathname === `/tickets/${ticket.id}`)
    await page.locator('[data-test="ticket-heading"]', { hasText: title }).waitFor()
    return ticket
  })
}

/** On the ticket page: runs the action's button and waits for the server to accept it. */
async function act(page, ticketId, action) {
  const done = apiResponse(page, 'POST', `/tickets/${ticketId}/actions/${action}`)
  await page.locator(`[data-test="action-${action}"]`).click()
  await expectStatus(await done, 200, action)
}

async function openFromQueue(page, queue, title, ticketId) {
  const listed = apiResponse(page, 'GET', '/tickets', (u) => u.searchParams.get('queue') === queue)
  if (queue === 'mine') await page.locator('[data-test="menu-tickets"]').click()
  else await page.locator(`[data-test="queue-${queue}"]`).click()
  await expectStatus(await listed, 200, `list ${queue}`)
  const row = page.locator('[data-test="tickets-table"] .el-table__row', { hasText: title })
  await row.first().waitFor()
  await settled(page, '[data-test="tickets-table"]')
  return async () => {
    await row.first().click()
    await page.waitForURL((u) => u.pathname === `/tickets/${ticketId}`)
    await page.locator('[data-test="ticket-heading"]', { hasText: title }).waitFor()
  }
}

async function customerPage(browser, url) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' })
  context.setDefaultTimeout(STEP_TIMEOUT)
  const page = watch(await context.newPage())
  const staffApi = []
  page.on('request', (r) => new URL(r.url()).pathname.startsWith('/api/') && staffApi.push(r.url()))
  await step('customer: the real progress page shows the steps, awaiting confirmation', async () => {
    await page.goto(url)
    await page.locator('[data-test="progress-title"]').waitFor()
    await page.locator('[data-test="progress-step-submitted"]').waitFor()
    await page.locator('[data-test="progress-step-awaiting_confirmation"].van-step--process').waitFor()
    await page.locator('[data-test="progress-confirm"]').waitFor()
  })
  await step('customer: confirm it resolved, rate 5 stars with a comment → thank-you', async () => {
    const confirmed = page.waitForResponse((r) => r.url().endsWith('/confirm'))
    await page.locator('[data-test="progress-confirm"]').click()
    await page.locator('.van-dialog__confirm').click()
    check((await confirmed).status() === 200, 'confirm refused')
    await page.locator('[data-test="progress-rate"]').waitFor()
    await page.locator('[data-test="progress-stars"] .van-rate__item').nth(4).click()
    await page.locator('[data-test="progress-comment"] textarea').fill('处理及时，师傅很专业')
    const rated = page.waitForResponse((r) => r.url().endsWith('/rating'))
    await page.locator('[data-test="progress-rate-submit"]').click()
    check((await rated).status() === 200, 'rating refused')
    const said = await page.locator('[data-test="progress-thanks"] [data-test="progress-rating-comment"]').textContent()
    check(said === '处理及时，师傅很专业', `the thank-you shows the comment as ${said}`)
    await page.locator('[data-test="progress-step-rated"].van-step--process').waitFor()
    check(staffApi.length === 0, `the customer page called the staff API: ${staffApi}`)
  })
  await screenshot(page, 'progress-rated.png', { fullPage: true })
  await context.close()
}

async function run(browser) {
  const code = `e2e_${Date.now().toString(36)}`
  const title = `E2E 报销 8000 ${code}`
  const admin = await step(`log in as ${ADMIN}`, () => signIn(browser, ADMIN))
  const templateName = await designTemplate(admin, code)
  await designFlow(admin, templateName)
  const ticket = await createTicket(admin, templateName, title)

  const agent = await step(`log in as the agent ${AGENT}`, () => signIn(browser, AGENT))
  await step('agent: 受理 is in my work; accept and submit it', async () => {
    await (await openFromQueue(agent, 'mine', title, ticket.id))()
    await agent.locator('[data-test="node-task_1"]').waitFor()
    await act(agent, ticket.id, 'accept')
    await act(agent, ticket.id, 'submit')
    await agent.locator('[data-test="node-approval_1"]').waitFor()
  })

  const supervisor = await step(`log in as the supervisor ${SUPERVISOR}`, () => signIn(browser, SUPERVISOR))
  await step('supervisor: the ticket waits in 待我审批; approve it', async () => {
    await supervisor.locator('[data-test="menu-tickets"]').click()
    await supervisor.waitForURL((u) => u.pathname === '/tickets')
    const open = await openFromQueue(supervisor, 'approvals', title, ticket.id)
    await screenshot(supervisor, 'approvals.png')
    await open()
    await act(supervisor, ticket.id, 'approve')
    await supervisor.locator('[data-test="node-task_2"]').waitFor()
  })

  await step('agent: 处理完成 is offered; accept and submit it → resolved, awaiting the customer', async () => {
    await agent.reload()
    await agent.locator('[data-test="node-task_2"]').waitFor()
    await act(agent, ticket.id, 'accept')
    await act(agent, ticket.id, 'submit')
    await agent.locator('[data-test="ticket-status"]', { hasText: '已解决' }).waitFor()
  })

  const url = await step('agent: issue the progress link from the ticket page', async () => {
    const issued = apiResponse(agent, 'POST', `/tickets/${ticket.id}/progress-link`)
    await agent.locator('[data-test="ticket-progress-link"]').click()
    await expectStatus(await issued, 201, 'progress link')
    await agent.locator('[data-test="progress-link-qr"]').waitFor()
    const link = await agent.locator('[data-test="progress-link-url"]').inputValue()
    check(new URL(link).pathname.startsWith('/p/'), `the link is ${link}`)
    await agent.locator('[data-test="progress-link-dialog"] .el-dialog__headerbtn').click()
    return link
  })
  await customerPage(browser, url)

  await step('agent: the timeline shows the customer confirmed and rated, under their own labels', async () => {
    const events = apiResponse(agent, 'GET', `/tickets/${ticket.id}/events`)
    await agent.reload()
    await expectStatus(await events, 200, 'events')
    const confirm = agent.locator('[data-test="event-customer_confirm"]')
    await confirm.filter({ hasText: '客户确认完成' }).filter({ hasText: '客户' }).waitFor()
    const rate = agent.locator('[data-test="event-customer_rate"]')
    await rate.filter({ hasText: '客户评价' }).filter({ hasText: '★★★★★' }).filter({ hasText: '师傅很专业' }).waitFor()
    const text = (await agent.locator('[data-test="ticket-timeline"]').textContent()) || ''
    check(!text.includes('customer_confirm') && !text.includes('customer_rate'), 'a raw event code is shown')
  })
}

async function main() {
  if (!BASE_URL) {
    console.error('BASE_URL is required, e.g. BASE_URL=http://localhost:8080 node e2e/ticket-journey.mjs')
    return 1
  }
  if (SCREENSHOT_DIR) mkdirSync(SCREENSHOT_DIR, { recursive: true })
  let browser
  let overall
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS, headless: true, timeout: 30_000 })
    await Promise.race([
      run(browser),
      new Promise((_, reject) => (overall = setTimeout(() => reject(new Error(`took longer than ${TOTAL_TIMEOUT} ms`)), TOTAL_TIMEOUT))),
    ])
    log(`PASSED: ${step.count()} steps`)
    return 0
  } catch (e) {
    console.error(`[journey] FAILED: ${e && e.stack ? e.stack : e}`)
    if (current && !current.isClosed()) {
      const file = join(SCREENSHOT_DIR || tmpdir(), 'journey-failure.png')
      await current.screenshot({ path: file, timeout: 5000 }).catch(() => {})
      console.error(`[journey] failure screenshot: ${file} (url ${current.url()})`)
    }
    return 1
  } finally {
    clearTimeout(overall)
    if (browser) await browser.close().catch(() => {})
  }
}

process.exit(await main())
