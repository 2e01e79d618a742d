// @vitest-environment happy-dom
// The customer profile page, the group chat sidebar and the workbench: each creates its ticket with its own source.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { i18n } from '@/i18n'
import CustomerProfilePage from './CustomerProfilePage.vue'
import SidebarPage from './SidebarPage.vue'
import WorkbenchPage from './WorkbenchPage.vue'

const customer = { id: 2, name: '陈晓明', company: '恒源', level: 'vip', phone: '13912345601', tags: [], wecomExternalIds: ['wmDemoChenXM001'], groupChatIds: ['wrGroup1'], version: 0 }
const summary = (id: number, title: string) => ({ id, number: `GD-${id}`, title, templateId: 4, status: 'open', customerStatus: 'submitted', priority: 'normal', source: 'web', customerId: 2, creatorId: 1, nodeIds: [], createdAt: '2026-12-01T00:00:00Z', updatedAt: '2026-12-01T00:00:00Z', version: 0 })
// a template whose customer field is not called "customer"
const install = { id: 4, code: 'install', fields: [{ key: 'owner', label: '客户', type: 'customer', required: true }] }

type Call = { method: string; url: string; body: Record<string, unknown> | null }

function server(opts: { loginFails?: boolean } = {}) {
  const calls: Call[] = []
  const ok = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET'
      calls.push({ method, url, body: init?.body ? JSON.parse(String(init.body)) : null })
      const [path, query = ''] = url.split('?')
      if (path === '/api/v1/wecom/jsapi/signature') return ok({ corpId: 'ww1', agentId: 1, config: {}, agentConfig: {} })
      if (path === '/api/v1/auth/wecom')
        return opts.loginFails
          ? ok({ status: 401, detail: '此企业微信成员未绑定 Baton 用户' }, 401)
          : ok({ accessToken: 'tok-wecom', expiresAt: '2099-01-01T00:00:00Z', user: { id: 5, username: 'lina', displayName: '李娜', tenant: { code: 'demo' }, permissions: [] } })
      if (path === '/api/v1/customers/by-wecom') return ok(customer)
      if (path === '/api/v1/customers') return ok({ items: query.includes('q=') ? [customer] : [], page: 0, size: 8, total: 1 })
      if (path === '/api/v1/templates') return ok({ items: [{ id: 4, code: 'install', name: '安装工单' }], page: 0, size: 200, total: 1 })
      if (path === '/api/v1/templates/4') return ok(install)
      if (path === '/api/v1/tickets' && method === 'GET') {
        const queue = new URLSearchParams(query).get('queue')
        return ok({ items: queue === 'mine' ? [summary(1, '待上门')] : queue === 'created' ? [summary(9, '新装空调')] : [], page: 0, size: 50, total: 1 })
      }
      if (path === '/api/v1/tickets' && method === 'POST') return ok({ ...summary(9, '新装空调'), fields: {}, nodes: [], actions: [] }, 201)
      return ok({ status: 404 }, 404)
    }),
  )
  return calls
}

const wwIn = (entry: string) => ({
  register: vi.fn(),
  getContext: async () => ({ entry }),
  getCurExternalContact: async () => ({ userId: 'wmDemoChenXM001' }),
  getCurExternalChat: async () => ({ chatId: 'wrGroup1' }),
})

async function open(component: object, path = '/') {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }] })
  await router.push(path)
  const w = mount(component, { global: { plugins: [router, i18n] }, attachTo: document.body })
  await flushPromises()
  return { w, router }
}

async function newTicket(w: Awaited<ReturnType<typeof open>>['w'], title: string) {
  await w.find('[data-test="sidebar-template"] select').setValue('4')
  await flushPromises()
  await w.find('[data-test="sidebar-title"] input').setValue(title)
  await w.find('[data-test="sidebar-form"]').trigger('submit')
  await flushPromises()
}

const posted = (calls: Call[]) => calls.filter((c) => c.method === 'POST' && c.url === '/api/v1/tickets').map((c) => c.body)

