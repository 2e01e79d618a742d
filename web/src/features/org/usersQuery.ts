import type { SortDirection, UserQuery, UserSortField } from '@/api'

export const PAGE_SIZES = [10, 20, 50, 100] as const
export const DEFAULT_PAGE_SIZE = 20
export const SORT_FIELDS: readonly UserSortField[] = ['username', 'displayName', 'createdAt']
export const DEFAULT_SORT = { field: 'username' as UserSortField, direction: 'asc' as SortDirection }

/** The users list state as the page keeps it (page is 1-based, like el-pagination). */
export interface UsersListState {
  page: number
  size: number
  sort: { field: UserSortField; direction: SortDirection } | null
  q: string
  departmentId: number | null
  active: boolean | null
}

type RawQuery = Record<string, string | null | undefined | (string | null)[]>

function first(v: RawQuery[string]): string | undefined {
  const x = Array.isArray(v) ? v[0] : v
  return x == null ? undefined : x
}

function positiveInt(v: string | undefined): number | null {
  if (!v || !/^\d+$/.test(v)) return null
  const n = Number(v)
  return n > 0 ? n : null
}

export function defaultUsersState(): UsersListState {
  return { page: 1, size: DEFAULT_PAGE_SIZE, sort: { ...DEFAULT_SORT }, q: '', departmentId: null, active: null }
}

/** Reads the state from the route query, ignoring anything malformed. */
export function parseUsersQuery(query: RawQuery): UsersListState {
  const s = defaultUsersState()
  s.page = positiveInt(first(query.page)) ?? 1
  const size = positiveInt(first(query.size))
  if (size && (PAGE_SIZES as readonly number[]).includes(size)) s.size = size
  const sort = first(query.sort)
  if (sort) {
    const [field, dir] = sort.split(',')
    if ((SORT_FIELDS as readonly string[]).includes(field) && (dir === 'asc' || dir === 'desc'))
      s.sort = { field: field as UserSortField, direction: dir }
  }
  s.q = first(query.q)?.trim() ?? ''
  s.departmentId = positiveInt(first(query.departmentId))
  const active = first(query.active)
  s.active = active === 'true' ? true : active === 'false' ? false : null
  return s
}

/** The route query for a state; defaults are left out to keep URLs short. */
export function toRouteQuery(s: UsersListState): Record<string, string> {
  const q: Record<string, string> = {}
  if (s.page > 1) q.page = String(s.page)
  if (s.size !== DEFAULT_PAGE_SIZE) q.size = String(s.size)
  if (s.sort && (s.sort.field !== DEFAULT_SORT.field || s.sort.direction !== DEFAULT_SORT.direction))
    q.sort = `${s.sort.field},${s.sort.direction}`
  if (s.q.trim()) q.q = s.q.trim()
  if (s.departmentId != null) q.departmentId = String(s.departmentId)
  if (s.active != null) q.active = String(s.active)
  return q
}

/** The API query (0-based page). */
export function toApiQuery(s: UsersListState): UserQuery {
  return {
    page: Math.max(0, s.page - 1),
    size: s.size,
    sort: s.sort,
    q: s.q.trim() || undefined,
    departmentId: s.departmentId,
    active: s.active,
  }
}

export function hasFilters(s: UsersListState): boolean {
  return !!s.q.trim() || s.departmentId != null || s.active != null
}

/** el-table sort-change → state sort */
export function tableSortToState(
  prop: string | null | undefined,
  order: 'ascending' | 'descending' | null | undefined,
): UsersListState['sort'] {
  if (!prop || !order || !(SORT_FIELDS as readonly string[]).includes(prop)) return null
  return { field: prop as UserSortField, direction: order === 'ascending' ? 'asc' : 'desc' }
}
