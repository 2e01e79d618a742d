import { describe, expect, it } from 'vitest'
import { customerCommand, customerToForm, emptyCustomerForm, listFieldOf, ticketTimeline } from './customerForm'

describe('customer form', () => {
  it('trims text, blanks become null, lists lose blanks and repeats', () => {
    const f = { ...emptyCustomerForm(), name: ' 张三 ', phone: ' ', tags: ['vip', ' vip ', '', '老客户'], region: '南京' }
    expect(customerCommand(f)).toEqual({
      name: '张三', company: null, level: 'standard', region: '南京', tags: ['vip', '老客户'], phone: null,
      wecomExternalIds: [], groupChatIds: [],
    })
    expect(customerCommand(f, 3).version).toBe(3)
  })

  it('round-trips a stored customer', () => {
    const c = {
      id: 1, name: '李四', company: null, level: 'vip', region: null, tags: ['a'], phone: '13800000000', ownerId: null,
      wecomExternalIds: ['wm1'], groupChatIds: [], possibleDuplicates: [], createdAt: '', updatedAt: '', version: 2,
    }
    expect(customerCommand(customerToForm(c), c.version)).toEqual({
      name: '李四', company: null, level: 'vip', region: null, tags: ['a'], phone: '13800000000',
      wecomExternalIds: ['wm1'], groupChatIds: [], version: 2,
    })
  })

  it('places list item errors on the list', () => {
    expect(listFieldOf('tags[2]')).toBe('tags')
    expect(listFieldOf('wecomExternalIds[0]')).toBe('wecomExternalIds')
    expect(listFieldOf('phone')).toBe('phone')
  })
})

describe('ticket timeline', () => {
  it('lists creations and closings, newest first', () => {
    const entries = ticketTimeline([
      { id: 1, number: 'T1', title: 'a', createdAt: '2026-01-01T00:00:00Z', closedAt: '2026-01-03T00:00:00Z' },
      { id: 2, number: 'T2', title: 'b', createdAt: '2026-01-02T00:00:00Z', closedAt: null },
    ])
    expect(entries.map((e) => `${e.number}:${e.kind}`)).toEqual(['T1:closed', 'T2:created', 'T1:created'])
    expect(ticketTimeline([])).toEqual([])
  })
})
