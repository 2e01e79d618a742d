import { describe, expect, it } from 'vitest'
import type { Rule } from '@/features/assignment/assignmentApi'
import { rulesNaming } from './channelRules'

const rule = (id: number, channels?: string[]): Rule =>
  ({ id, name: `r${id}`, position: id, enabled: true, conditions: channels ? { channels } : {}, target: { kind: 'pool' }, strategy: { kind: 'manual' }, fallback: { kind: 'pool' }, version: 0, createdAt: '', updatedAt: '' }) as Rule

describe('rulesNaming', () => {
  it('lists the rules that name the channel, in the order they are tried', () => {
    const rules = [rule(1), rule(2, ['repair', 'shop-qr']), rule(3, ['shop-qr']), rule(4, ['mini-complaint'])]
    expect(rulesNaming('shop-qr', rules).map((r) => r.id)).toEqual([2, 3])
    expect(rulesNaming('repair', rules).map((r) => r.id)).toEqual([2])
    expect(rulesNaming('site', rules)).toEqual([])
  })
})
