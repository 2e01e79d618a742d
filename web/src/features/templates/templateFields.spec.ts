import { describe, expect, it } from 'vitest'
import type { TemplateField } from '@/api'
import {
  addField,
  fieldsForSave,
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
