import { describe, expect, it } from 'vitest'
import type { TemplateField } from '@/api'
import {
  addField,
  dropIndex,
  fieldsForSave,
  indexAfterMove,
  indexFieldErrors,
  moveField,
  newField,
  propsFor,
  removeField,
  uniqueKey,
  updateField,
} from './templateFields'

const fields: TemplateField[] = [
  { key: 'device_model', label: '设备型号', type: 'text', required: true },
  { key: 'amount', label: '维修金额', type: 'money', min: 0 },
  { key: 'fault_type', label: '故障类型', type: 'select', options: [{ value: 'leak', label: '漏水' }] },
]

describe('new fields', () => {
  it('gets a free key per type', () => {
    expect(uniqueKey('text', fields)).toBe('text_1')
    expect(uniqueKey('text', [...fields, { key: 'text_1', label: 'x', type: 'text' }])).toBe('text_2')
    expect(uniqueKey('multi_select', [])).toBe('multi_select_1')
  })

  it('starts choice fields with one option', () => {
    expect(newField('select', fields, '单选', '选项1')).toEqual({
      key: 'select_1', label: '单选', type: 'select', options: [{ value: 'option_1', label: '选项1' }],
    })
    expect(newField('number', fields, '数字')).toEqual({ key: 'number_1', label: '数字', type: 'number' })
  })

  it('inserts at an index or at the end', () => {
    const f = newField('date', fields, '日期')
    expect(addField(fields, f).map((x) => x.key)).toEqual(['device_model', 'amount', 'fault_type', 'date_1'])
    expect(addField(fields, f, 1).map((x) => x.key)).toEqual(['device_model', 'date_1', 'amount', 'fault_type'])
    expect(addField(fields, f, 99).at(-1)?.key).toBe('date_1')
  })
})

describe('reorder, update, remove', () => {
  it('moves a field to a new position', () => {
    expect(moveField(fields, 0, 2).map((x) => x.key)).toEqual(['amount', 'fault_type', 'device_model'])
    expect(moveField(fields, 2, 0).map((x) => x.key)).toEqual(['fault_type', 'device_model', 'amount'])
    expect(moveField(fields, 0, 5)).toEqual(fields)
  })

  it('sets and removes properties without touching the others', () => {
    const list = updateField(fields, 1, { max: 100000, min: undefined, label: '金额' })
    expect(list[1]).toEqual({ key: 'amount', label: '金额', type: 'money', max: 100000 })
    expect(list[0]).toBe(fields[0])
    expect(updateField(fields, 0, { pattern: '' })[0]).not.toHaveProperty('pattern')
  })

  it('removes by index', () => {
    expect(removeField(fields, 1).map((x) => x.key)).toEqual(['device_model', 'fault_type'])
  })

  it('offers the rules that apply to a type', () => {
    expect(propsFor('text')).toContain('pattern')
    expect(propsFor('select')).toEqual(['options'])
    expect(propsFor('user')).toEqual([])
  })
})

describe('server errors', () => {
  it('places errors on the field and property of their path', () => {
    expect(indexFieldErrors([
      { field: 'fields[3].pattern', message: '正则表达式无效' },
      { field: 'fields[2].options[0].value', message: '重复' },
      { field: 'fields[2].options[1].value', message: '重复' },
      { field: 'fields[0]', message: '键重复' },
      { field: 'code', message: '代码已存在' },
      { field: 'fields[1].key', message: '' },
    ])).toEqual({
      fields: { 3: { pattern: '正则表达式无效' }, 2: { options: '重复' }, 0: { '': '键重复' } },
      template: { code: '代码已存在' },
    })
    expect(indexFieldErrors(undefined)).toEqual({ fields: {}, template: {} })
  })
})

describe('fieldsForSave', () => {
  it('drops empty properties and option lists', () => {
    expect(fieldsForSave([{ key: 'a', label: 'A', type: 'select', options: [], helpText: '', min: null }])).toEqual([
      { key: 'a', label: 'A', type: 'select' },
    ])
  })
})

describe('drag and drop', () => {
  /** drops a new field of `type` at `index`, as the canvas does for a palette item */
  const drop = (list: TemplateField[], type: TemplateField['type'], index?: number) =>
    addField(list, newField(type, list, type), dropIndex(index, list.length))

  it('inserts a dropped palette type at the drop position, keys staying unique', () => {
    let list: TemplateField[] = []
    list = drop(list, 'text', 0)
    list = drop(list, 'text', 0)
    list = drop(list, 'number', 1)
    list = drop(list, 'text', undefined)
    expect(list.map((f) => f.key)).toEqual(['text_2', 'number_1', 'text_1', 'text_3'])
    expect(new Set(list.map((f) => f.key)).size).toBe(list.length)
  })

  it('reuses no key of a field that is still there after a move', () => {
    const moved = moveField(drop(drop(fields, 'text', 0), 'text', 3), 0, 3)
    expect(moved.map((f) => f.key)).toEqual(['device_model', 'amount', 'text_2', 'text_1', 'fault_type'])
    expect(newField('text', moved, 'x').key).toBe('text_3')
  })

  it('clamps drop positions the library reports', () => {
    expect(dropIndex(undefined, 3)).toBe(3)
    expect(dropIndex(-1, 3)).toBe(3)
    expect(dropIndex(7, 3)).toBe(3)
    expect(dropIndex(2, 3)).toBe(2)
    expect(dropIndex(0, 0)).toBe(0)
  })

  it('keeps the selection on the same field through a move', () => {
    // [a b c d]: b (1) moves to 3 → [a c d b]
    expect(indexAfterMove(1, 1, 3)).toBe(3)
    expect(indexAfterMove(2, 1, 3)).toBe(1)
    expect(indexAfterMove(3, 1, 3)).toBe(2)
    expect(indexAfterMove(0, 1, 3)).toBe(0)
    // d (3) moves to 0 → [d a b c]
    expect(indexAfterMove(0, 3, 0)).toBe(1)
    expect(indexAfterMove(3, 3, 0)).toBe(0)
    const list = ['a', 'b', 'c', 'd'].map((k) => ({ key: k, label: k, type: 'text' as const }))
    for (let sel = 0; sel < 4; sel++) {
      const after = moveField(list, 1, 3)
      expect(after[indexAfterMove(sel, 1, 3)].key).toBe(list[sel].key)
    }
  })
})
