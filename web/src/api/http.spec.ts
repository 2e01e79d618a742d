import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, buildQuery, configureHttp, publicRequest, request } from './http'

describe('buildQuery', () => {
  it('drops empty values and encodes the rest', () => {
    expect(buildQuery({ page: 0, size: 20, q: '', departmentId: null, active: false, sort: 'username,asc' })).toBe(
      '?page=0&size=20&active=false&sort=username%2Casc',
    )
    expect(buildQuery({})).toBe('')
    expect(buildQuery(undefined)).toBe('')
  })
})

describe('request', () => {
  afterEach(() => vi.unstubAllGlobals())

  function stubFetch(status: number, body: unknown, contentType = 'application/problem+json') {
    const fetchMock = vi.fn(async () =>
      new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': contentType } }),
    )
    vi.stubGlobal('fetch', fetchMock)
    return fetchMock
  }

  it('calls a public path from the site root without the token', async () => {
    const fetchMock = stubFetch(200, { ok: true }, 'application/json')
    configureHttp({ getToken: () => 'tok', getLocale: () => 'en', onUnauthorized: () => {} })
    await publicRequest('/public/progress/abc', { method: 'POST', headers: { 'X-Test': '1' } })
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/public/progress/abc')
    const headers = init.headers as Record<string, string>
    expect(headers.Authorization).toBeUndefined()
    expect(headers['X-Test']).toBe('1')
  })

  it('sends the token and the UI locale', async () => {
    const fetchMock = stubFetch(200, { ok: true }, 'application/json')
    configureHttp({ getToken: () => 'tok', getLocale: () => 'en', onUnauthorized: () => {} })
    await expect(request('/x', { query: { a: 1 } })).resolves.toEqual({ ok: true })
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/v1/x?a=1')
    const headers = init.headers as Record<string, string>
    expect(headers.Authorization).toBe('Bearer tok')
    expect(headers['Accept-Language']).toBe('en')
  })

  it('sends a raw body with its own content type', async () => {
    const fetchMock = stubFetch(200, { ok: true }, 'application/json')
    await request('/x', { method: 'POST', rawBody: { text: 'date,kind\n', contentType: 'text/csv' } })
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect(init.body).toBe('date,kind\n')
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('text/csv')
  })

  it('turns problem+json into ApiError and reports 401', async () => {
    stubFetch(401, { title: 'Unauthorized', status: 401, detail: 'token expired' })
    const onUnauthorized = vi.fn()
    configureHttp({ getToken: () => 'tok', onUnauthorized })
    const err = await request('/x').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect((err as ApiError).status).toBe(401)
    expect((err as ApiError).message).toBe('token expired')
    expect(onUnauthorized).toHaveBeenCalledOnce()
  })

  it('does not treat 401 of an anonymous call (login) as an ended session', async () => {
    stubFetch(401, { status: 401, detail: '用户名或密码错误' })
    const onUnauthorized = vi.fn()
    configureHttp({ getToken: () => 'tok', onUnauthorized })
    const err = (await request('/auth/login', { method: 'POST', body: {}, anonymous: true }).catch((e: unknown) => e)) as ApiError
    expect(err.problem.detail).toBe('用户名或密码错误')
    expect(onUnauthorized).not.toHaveBeenCalled()
  })

  it('returns undefined for 204', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(null, { status: 204 })))
    await expect(request('/x', { method: 'DELETE' })).resolves.toBeUndefined()
  })

  it('reports network failures as status 0', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))))
    const err = (await request('/x').catch((e: unknown) => e)) as ApiError
    expect(err.status).toBe(0)
  })

  it('survives a non-JSON error body', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' })))
    const err = (await request('/x').catch((e: unknown) => e)) as ApiError
    expect(err.status).toBe(502)
    expect(err.problem.title).toBe('Bad Gateway')
  })
})
