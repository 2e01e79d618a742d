import { describe, expect, it } from 'vitest'
import { slaBadge, splitMinutes, type SlaMetricView } from './slaBadge'

const metric = (over: Partial<SlaMetricView>): SlaMetricView => ({
  metric: 'resolution',
  state: 'running',
  dueAt: '2026-12-08T17:00:00+08:00',
  stoppedAt: null,
  remainingMinutes: 600,
  overdueMinutes: null,
  ...over,
})

describe('slaBadge', () => {
  it('shows nothing without a policy or once every clock stopped', () => {
    expect(slaBadge(null)).toBeNull()
    expect(slaBadge({ ticketId: 1, metrics: [] })).toBeNull()
    expect(slaBadge({ ticketId: 1, metrics: [metric({ state: 'met', stoppedAt: '2026-12-03T02:00:00Z' })] })).toBeNull()
  })

  it('picks the open metric with the least time left', () => {
    const b = slaBadge({ ticketId: 1, metrics: [metric({}), metric({ metric: 'first_response', remainingMinutes: 234 })] })
    expect(b).toMatchObject({ tone: 'ok', minutes: 234, metric: 'first_response' })
  })

  it('warns under the hour and puts an overdue clock first, however little another has left', () => {
    expect(slaBadge({ ticketId: 1, metrics: [metric({ remainingMinutes: 59 })] })?.tone).toBe('soon')
    const b = slaBadge({
      ticketId: 1,
      metrics: [metric({ remainingMinutes: 5 }), metric({ metric: 'node:accept', state: 'breached', remainingMinutes: null, overdueMinutes: 30 })],
    })
    expect(b).toMatchObject({ tone: 'overdue', minutes: 30, metric: 'node:accept' })
  })

  it('says when the clock is paused', () => {
    expect(slaBadge({ ticketId: 1, metrics: [metric({ state: 'paused', remainingMinutes: 20 })] })?.tone).toBe('paused')
  })
})

describe('splitMinutes', () => {
  it('splits into hours and minutes', () => {
    expect(splitMinutes(234)).toEqual({ h: 3, m: 54 })
    expect(splitMinutes(45)).toEqual({ h: 0, m: 45 })
    expect(splitMinutes(-3)).toEqual({ h: 0, m: 0 })
  })
})
