import type { Problem } from './types'

/** Error thrown for any non-2xx answer (or a network failure, status 0). */
export class ApiError extends Error {
  readonly status: number
  readonly problem: Problem

  constructor(status: number, problem: Problem) {
    super(problem.detail || problem.title || `HTTP ${status}`)
    this.name = 'ApiError'
    this.status = status
    this.problem = problem
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError
}

export interface HttpHooks {
  getToken: () => string | null
  getLocale: () => string
  /** Called on a 401 for any request that carries a token (session expired / revoked). */
  onUnauthorized: () => void
}

let hooks: HttpHooks = {
  getToken: () => null,
  getLocale: () => 'zh-CN',
  onUnauthorized: () => {},
}

export function configureHttp(h: Partial<HttpHooks>): void {
  hooks = { ...hooks, ...h }
}

export const API_BASE = '/api/v1'

export type QueryValue = string | number | boolean | null | undefined

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  body?: unknown
  /** A body sent as it is (e.g. a CSV file), instead of `body` as JSON. */
  rawBody?: { text: string; contentType: string }
  /** A multipart body (file uploads); the browser sets its Content-Type with the boundary. */
  form?: FormData
  /** Answer with the response's bytes instead of parsing JSON (images behind the token). */
  blob?: boolean
  query?: Record<string, QueryValue>
  /** Do not send the token and do not treat 401 as "session ended" (login). */
  anonymous?: boolean
  /** A 401 is reported to the caller only (the caller handles the redirect itself). */
  quietUnauthorized?: boolean
  /** `path` is from the site root (e.g. `/public/progress/…`), not under API_BASE. */
  absolute?: boolean
  /** Extra request headers (e.g. Idempotency-Key). */
  headers?: Record<string, string>
  signal?: AbortSignal
}

export function buildQuery(query: Record<string, QueryValue> | undefined): string {
  if (!query) return ''
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue
    params.append(key, String(value))
  }
  const s = params.toString()
  return s ? `?${s}` : ''
}

async function readProblem(res: Response): Promise<Problem> {
  const text = await res.text().catch(() => '')
  if (text) {
    try {
      const parsed: unknown = JSON.parse(text)
      if (parsed && typeof parsed === 'object') return parsed as Problem
    } catch {
      // not JSON: fall through
    }
  }
  return { status: res.status, title: res.statusText || `HTTP ${res.status}` }
}

export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': hooks.getLocale(),
    ...opts.headers,
  }
  const token = opts.anonymous ? null : hooks.getToken()
  if (token) headers.Authorization = `Bearer ${token}`
  let body: string | FormData | undefined
  if (opts.form) {
    body = opts.form
  } else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(opts.body)
  } else if (opts.rawBody) {
    headers['Content-Type'] = opts.rawBody.contentType
    body = opts.rawBody.text
  }

  let res: Response
  try {
    res = await fetch((opts.absolute ? '' : API_BASE) + path + buildQuery(opts.query), {
      method: opts.method ?? 'GET',
      headers,
      body,
      signal: opts.signal,
    })
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e
    throw new ApiError(0, { status: 0, title: 'Network error', detail: '' })
  }

  if (!res.ok) {
    const problem = await readProblem(res)
    if (res.status === 401 && !opts.anonymous && !opts.quietUnauthorized) hooks.onUnauthorized()
    throw new ApiError(res.status, problem)
  }
  if (res.status === 204) return undefined as T
  if (opts.blob) return (await res.blob()) as T
  const text = await res.text()
  return (text ? JSON.parse(text) : undefined) as T
}

/** A request outside /api/v1 for someone who is not signed in (the customer's progress page): no token is sent. */
export function publicRequest<T>(path: string, opts: Omit<RequestOptions, 'absolute' | 'anonymous'> = {}): Promise<T> {
  return request<T>(path, { ...opts, absolute: true, anonymous: true })
}
