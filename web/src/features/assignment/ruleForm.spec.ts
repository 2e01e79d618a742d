import { describe, expect, it } from 'vitest'
import type { Rule } from './assignmentApi'
import { emptyRuleForm, emptySampleForm, formToRuleBody, ruleToForm, sampleToRequest } from './ruleForm'

const vipLeak: Rule = {
  id: 7,
  name: 'VIP 漏水',
  position: 0,
  enabled: true,
  conditions: {
    templateCodes: ['repair'],
    sources: ['wecom_sidebar'],
    channels: ['repair'],
    customerLevels: ['vip'],
    customerRegions: ['广东'],
    priorities: ['high', 'urgent'],
    keywords: ['漏水', '渗水'],
    expression: 'fields.amount > 5000',
  },
  target: { kind: 'department', departmentId: 12, includeChildren: true },
  strategy: { kind: 'round_robin' },
  fallback: { kind: 'department_leader' },
  version: 2,
  createdAt: '',
  updatedAt: '',
}

describe('rule form ⇄ JSON', () => {
  it('round-trips the README example', () => {
    const body = formToRuleBody(ruleToForm(vipLeak), vipLeak.version)
    expect(body).toEqual({
      name: 'VIP 漏水',
      enabled: true,
      conditions: vipLeak.conditions,
      target: vipLeak.target,
      strategy: vipLeak.strategy,
      fallback: vipLeak.fallback,
      version: 2,
    })
  })

  it('sends only the settings of the chosen kinds', () => {
    const form = ruleToForm(vipLeak)
    form.targetKind = 'skill_group'
    form.skills = [' aircon ', 'aircon', '']
    form.strategyKind = 'least_loaded'
    form.weightByPriority = true
    form.strategySkills = ['ignored']
    form.fallbackKind = 'user'
    form.fallbackUserId = null
    form.fallbackDepartmentId = 3
    const body = formToRuleBody(form)
    expect(body.target).toEqual({ kind: 'skill_group', skills: ['aircon'] })
    expect(body.strategy).toEqual({ kind: 'least_loaded', weightByPriority: true })
    // a missing user is sent as null so that the server names fallback.userId
    expect(body.fallback).toEqual({ kind: 'user', userId: null })
    expect('version' in body).toBe(false)
  })

  it('leaves unset conditions out (they match everything)', () => {
    const form = emptyRuleForm()
    form.name = ' 兜底 '
    form.keywords = ['  ']
    form.channels = [' ']
    form.expression = '  '
    form.targetKind = 'pool'
    const body = formToRuleBody(form)
    expect(body.name).toBe('兜底')
    expect(body.conditions).toEqual({})
    expect(body.target).toEqual({ kind: 'pool' })
  })
})

describe('explain sample', () => {
  it('builds the request from the filled-in parts', () => {
    const s = { ...emptySampleForm(), channel: ' repair ', title: ' 厨房漏水 ', customerLevel: 'vip', fields: '{"amount": 8000}', templateId: 3, priority: 'high' }
    expect(sampleToRequest(s)).toEqual({
      source: 'web',
      channel: 'repair',
      templateId: 3,
      priority: 'high',
      title: '厨房漏水',
      fields: { amount: 8000 },
      customer: { level: 'vip' },
    })
    expect(sampleToRequest(emptySampleForm())).toEqual({ source: 'web' })
  })

  it('refuses field values that are not a JSON object', () => {
    expect(() => sampleToRequest({ ...emptySampleForm(), fields: '[1]' })).toThrow(SyntaxError)
    expect(() => sampleToRequest({ ...emptySampleForm(), fields: '{amount' })).toThrow(SyntaxError)
  })
})
