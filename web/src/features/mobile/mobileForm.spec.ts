import { describe, expect, it } from 'vitest'
import type { TemplateField } from '@/api'
import { customerFieldValues, newIdempotencyKey, sidebarFields, splitErrors } from './mobileForm'

describe('sidebar form', () => {
  it('asks only for the required fields it cannot fill itself', () => {
    const f = (key: string, type: string, required = true) => ({ key, label: key, type, required }) as TemplateField
    const keys = sidebarFields([f('customer', 'customer'), f('contact_phone', 'phone'), f('evidence', 'file'), f('mood', 'rating', false)]).map((x) => x.key)
    expect(keys).toEqual(['contact_phone'])
  })

  it('shows a template field error under the field even when its key is a ticket input name', () => {
    const split = splitErrors(
      {
        errors: [
          { field: 'fields.description', message: '至少 5 个字' },
          { field: 'fields.contact_phone', message: '必填' },
          { field: 'title', message: '必填' },
          { field: 'priority', message: '未知' },
        ],
      },
      ['title', 'description', 'chatExcerpt'],
    )
    expect(split.fields).toEqual({ description: '至少 5 个字', contact_phone: '必填' })
    expect(split.ticket).toEqual({ title: '必填' })
    expect(split.other).toEqual(['priority: 未知'])
  })

  it('makes a new uuid per form', () => {
    const a = newIdempotencyKey()
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(newIdempotencyKey()).not.toBe(a)
  })
})

describe('customerFieldValues', () => {
  it('puts the customer into every customer field of the template, or nothing without one', () => {
    const fields = [
      { key: 'customer', label: '客户', type: 'customer' },
      { key: 'payer', label: '付款方', type: 'customer' },
      { key: 'phone', label: '电话', type: 'phone' },
    ] as TemplateField[]
    expect(customerFieldValues(fields, 7)).toEqual({ customer: 7, payer: 7 })
    expect(customerFieldValues(fields, null)).toEqual({})
  })
})
