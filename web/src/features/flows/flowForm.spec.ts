import { describe, expect, it } from 'vitest'
import * as flowFormModule from './flowForm'
import type { TemplateField } from '@/api'
import {
  assigneeFor,
  buildMapping,
  buildSimulateRequest,
  emptySandbox,
  formatSla,
  isUnmappedProblem,
  parseSla,
  sandboxErrorKey,
  setFieldRule,
  strandedNodes,
  userFields,
} from './flowForm'

describe('SLA', () => {
  it('reads the durations the friendly input writes', () => {
    expect(parseSla('PT4H')).toEqual({ amount: 4, unit: 'hours' })
    expect(parseSla('PT30M')).toEqual({ amount: 30, unit: 'minutes' })
    expect(parseSla('P2D')).toEqual({ amount: 2, unit: 'days' })
    expect(parseSla('pt8h')).toEqual({ amount: 8, unit: 'hours' })
  })

  it('leaves other durations to the raw input', () => {
    expect(parseSla('P1DT4H')).toBeNull()
    expect(parseSla('PT1H30M')).toBeNull()
    expect(parseSla('')).toBeNull()
    expect(parseSla(null)).toBeNull()
  })

  it('writes ISO durations, none for nothing', () => {
    expect(formatSla({ amount: 4, unit: 'hours' })).toBe('PT4H')
    expect(formatSla({ amount: 45, unit: 'minutes' })).toBe('PT45M')
    expect(formatSla({ amount: 3, unit: 'days' })).toBe('P3D')
    expect(formatSla({ amount: 0, unit: 'days' })).toBeUndefined()
    expect(formatSla({ amount: null, unit: 'days' })).toBeUndefined()
  })
})

describe('assigneeFor', () => {
  it('gives each strategy its key, as the server reads it', () => {
    expect(assigneeFor('role')).toEqual({ strategy: 'role' })
    expect(assigneeFor('department_leader')).toEqual({ strategy: 'department_leader', level: 1 })
    expect(assigneeFor('creator')).toEqual({ strategy: 'creator' })
    expect(assigneeFor('rules')).toEqual({ strategy: 'rules' })
  })

  it('keeps the setting of the same strategy and drops the others', () => {
    expect(assigneeFor('role', { strategy: 'role', roleCode: 'agent' })).toEqual({ strategy: 'role', roleCode: 'agent' })
    expect(assigneeFor('user', { strategy: 'role', roleCode: 'agent' })).toEqual({ strategy: 'user' })
    expect(assigneeFor('department_leader', { strategy: 'department_leader', level: 2 })).toEqual({ strategy: 'department_leader', level: 2 })
    expect(assigneeFor('field', { strategy: 'field', fieldKey: 'tech' })).toEqual({ strategy: 'field', fieldKey: 'tech' })
    expect(assigneeFor('department', { strategy: 'department', departmentId: 3 })).toEqual({ strategy: 'department', departmentId: 3 })
    expect(assigneeFor('user', { strategy: 'user', userId: 9 })).toEqual({ strategy: 'user', userId: 9 })
  })

  it('offers only user fields for the field strategy', () => {
    expect(userFields([{ key: 'a', label: 'A', type: 'user' }, { key: 'b', label: 'B', type: 'text' }]).map((f) => f.key)).toEqual(['a'])
  })
})

describe('setFieldRule', () => {
  it('sets and clears rules, none left → undefined', () => {
    expect(setFieldRule(undefined, 'amount', 'required')).toEqual({ amount: 'required' })
    expect(setFieldRule({ amount: 'required' }, 'cost', 'hidden')).toEqual({ amount: 'required', cost: 'hidden' })
    expect(setFieldRule({ amount: 'required' }, 'amount', null)).toBeUndefined()
  })
})

describe('publish mapping', () => {
  const problem = {
    type: 'https://baton.dev/problems/flow-tickets-unmapped',
    status: 409,
    errors: [{ field: 'mapping.visit', message: '2 张工单在此等待：GD-1, GD-2' }, { field: 'other', message: 'x' }],
    affected: [
      { ticketId: 1, ticketNumber: 'GD-1', flowVersion: 1, nodeId: 'visit' },
      { ticketId: 2, ticketNumber: 'GD-2', flowVersion: 1, nodeId: 'visit' },
      { ticketId: 2, ticketNumber: 'GD-2', flowVersion: 1, nodeId: 'visit' },
    ],
  }

  it('recognises the 409 and lists the nodes with their tickets', () => {
    expect(isUnmappedProblem(problem)).toBe(true)
    expect(isUnmappedProblem({ type: 'https://baton.dev/problems/version-conflict' })).toBe(false)
    expect(isUnmappedProblem(undefined)).toBe(false)
    expect(strandedNodes(problem)).toEqual([{ nodeId: 'visit', message: '2 张工单在此等待：GD-1, GD-2', tickets: ['GD-1', 'GD-2'] }])
    expect(strandedNodes({})).toEqual([])
  })

  it('sends only chosen targets', () => {
    expect(buildMapping({ visit: 'repair', old: null, other: '' })).toEqual({ visit: 'repair' })
  })
})

describe('buildSimulateRequest', () => {
  const fields: TemplateField[] = [
    { key: 'amount', label: '金额', type: 'money' },
    { key: 'technician', label: '师傅', type: 'user' },
    { key: 'fault_type', label: '故障', type: 'select' },
    { key: 'tags', label: '标签', type: 'multi_select' },
    { key: 'note', label: '备注', type: 'text' },
  ]

  it('sends nothing for an empty form', () => {
    expect(buildSimulateRequest(emptySandbox(), fields)).toEqual({})
  })

  it('types the values and puts the customer level into facts', () => {
    const form = emptySandbox()
    form.fields = { amount: '6000', technician: 42, fault_type: 'leak', tags: [], note: '', ghost: 'x' }
    form.customerLevel = ' VIP '
    form.source = 'web'
    form.priority = 'urgent'
    form.creatorId = 17
    form.decisions = { approve: ['reject'], other: [] }
    expect(buildSimulateRequest(form, fields)).toEqual({
      fields: { amount: 6000, technician: 42, fault_type: 'leak' },
      facts: { 'customer.level': 'VIP' },
      source: 'web',
      priority: 'urgent',
      creatorId: 17,
      decisions: { approve: ['reject'] },
    })
  })

  it('passes an unparsable number on for the server to report, and runs a version', () => {
    const form = emptySandbox()
    form.fields = { amount: '12abc', tags: ['a'] }
    form.version = 2
    expect(buildSimulateRequest(form, fields)).toEqual({ fields: { amount: '12abc', tags: ['a'] }, version: 2 })
  })

  it('maps sandbox error paths to inputs', () => {
    expect(sandboxErrorKey('fields.technician')).toBe('technician')
    expect(sandboxErrorKey('creatorId')).toBe('creatorId')
  })
})

describe('fieldText', () => {
  it('uses the English label in English when there is one', () => {
    const { fieldText } = flowFormModule
    expect(fieldText({ key: 'amount', label: '金额', labelEn: 'Amount' }, 'en')).toBe('Amount')
    expect(fieldText({ key: 'amount', label: '金额', labelEn: null }, 'en')).toBe('金额')
    expect(fieldText({ key: 'amount', label: '金额', labelEn: 'Amount' }, 'zh-CN')).toBe('金额')
    expect(fieldText({ key: 'amount', label: '' }, 'zh-CN')).toBe('amount')
  })
})
