// What every browser journey shares: its environment, Chromium's flags, a log with the time since start, numbered
// steps that say which one failed, and waiting for an API answer. Each journey keeps its own users and screens.

import { resolve } from 'node:path'

export const BASE_URL = (process.env.BASE_URL || '').replace(/\/+$/, '')
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
export const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR ? resolve(process.env.SCREENSHOT_DIR) : ''
export const STEP_TIMEOUT = Number(process.env.STEP_TIMEOUT_MS) || 15_000
export const TENANT = process.env.E2E_TENANT || 'demo'
export const PASSWORD = process.env.E2E_PASSWORD || 'baton-demo'

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** A log whose lines carry the journey's name and the seconds since it started. */
export function journeyLog(name) {
  const started = Date.now()
  return (msg) => console.log(`[${name} ${((Date.now() - started) / 1000).toFixed(1)}s] ${msg}`)
}

/** Numbered steps: each logs its start, and its end or failure with how long it took. */
export function stepper(log) {
  let stepNo = 0
  const step = async (name, fn) => {
    stepNo += 1
    const t0 = Date.now()
    log(`▶ ${stepNo}. ${name}`)
    try {
      const result = await fn()
      log(`✓ ${stepNo}. ${name} (${Date.now() - t0} ms)`)
      return result
    } catch (e) {
      log(`✗ ${stepNo}. ${name} (${Date.now() - t0} ms)`)
      throw e
    }
  }
  /** how many steps have started */
  step.count = () => stepNo
  return step
}

export function check(cond, message) {
  if (!cond) throw new Error(message)
}

/** Waits for the API response of `method` whose path (after /api/v1) starts with `prefix` and passes `extra`. */
export function apiResponse(page, method, prefix, extra = () => true) {
  return page.waitForResponse(
    (res) => {
      const url = new URL(res.url())
      return res.request().method() === method && url.pathname.startsWith(`/api/v1${prefix}`) && extra(url)
    },
    { timeout: STEP_TIMEOUT },
  )
}

async function failure(res, what) {
  const body = await res.text().catch(() => '')
  return new Error(`${what}: HTTP ${res.status()} ${body.slice(0, 500)}`)
}

export async function expectOk(res, what) {
  if (res.status() >= 400) throw await failure(res, what)
  return res
}

export async function expectStatus(res, status, what) {
  if (res.status() !== status) throw await failure(res, what)
  return res
}
