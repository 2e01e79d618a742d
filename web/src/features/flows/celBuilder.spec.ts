import { describe, expect, it } from 'vitest'
import type { TemplateField } from '@/api'
import { buildCel, celSubjects, opsFor, parseCel, type CelCondition } from './celBuilder'

const fields: TemplateField[] = [
  { key: 'amount', label: '金额', type: 'money' },
  { key: 'fault_type', label: '故障类型', type: 'select', options: [{ value: 'leak', label: '漏水' }] },
  { key: 'tags', label: '标签', type: 'multi_select' },
  { key: 'photos', label: '照片', type: 'image' },
  { key: 'due', label: '时间', type: 'datetime' },
]
const subjects = celSubjects(fields)

describe('celSubjects', () => {
  it('offers comparable fields and the ticket/customer facts', () => {
    expect(subjects.map((s) => `${s.subject}:${s.kind}`)).toEqual([
      'fields.amount:number', 'fields.fault_type:string', 'fields.tags:list',
      'ticket.priority:string', 'ticket.source:string', 'customer.level:string', 'customer.region:string', 'customer.tags:list',
    ])
    expect(opsFor('list')).toEqual(['contains'])
    expect(opsFor('number')).toContain('>=')
  })
})

describe('buildCel', () => {
  it('writes numbers bare and strings quoted', () => {
    expect(buildCel({ join: '&&', rows: [{ subject: 'fields.amount', op: '>', value: '5000' }] }, subjects)).toBe('fields.amount > 5000')
    expect(buildCel({
      join: '&&',
      rows: [
        { subject: 'fields.amount', op: '>', value: ' 5000 ' },
        { subject: 'fields.fault_type', op: '==', value: 'leak' },
      ],
    }, subjects)).toBe('fields.amount > 5000 && fields.fault_type == "leak"')
  })

  it('escapes quotes in strings and joins with or', () => {
    expect(buildCel({
      join: '||',
      rows: [
        { subject: 'customer.level', op: '==', value: 'V"IP' },
        { subject: 'ticket.priority', op: '!=', value: 'low' },
      ],
    }, subjects)).toBe('customer.level == "V\\"IP" || ticket.priority != "low"')
  })

  it('tests list membership with in', () => {
    expect(buildCel({ join: '&&', rows: [{ subject: 'fields.tags', op: 'contains', value: 'vip' }] }, subjects)).toBe('"vip" in fields.tags')
  })

  it('is empty without rows', () => {
    expect(buildCel({ join: '&&', rows: [] }, subjects)).toBe('')
  })
})

describe('parseCel', () => {
  const roundTrip = (cond: CelCondition) => expect(parseCel(buildCel(cond, subjects), subjects)).toEqual(cond)

  it('reads back what the builder writes', () => {
    roundTrip({ join: '&&', rows: [{ subject: 'fields.amount', op: '>=', value: '5000.5' }] })
    roundTrip({ join: '||', rows: [
      { subject: 'fields.fault_type', op: '==', value: 'a && b' },
      { subject: 'fields.tags', op: 'contains', value: 'x"y' },
      { subject: 'customer.level', op: '!=', value: 'VIP' },
    ] })
    expect(parseCel('', subjects)).toEqual({ join: '&&', rows: [] })
    expect(parseCel(undefined, subjects)).toEqual({ join: '&&', rows: [] })
  })

  it("reads single-quoted strings (the demo's ticket.priority == 'urgent')", () => {
    expect(parseCel("ticket.priority == 'urgent'", subjects)).toEqual({
      join: '&&', rows: [{ subject: 'ticket.priority', op: '==', value: 'urgent' }],
    })
  })

  it('gives up on anything the builder cannot show', () => {
    expect(parseCel('fields.amount > 5000 && fields.fault_type == "leak" || true', subjects)).toBeNull()
    expect(parseCel('(fields.amount > 5000)', subjects)).toBeNull()
    expect(parseCel('fields.unknown > 5', subjects)).toBeNull()
    expect(parseCel('fields.amount > "5"', subjects)).toBeNull()
    expect(parseCel('fields.fault_type == 5', subjects)).toBeNull()
    expect(parseCel('size(fields.tags) > 2', subjects)).toBeNull()
    expect(parseCel('false', subjects)).toBeNull()
    expect(parseCel('fields.fault_type == "open', subjects)).toBeNull()
  })
})
