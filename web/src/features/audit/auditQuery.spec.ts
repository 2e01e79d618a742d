import { describe, expect, it } from 'vitest'
import { auditQueryParams, emptyAuditFilters } from './auditQuery'

describe('audit log query', () => {
  it('leaves blank filters out and counts pages from 0', () => {
    expect(auditQueryParams(emptyAuditFilters())).toEqual({
      action: undefined,
      entityType: undefined,
      entityId: undefined,
      actorId: undefined,
      from: undefined,
      to: undefined,
      page: 0,
      size: 20,
      sort: 'occurredAt,desc',
    })
  })

  it('sends every filter that is set', () => {
    const f = { ...emptyAuditFilters(), action: ' calendar.update ', entityType: 'calendar', entityId: ' 7 ', actorId: 3, page: 3 }
    f.range = ['2026-10-01T00:00:00.000Z', '2026-10-08T00:00:00.000Z']
    expect(auditQueryParams(f)).toMatchObject({
      action: 'calendar.update',
      entityType: 'calendar',
      entityId: '7',
      actorId: 3,
      from: '2026-10-01T00:00:00.000Z',
      to: '2026-10-08T00:00:00.000Z',
      page: 2,
    })
  })

})