describe('WeCom entry pages', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    localStorage.clear()
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    delete (window as { ww?: unknown }).ww
    document.body.innerHTML = ''
  })

  it('the customer profile page shows the contact as a customer and opens tickets as wecom_customer_page', async () => {
    const calls = server()
    ;(window as { ww?: unknown }).ww = wwIn('contact_profile')
    const { w } = await open(CustomerProfilePage)
    expect(calls.find((c) => c.url.startsWith('/api/v1/customers/by-wecom'))?.url).toBe('/api/v1/customers/by-wecom?externalUserId=wmDemoChenXM001')
    expect(w.find('[data-test="sidebar-customer-name"]').text()).toBe('陈晓明')
    await w.find('[data-test="sidebar-new-ticket"]').trigger('click')
    await flushPromises()
    // the chat excerpt is offered, the customer is not asked for
    expect(w.find('[data-test="ticket-form-customer"]').exists()).toBe(false)
    await newTicket(w, '新装空调')
    expect(posted(calls)).toEqual([
      { templateId: 4, title: '新装空调', description: null, customerId: 2, source: 'wecom_customer_page', chatExcerpt: null, fields: { owner: 2 } },
    ])
  })

  it('the sidebar in a group chat opens tickets of the group\'s customer as wecom_group', async () => {
    const calls = server()
    ;(window as { ww?: unknown }).ww = wwIn('group_chat_tools')
    const { w } = await open(SidebarPage)
    expect(calls.find((c) => c.url.startsWith('/api/v1/customers/by-wecom'))?.url).toBe('/api/v1/customers/by-wecom?chatId=wrGroup1')
    expect(w.find('[data-test="sidebar-customer"]').text()).toContain('群聊')
    await w.find('[data-test="sidebar-new-ticket"]').trigger('click')
    await flushPromises()
    await newTicket(w, '群里报修')
    expect(posted(calls)[0]).toMatchObject({ customerId: 2, source: 'wecom_group', fields: { owner: 2 } })
  })

  it('the workbench signs in with the OAuth code, drops it from the address, lists the queue and opens tickets as wecom_workbench', async () => {
    const calls = server()
    const { w, router } = await open(WorkbenchPage, '/m/workbench?tenant=demo&code=CODE1&state=baton')
    expect(calls.find((c) => c.url === '/api/v1/auth/wecom')?.body).toEqual({ tenant: 'demo', code: 'CODE1' })
    expect(localStorage.getItem('baton.token')).toBe('tok-wecom')
    expect(router.currentRoute.value.query).toEqual({ tenant: 'demo' })
    expect(w.find('[data-test="workbench-user"]').text()).toContain('李娜')
    expect(w.find('[data-test="workbench-mine"]').text()).toContain('待上门')
    const list = calls.find((c) => c.method === 'GET' && c.url.startsWith('/api/v1/tickets?'))!
    expect(list.url).toContain('queue=mine')

    await w.findAll('.van-tab')[2].trigger('click')
    await flushPromises()
    expect(w.find('[data-test="sidebar-excerpt"]').exists()).toBe(false)
    await w.find('[data-test="ticket-form-customer"] input').setValue('陈')
    await new Promise((r) => setTimeout(r, 300))
    await flushPromises()
    await w.find('[data-test="ticket-form-customer-2"]').trigger('click')
    await newTicket(w, '新装空调')
    expect(posted(calls)).toEqual([
      { templateId: 4, title: '新装空调', description: null, customerId: 2, source: 'wecom_workbench', chatExcerpt: null, fields: { owner: 2 } },
    ])
    // the new ticket is among the employee's own
    expect(w.find('[data-test="workbench-created"]').text()).toContain('新装空调')
  })

  it('the workbench explains a refused code and offers the password log-in', async () => {
    server({ loginFails: true })
    const { w, router } = await open(WorkbenchPage, '/m/workbench?tenant=demo&code=OLD')
    expect(w.find('[data-test="m-error"]').text()).toContain('未绑定')
    expect(w.find('[data-test="workbench-password-login"]').exists()).toBe(true)
    expect(router.currentRoute.value.query.code).toBeUndefined()
  })
})
