import { describe, expect, it } from 'vitest'
import { isQueue, queueCountParams, sortParam, ticketListParams, type TicketListState } from './ticketQuery'

const base: TicketListState = { queue: 'mine', page: 1, size: 20, status: [], priority: [], q: '', sort: null }

describe('ticketListParams', () => {
  it('maps the queue, the 1-based page and the default sort', () => {
    expect(ticketListParams(base)).toEqual({
      queue: 'mine', page: 0, size: 20, sort: 'createdAt,desc', status: undefined, priority: undefined, q: undefined,
    })
  })
  it('leaves the queue out for all and joins filters', () => {
    expect(ticketListParams({ ...base, queue: 'all', page: 3, status: ['open', 'in_progress'], priority: ['urgent'], q: ' 打印机 ' }))
      .toEqual({ queue: undefined, page: 2, size: 20, sort: 'createdAt,desc', status: 'open,in_progress', priority: 'urgent', q: '打印机' })
  })
  it('counts a queue with the same filters and one row', () => {
    expect(queueCountParams({ ...base, page: 4, status: ['open'], sort: { prop: 'number', order: 'ascending' } }, 'pool')).toEqual({
      queue: 'pool', page: 0, size: 1, sort: undefined, status: 'open', priority: undefined, q: undefined,
    })
  })
})

describe('sortParam', () => {
  it('maps el-table sort to the server sort', () => {
    expect(sortParam({ prop: 'number', order: 'ascending' })).toBe('number,asc')
    expect(sortParam({ prop: 'priority', order: 'descending' })).toBe('priority,desc')
    expect(sortParam({ prop: 'priority', order: null })).toBe('createdAt,desc')
    expect(sortParam({ prop: 'title', order: 'ascending' })).toBe('createdAt,desc')
    expect(sortParam(null)).toBe('createdAt,desc')
  })
})

describe('isQueue', () => {
  it('accepts only known queues', () => {
    expect(isQueue('pool')).toBe(true)
    expect(isQueue('team')).toBe(false)
    expect(isQueue(undefined)).toBe(false)
  })
})
