// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import { i18n } from '@/i18n'
import SidebarPage from './SidebarPage.vue'

const customer = { id: 2, name: '陈晓明', company: null, level: 'standard', phone: '13912345601', tags: ['家庭用户'], wecomExternalIds: ['wmDemoChenXM001'], groupChatIds: [], version: 0 }
const summary = (id: number, title: string) => ({ id, number: `GD-${id}`, title, templateId: 3, status: 'open', customerStatus: 'submitted', priority: 'normal', source: 'web', customerId: 2, creatorId: 1, nodeIds: [], createdAt: '2026-12-01T00:00:00Z', updatedAt: '2026-12-01T00:00:00Z', version: 0 })
const complaint = {
  id: 3,
  code: 'complaint',
  fields: [
    { key: 'customer', label: '客户', type: 'customer', required: true },
    { key: 'contact_phone', label: '联系电话', type: 'phone', required: true },
    { key: 'complaint_type', label: '投诉类型', type: 'select', required: true, options: [{ value: 'late', label: '上门超时' }] },
    { key: 'mood', label: '客户情绪', type: 'rating' },
  ],
}

type Call = { method: string; url: string; headers: Record<string, string>; body: unknown }

function server(opts: { known?: boolean; fieldError?: boolean } = {}) {
  const calls: Call[] = []
  let created = false
  let failedOnce = false
  const ok = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET'
      calls.push({ method, url, headers: init?.headers as Record<string, string>, body: init?.body ? JSON.parse(String(init.body)) : null })
      const path = url.split('?')[0]
      if (path === '/api/v1/wecom/jsapi/signature') return ok({ status: 500 }, 500)
      if (path === '/api/v1/customers/by-wecom') return opts.known === false ? ok({ status: 404 }, 404) : ok(customer)
      if (path === '/api/v1/customers' && method === 'POST') return ok({ ...customer, id: 9, name: '新客户' }, 201)
      if (path === '/api/v1/tickets' && method === 'GET')
        return ok({ items: created ? [summary(7, '新投诉'), summary(1, '旧工单')] : [summary(1, '旧工单')], page: 0, size: 50, total: 1 })
      if (path === '/api/v1/templates') return ok({ items: [{ id: 3, code: 'complaint', name: '投诉工单' }], page: 0, size: 200, total: 1 })
      if (path === '/api/v1/templates/3') return ok(complaint)
      if (path === '/api/v1/tickets' && method === 'POST') {
        if (opts.fieldError && !failedOnce) {
          failedOnce = true
          return ok({ status: 400, errors: [{ field: 'fields.contact_phone', message: '手机号格式不对' }] }, 400)
        }
        created = true
        return ok({ ...summary(7, '新投诉'), chatExcerpt: 'x', fields: {}, nodes: [], actions: [] }, 201)
      }
      return ok({ status: 404 }, 404)
    }),
  )
  return calls
}

function ww(entry = 'single_chat_tools') {
  return {
    register: vi.fn(),
    getContext: async () => ({ entry }),
    getCurExternalContact: async () => ({ userId: 'wmDemoChenXM001' }),
    getCurExternalChat: async () => ({ chatId: 'wrGroup1' }),
  }
}

async function open() {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }] })
  const w = mount(SidebarPage, { global: { plugins: [router, i18n] }, attachTo: document.body })
  await flushPromises()
  return w
}

describe('SidebarPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    delete (window as { ww?: unknown }).ww
    document.body.innerHTML = ''
  })

  it('says to open it in WeCom when there is no SDK', async () => {
    server()
    const w = await open()
    expect(w.find('[data-test="m-error"]').text()).toContain('企业微信')
  })

  it('finds the customer by the chat contact despite a failed signature, lists and creates their tickets', async () => {
    const calls = server({ fieldError: true })
    ;(window as { ww?: unknown }).ww = ww()
    const w = await open()
    expect(calls.find((c) => c.url.startsWith('/api/v1/customers/by-wecom'))?.url).toBe('/api/v1/customers/by-wecom?externalUserId=wmDemoChenXM001')
    expect(w.find('[data-test="sidebar-customer-name"]').text()).toBe('陈晓明')
    expect(w.find('[data-test="sidebar-tickets"]').text()).toContain('旧工单')
    const list = calls.find((c) => c.method === 'GET' && c.url.startsWith('/api/v1/tickets?'))!.url
    expect(list).toContain('customerId=2')

    await w.find('[data-test="sidebar-new-ticket"]').trigger('click')
    await flushPromises()
    await w.find('[data-test="sidebar-template"] select').setValue('3')
    await flushPromises()
    // the customer field is filled from the chat, so only the other required fields are asked for
    expect(w.find('[data-test="m-field-customer"]').exists()).toBe(false)
    expect(w.find('[data-test="m-field-mood"]').exists()).toBe(false)
    await w.find('[data-test="m-field-contact_phone"] input').setValue('139')
    await w.find('[data-test="m-field-complaint_type"] select').setValue('late')
    await w.find('[data-test="sidebar-title"] input').setValue('新投诉')
    await w.find('[data-test="sidebar-excerpt"] textarea').setValue('客户：又迟到了')
    await w.find('[data-test="sidebar-form"]').trigger('submit')
    await flushPromises()
    expect(w.find('[data-test="m-field-contact_phone"]').text()).toContain('手机号格式不对')

    await w.find('[data-test="sidebar-form"]').trigger('submit')
    await flushPromises()
    const posts = calls.filter((c) => c.method === 'POST' && c.url === '/api/v1/tickets')
    expect(posts).toHaveLength(2)
    // the same key for the retry of the same form
    expect(posts[0].headers['Idempotency-Key']).toBeTruthy()
    expect(posts[1].headers['Idempotency-Key']).toBe(posts[0].headers['Idempotency-Key'])
    expect(posts[1].body).toEqual({
      templateId: 3,
      title: '新投诉',
      description: null,
      customerId: 2,
      source: 'wecom_sidebar',
      chatExcerpt: '客户：又迟到了',
      fields: { contact_phone: '139', complaint_type: 'late', customer: 2 },
    })
    expect(w.find('[data-test="sidebar-form"]').exists()).toBe(false)
    expect(w.find('[data-test="sidebar-tickets"]').text()).toContain('新投诉')
  })

  it('offers to create the customer for an unknown group chat', async () => {
    const calls = server({ known: false })
    ;(window as { ww?: unknown }).ww = ww('group_chat_tools')
    const w = await open()
    expect(calls.find((c) => c.url.startsWith('/api/v1/customers/by-wecom'))?.url).toContain('chatId=wrGroup1')
    expect(w.find('[data-test="sidebar-not-customer"]').text()).toContain('还不是客户')
    await w.find('[data-test="sidebar-customer-new-name"] input').setValue('新客户')
    await w.find('[data-test="sidebar-customer-create"]').trigger('click')
    await flushPromises()
    expect(calls.find((c) => c.method === 'POST' && c.url === '/api/v1/customers')?.body).toEqual({ name: '新客户', groupChatIds: ['wrGroup1'] })
    expect(w.find('[data-test="sidebar-customer-name"]').text()).toBe('新客户')
  })
})
