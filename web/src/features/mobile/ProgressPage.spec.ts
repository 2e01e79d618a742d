// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import { i18n } from '@/i18n'
import ProgressPage from './ProgressPage.vue'
import type { Progress } from './mobileApi'

const steps = (current: string) =>
  ['submitted', 'accepted', 'in_progress', 'awaiting_confirmation', 'done', 'rated'].map((code, i, all) => ({
    code,
    label: code === 'accepted' ? '师傅已接单' : null,
    reached: i <= all.indexOf(current),
    current: code === current,
  }))

const awaiting: Progress = {
  number: 'GD-1',
  title: '空调不制冷',
  customerStatus: 'awaiting_confirmation',
  steps: steps('awaiting_confirmation'),
  timeline: [
    { kind: 'submitted', body: null, at: '2026-12-01T02:00:00Z' },
    { kind: 'comment', body: '<p>师傅<strong>明天</strong>上门</p>', at: '2026-12-01T03:00:00Z' },
  ],
  canConfirm: true,
  canRate: false,
  rating: null,
}

function answer(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

async function open(token: string, fetchMock: (url: string, init?: RequestInit) => Promise<Response>) {
  vi.stubGlobal('fetch', vi.fn(fetchMock))
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/p/:token', component: ProgressPage }] })
  await router.push(`/p/${token}`)
  const wrapper = mount(ProgressPage, { global: { plugins: [router, i18n] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

describe('ProgressPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it('tells the customer when the link is invalid or expired', async () => {
    const w = await open('gone', async () => answer(404, { status: 404, title: 'Not Found' }))
    expect(w.find('[data-test="m-error"]').text()).toContain('链接无效或已过期')
  })

  it('shows the steps with the server labels, the sanitised timeline and the confirm button, without a token', async () => {
    let headers: Record<string, string> = {}
    const w = await open('tok', async (url, init) => {
      expect(url).toBe('/public/progress/tok')
      headers = init?.headers as Record<string, string>
      return answer(200, awaiting)
    })
    expect(headers.Authorization).toBeUndefined()
    expect(w.find('[data-test="progress-title"]').text()).toBe('空调不制冷')
    expect(w.find('[data-test="progress-step-accepted"]').text()).toContain('师傅已接单')
    expect(w.find('[data-test="progress-step-awaiting_confirmation"]').text()).toContain('待确认')
    expect(w.find('[data-test="progress-step-awaiting_confirmation"]').classes()).toContain('van-step--process')
    expect(w.find('[data-test="progress-entry-comment"] strong').text()).toBe('明天')
    expect(w.find('[data-test="progress-entry-submitted"]').text()).toContain('工单已提交')
    expect(w.find('[data-test="progress-confirm"]').exists()).toBe(true)
    expect(w.find('[data-test="progress-rate"]').exists()).toBe(false)
  })

  it('confirms after the dialog, then sends the stars and comment and thanks the customer', async () => {
    const calls: string[] = []
    let ratingBody: unknown = null
    const w = await open('tok', async (url, init) => {
      calls.push(`${init?.method ?? 'GET'} ${url}`)
      if (url.endsWith('/confirm')) return answer(200, { ...awaiting, steps: steps('done'), canConfirm: false, canRate: true })
      if (url.endsWith('/rating')) {
        ratingBody = JSON.parse(String(init?.body))
        return answer(200, { ...awaiting, steps: steps('rated'), canConfirm: false, canRate: false, rating: { stars: 4, comment: '<p>很专业&#xff0c;谢谢</p>', at: '2026-12-02T09:00:00Z' } })
      }
      return answer(200, awaiting)
    })
    await w.find('[data-test="progress-confirm"]').trigger('click')
    await flushPromises()
    const ok = document.querySelector<HTMLButtonElement>('.van-dialog__confirm')
    expect(ok).not.toBeNull()
    ok!.click()
    await flushPromises()
    expect(calls).toContain('POST /public/progress/tok/confirm')
    expect(w.find('[data-test="progress-confirm"]').exists()).toBe(false)

    // no stars yet: asked for them, nothing sent
    await w.find('[data-test="progress-rate-submit"]').trigger('click')
    expect(w.find('[data-test="progress-rate-error"]').exists()).toBe(true)
    expect(calls.some((c) => c.endsWith('/rating'))).toBe(false)

    await w.findAll('[data-test="progress-stars"] .van-rate__item')[3].trigger('click')
    await w.find('[data-test="progress-comment"] textarea').setValue('很专业')
    await w.find('[data-test="progress-rate-submit"]').trigger('click')
    await flushPromises()
    expect(ratingBody).toEqual({ stars: 4, comment: '很专业' })
    expect(w.find('[data-test="progress-thanks"]').text()).toContain('感谢您的评价')
    expect(w.findAll('[data-test="progress-rating"] .van-rate__icon--full')).toHaveLength(4)
    // the server keeps the comment as sanitised HTML: shown as text, never as markup
    expect(w.get('[data-test="progress-rating-comment"]').text()).toBe('很专业，谢谢')
    expect(w.find('[data-test="progress-rate"]').exists()).toBe(false)
  })
})
