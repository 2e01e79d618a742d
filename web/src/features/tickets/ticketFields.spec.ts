import { describe, expect, it } from 'vitest'
import type { TemplateField } from '@/api'
import { displayValue, fieldRows } from './ticketFields'

const select: TemplateField = { key: 's', label: 'S', type: 'multi_select', options: [{ value: 'a', label: '甲' }] }

describe('displayValue', () => {
  it('shows option labels, joins lists and marks empty values', () => {
    expect(displayValue(select, ['a', 'b'])).toBe('甲, b')
    expect(displayValue({ ...select, type: 'select' }, 'a')).toBe('甲')
    expect(displayValue(undefined, null)).toBe('—')
    expect(displayValue(undefined, [])).toBe('—')
    expect(displayValue(undefined, 5000)).toBe('5000')
    expect(displayValue(undefined, { a: 1 })).toBe('{"a":1}')
  })
})

describe('fieldRows', () => {
  it('keeps the template order and adds keys the template does not know', () => {
    const f: TemplateField[] = [{ key: 'b', label: 'B', type: 'text' }, { key: 'a', label: 'A', type: 'number' }]
    expect(fieldRows(f, { a: 1, b: null, z: 2 }).map((r) => [r.key, !!r.field])).toEqual([['b', true], ['a', true], ['z', false]])
  })
  it('leaves out template fields the view does not carry unless they may be filled in', () => {
    const f: TemplateField[] = [{ key: 'b', label: 'B', type: 'text' }, { key: 'a', label: 'A', type: 'number' }]
    expect(fieldRows(f, { a: 1 }).map((r) => r.key)).toEqual(['a'])
    expect(fieldRows(f, { a: 1 }, (k) => k === 'b').map((r) => r.key)).toEqual(['b', 'a'])
  })
})
