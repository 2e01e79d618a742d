import { describe, expect, it } from 'vitest'
import zhCN from '@/i18n/zh-CN'
import en from '@/i18n/en'
import { NODE_TYPES, INSERTABLE_TYPES } from './flowTree'
import { ASSIGNEE_STRATEGIES, FIELD_RULES } from './flowForm'
import { FACT_SUBJECTS } from './celBuilder'

/** Texts the designer looks up by a code from the server contract exist in both languages. */
describe('flow designer texts', () => {
  const groups: [string, readonly string[]][] = [
    ['type', NODE_TYPES],
    ['newName', INSERTABLE_TYPES],
    ['strategy', ASSIGNEE_STRATEGIES],
    ['fieldRule', FIELD_RULES],
    ['mode', ['serial', 'all', 'any']],
    ['modeHint', ['serial', 'all', 'any']],
    ['taskAction', ['transfer', 'return', 'add_handler']],
    ['action', ['notify', 'set_field', 'set_priority', 'webhook', 'create_child']],
    ['channelName', ['wecom', 'email', 'sms', 'inapp']],
    ['priorityValue', ['low', 'normal', 'high', 'urgent']],
    ['customerStatus', ['submitted', 'accepted', 'in_progress', 'awaiting_confirmation', 'done', 'rated']],
    ['fact', FACT_SUBJECTS.map((s) => s.subject.replace('.', '_'))],
  ]

  it.each(groups)('has every %s code', (group, codes) => {
    for (const messages of [zhCN, en]) {
      const table = (messages.flows as unknown as Record<string, Record<string, string>>)[group]
      for (const code of codes) expect(table?.[code], `${group}.${code}`).toBeTruthy()
    }
  })

  it('has every sandbox outcome', () => {
    for (const o of ['RUNNING', 'COMPLETED', 'REJECTED'] as const) {
      expect(zhCN.flows.sim.outcome[o]).toBeTruthy()
      expect(en.flows.sim.outcome[o]).toBeTruthy()
    }
  })

  it('avoids characters vue-i18n treats as syntax (| plural, @ link)', () => {
    const walk = (o: unknown, path: string): void => {
      if (typeof o === 'string') expect(/[|@]/.test(o), path).toBe(false)
      else if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) walk(v, `${path}.${k}`)
    }
    walk(zhCN.flows, 'zh.flows')
    walk(en.flows, 'en.flows')
  })
})
