// Assignment API (/api/v1/assignment: rules, explain, keywords), typed by hand from RuleView, RuleDefinition,
// Explaining and KeywordView.
import { request, type Page } from '@/api'

export interface RuleConditions {
  templateIds?: number[] | null
  templateCodes?: string[] | null
  sources?: string[] | null
  /** intake channel codes (ticket.channel) */
  channels?: string[] | null
  customerLevels?: string[] | null
  customerRegions?: string[] | null
  priorities?: string[] | null
  keywords?: string[] | null
  expression?: string | null
}

export interface RuleTarget {
  kind: string
  userId?: number | null
  roleCode?: string | null
  departmentId?: number | null
  includeChildren?: boolean | null
  skills?: string[] | null
  regions?: string[] | null
}

export interface RuleStrategy {
  kind: string
  weightByPriority?: boolean | null
  skills?: string[] | null
}

export interface RuleFallback {
  kind: string
  userId?: number | null
  departmentId?: number | null
}

export interface RuleBody {
  name: string
  enabled: boolean
  conditions: RuleConditions
  target: RuleTarget
  strategy: RuleStrategy
  fallback: RuleFallback
  version?: number
}

export interface Rule extends Required<Omit<RuleBody, 'version'>> {
  id: number
  position: number
  version: number
  createdAt: string
  updatedAt: string
}

export const TARGETS = ['user', 'role', 'department', 'skill_group', 'region_group', 'pool'] as const
export const STRATEGIES = ['round_robin', 'least_loaded', 'skill_match', 'nearest_region', 'random', 'manual'] as const
export const FALLBACKS = ['pool', 'user', 'department_leader'] as const

export interface ExplainSample {
  templateId?: number | null
  source?: string
  /** the intake channel's code the sample came in through */
  channel?: string
  priority?: string | null
  title?: string
  description?: string
  chatExcerpt?: string
  fields?: Record<string, unknown>
  customer?: Record<string, unknown>
}

export interface Explanation {
  classification: { category: string | null; templateId: number | null; priority: string | null; tags: string[]; keywords: string[] }
  priority: string
  /** each rule tried, in order, with the first condition that failed (template, source, keywords, expression…) */
  rules: { id: number; name: string; matched: boolean; failed: string | null }[]
  matchedRuleId: number | null
  matchedRule: string | null
  strategy: string | null
  candidates: { userId: number; name: string | null; skipped: string | null; load: number | null; chosen: boolean }[]
  candidateCount: number
  chosen: { userId: number | null; userName: string | null; roleCode: string | null; departmentId: number | null; pool: boolean }
  /** chosen, no_rule, target_pool, manual, fallback_pool, fallback_user, fallback_leader */
  outcome: string
}

export interface Keyword {
  id: number
  keyword: string
  category: string | null
  templateId: number | null
  priority: string | null
  tags: string[]
  createdAt: string
  updatedAt: string
  version: number
}

export interface KeywordBody {
  keyword: string
  category: string | null
  templateId: number | null
  priority: string | null
  tags: string[]
  version?: number
}

export const rulesApi = {
  /** in the order they are tried (200 is the server's largest page) */
  list: () => request<Page<Rule>>('/assignment/rules', { query: { page: 0, size: 200 } }),
  get: (id: number) => request<Rule>(`/assignment/rules/${id}`),
  create: (body: RuleBody) => request<Rule>('/assignment/rules', { method: 'POST', body }),
  update: (id: number, body: RuleBody) => request<Rule>(`/assignment/rules/${id}`, { method: 'PUT', body }),
  remove: (id: number, version: number) => request<void>(`/assignment/rules/${id}`, { method: 'DELETE', query: { version } }),
  reorder: (ids: number[]) => request<Rule[]>('/assignment/rules/order', { method: 'PUT', body: { ids } }),
  explain: (sample: ExplainSample) => request<Explanation>('/assignment/explain', { method: 'POST', body: sample }),
}

export const keywordsApi = {
  list: (q: { page: number; size: number; q?: string; sort?: string }) => request<Page<Keyword>>('/assignment/keywords', { query: { ...q } }),
  get: (id: number) => request<Keyword>(`/assignment/keywords/${id}`),
  create: (body: KeywordBody) => request<Keyword>('/assignment/keywords', { method: 'POST', body }),
  update: (id: number, body: KeywordBody) => request<Keyword>(`/assignment/keywords/${id}`, { method: 'PUT', body }),
  remove: (id: number, version: number) => request<void>(`/assignment/keywords/${id}`, { method: 'DELETE', query: { version } }),
  import: (items: KeywordBody[]) =>
    request<{ created: number; replaced: number }>('/assignment/keywords/import', { method: 'POST', body: items }),
}
