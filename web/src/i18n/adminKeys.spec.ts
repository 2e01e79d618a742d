import { describe, expect, it } from 'vitest'
import zhCN from '@/i18n/zh-CN'
import en from '@/i18n/en'
import { TICKET_SOURCES } from '@/features/tickets/ticketSources'
import { WEEKDAYS } from '@/features/calendars/calendarForm'
import { ESCALATION_TARGETS, SLA_CHANNELS } from '@/features/sla/slaApi'
import { FALLBACKS, STRATEGIES, TARGETS } from '@/features/assignment/assignmentApi'
import { CHANNELS, EVENTS } from '@/features/notify/notifyApi'

type Table = Record<string, unknown>
const at = (messages: unknown, path: string) => path.split('.').reduce<unknown>((o, k) => (o as Table | undefined)?.[k], messages) as Table

/** Texts the admin pages look up by a code from the server contract exist in both languages. */
describe('admin page texts', () => {
  const groups: [string, readonly string[]][] = [
    ['codes.source', TICKET_SOURCES],
    ['codes.channel', [...SLA_CHANNELS, ...CHANNELS]],
    ['calendars.weekday', WEEKDAYS],
    ['sla.to', ESCALATION_TARGETS],
    ['rules.targets', TARGETS],
    ['rules.strategies', STRATEGIES],
    ['rules.fallbacks', FALLBACKS],
    ['rules.skipped', ['inactive', 'off_duty', 'on_leave', 'at_capacity', 'missing_skill']],
    ['rules.outcomes', ['chosen', 'no_rule', 'target_pool', 'manual', 'fallback_pool', 'fallback_user', 'fallback_leader']],
    ['rules.conditionNames', ['template', 'source', 'customer_level', 'customer_region', 'priority', 'keywords', 'expression']],
    ['notifyTemplates.event', EVENTS],
  ]

  it.each(groups)('has every %s code', (group, codes) => {
    for (const messages of [zhCN, en]) {
      const table = at(messages, group)
      for (const code of codes) expect(table?.[code], `${group}.${code}`).toBeTruthy()
    }
  })

  it('has the menu entries', () => {
    for (const key of ['service', 'calendars', 'slaPolicies', 'assignmentRules', 'keywords', 'notificationTemplates', 'auditLog'] as const) {
      expect(zhCN.layout[key] && en.layout[key], key).toBeTruthy()
    }
  })

  it('avoids characters vue-i18n treats as syntax (| plural, @ link, braces other than {name})', () => {
    const walk = (o: unknown, path: string): void => {
      if (typeof o === 'string') {
        expect(/[|@]/.test(o), path).toBe(false)
        expect(o.replace(/\{\w+\}/g, ''), path).not.toMatch(/[{}]/)
      } else if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) walk(v, `${path}.${k}`)
    }
    for (const section of ['codes', 'sla', 'calendars', 'rules', 'keywords', 'notifyTemplates', 'audit'] as const) {
      walk(zhCN[section], `zh.${section}`)
      walk(en[section], `en.${section}`)
    }
  })
})
