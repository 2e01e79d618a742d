import { describe, expect, it } from 'vitest'
import zhCN from '@/i18n/zh-CN'
import en from '@/i18n/en'
import { ACTIONS, CUSTOMER_EVENTS } from './ticketActions'
import { PRIORITIES, QUEUES, STATUSES } from './ticketQuery'

/** Texts the workspace looks up by a code from the server contract exist in both languages. */
describe('ticket workspace texts', () => {
  const groups: [string, readonly string[]][] = [
    ['queue', QUEUES],
    ['status', STATUSES],
    ['priority', PRIORITIES],
    ['action', [...ACTIONS, ...CUSTOMER_EVENTS]],
    ['nodeState', ['waiting', 'in_progress']],
    ['handler', ['task', 'approval', 'co']],
  ]

  it.each(groups)('has every %s code', (group, codes) => {
    for (const messages of [zhCN, en]) {
      const table = (messages.tickets as unknown as Record<string, Record<string, string>>)[group]
      for (const code of codes) expect(table?.[code], `${group}.${code}`).toBeTruthy()
    }
  })

  it('has the conflict text and the menu entry', () => {
    expect(zhCN.tickets.conflict).toBe('此工单已被他人修改，请刷新后重试')
    expect(en.tickets.conflict).toBe('Someone else changed this ticket; reload')
    expect(zhCN.layout.tickets && en.layout.tickets).toBeTruthy()
  })

  it('avoids characters vue-i18n treats as syntax (| plural, @ link)', () => {
    const walk = (o: unknown, path: string): void => {
      if (typeof o === 'string') expect(/[|@]/.test(o), path).toBe(false)
      else if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) walk(v, `${path}.${k}`)
    }
    walk(zhCN.tickets, 'zh.tickets')
    walk(en.tickets, 'en.tickets')
  })
})
