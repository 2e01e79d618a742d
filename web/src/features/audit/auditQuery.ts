import type { QueryValue } from '@/api'

export interface AuditFilters {
  action: string
  entityType: string
  entityId: string
  actorId: number | null
  /** [from, to) as ISO instants from the range picker */
  range: [string, string] | null
  /** 1-based, as el-pagination counts */
  page: number
  size: number
  sort: 'occurredAt,desc' | 'occurredAt,asc'
}

export function emptyAuditFilters(): AuditFilters {
  return { action: '', entityType: '', entityId: '', actorId: null, range: null, page: 1, size: 20, sort: 'occurredAt,desc' }
}

/** The search's query parameters: blank filters left out, text trimmed, the page 0-based. */
export function auditQueryParams(f: AuditFilters): Record<string, QueryValue> {
  return {
    action: f.action.trim() || undefined,
    entityType: f.entityType.trim() || undefined,
    entityId: f.entityId.trim() || undefined,
    actorId: f.actorId ?? undefined,
    from: f.range?.[0] || undefined,
    to: f.range?.[1] || undefined,
    page: f.page - 1,
    size: f.size,
    sort: f.sort,
  }
}

