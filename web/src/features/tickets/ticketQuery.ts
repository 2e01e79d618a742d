import type { TicketListParams } from './ticketsApi'

/** The queue tabs; `all` is every ticket the caller's scope lets them see (no queue parameter). */
export const QUEUES = ['mine', 'pool', 'approvals', 'created', 'all'] as const
export type Queue = (typeof QUEUES)[number]

export const STATUSES = ['open', 'in_progress', 'suspended', 'resolved', 'rejected', 'closed', 'cancelled'] as const
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const

/** Table columns the server sorts by (TicketSearch.SORT_KEYS). */
export const SORT_KEYS = ['createdAt', 'updatedAt', 'number', 'priority', 'status'] as const

export interface TicketListState {
  queue: Queue
  /** 1-based, as el-pagination counts */
  page: number
  size: number
  status: string[]
  priority: string[]
  q: string
  sort: { prop: string; order: 'ascending' | 'descending' | null } | null
}

export function isQueue(v: unknown): v is Queue {
  return typeof v === 'string' && (QUEUES as readonly string[]).includes(v)
}

/** el-table's sort → the server's `sort=field,dir`; unknown columns and a cleared sort fall back to the default. */
export function sortParam(sort: TicketListState['sort']): string {
  if (!sort || !sort.order || !(SORT_KEYS as readonly string[]).includes(sort.prop)) return 'createdAt,desc'
  return `${sort.prop},${sort.order === 'ascending' ? 'asc' : 'desc'}`
}

/**
 * The list request's query parameters. Status and priority lists are sent comma-separated (Spring binds
 * `status=a,b` to a list); the queue is left out for `all`.
 */
export function ticketListParams(s: TicketListState): TicketListParams {
  return {
    queue: s.queue === 'all' ? undefined : s.queue,
    page: Math.max(0, s.page - 1),
    size: s.size,
    sort: sortParam(s.sort),
    status: s.status.length ? s.status.join(',') : undefined,
    priority: s.priority.length ? s.priority.join(',') : undefined,
    q: s.q.trim() || undefined,
  }
}

/** A tab's count request: the same filters, one row, only the `total` is read. */
export function queueCountParams(s: TicketListState, queue: Queue): TicketListParams {
  return { ...ticketListParams({ ...s, queue, page: 1, sort: null }), size: 1, sort: undefined }
}

/** Element Plus tag type for a status or priority. */
export function statusTagType(status: string): 'primary' | 'success' | 'warning' | 'info' | 'danger' {
  switch (status) {
    case 'open':
      return 'primary'
    case 'in_progress':
      return 'warning'
    case 'resolved':
    case 'closed':
      return 'success'
    case 'rejected':
      return 'danger'
    default:
      return 'info'
  }
}

export function priorityTagType(priority: string): 'success' | 'info' | 'warning' | 'danger' {
  switch (priority) {
    case 'low':
      return 'info'
    case 'high':
      return 'warning'
    case 'urgent':
      return 'danger'
    default:
      return 'success'
  }
}
