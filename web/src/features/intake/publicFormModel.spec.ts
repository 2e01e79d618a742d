import { describe, expect, it } from 'vitest'
import type { PublicField } from './intakeApi'
import { fieldsToModel, inputKind, modelToValues, serverErrors } from './publicFormModel'

const field = (key: string, type: string): PublicField => ({
  key,
  label: key,
  labelEn: null,
  helpText: null,
  type,
  required: false,
  min: null,
  max: null,
  minLength: null,
  maxLength: null,
  pattern: null,
  patternMessage: null,
  options: [],
})

describe('public form model', () => {
  const fields = [field('model', 'text'), field('amount', 'money'), field('area', 'region'), field('x', 'weird')]

  it('renders known types by kind and unknown ones as text', () => {
    expect(fields.map((f) => inputKind(f.type))).toEqual(['text', 'number', 'text', 'text'])
    expect(inputKind('date')).toBe('date')
    expect(inputKind('select')).toBe('select')
  })

  it('starts every field empty and sends only what was filled, typed', () => {
    const model = fieldsToModel(fields)
    expect(model).toEqual({ model: '', amount: '', area: '', x: '' })
    Object.assign(model, { model: ' KFR-35 ', amount: '12.5', area: '广东/深圳' })
    expect(modelToValues(fields, model)).toEqual({
      model: 'KFR-35',
      amount: 12.5,
      area: { province: '广东', city: '深圳' },
    })
  })

  it('puts server errors on the input or template field they name', () => {
    const errors = serverErrors({
      status: 400,
      title: 'Invalid',
      errors: [
        { field: 'phone', message: 'bad phone' },
        { field: 'fields.model', message: 'required' },
        { field: 'fields.area.province', message: 'required' },
        { field: 'fields.model', message: 'too long' },
      ],
    })
    expect(errors.top).toEqual({ phone: 'bad phone' })
    expect(errors.fields).toEqual({ model: 'required; too long', area: 'required' })
    expect(serverErrors(undefined)).toEqual({ top: {}, fields: {} })
  })
})
