import { describe, expect, it } from 'vitest'
import { normaliseField, problemToFieldErrors, unmatchedFieldErrors } from './problem'

describe('problemToFieldErrors', () => {
  it('maps each field to its message', () => {
    expect(
      problemToFieldErrors({
        status: 400,
        detail: 'Validation failed',
        errors: [
          { field: 'username', message: '用户名已存在' },
          { field: 'email', message: '邮箱格式不正确' },
        ],
      }),
    ).toEqual({ username: '用户名已存在', email: '邮箱格式不正确' })
  })

  it('returns an empty map when there are no errors', () => {
    expect(problemToFieldErrors({ status: 409, detail: 'conflict' })).toEqual({})
    expect(problemToFieldErrors(null)).toEqual({})
    expect(problemToFieldErrors(undefined)).toEqual({})
    expect(problemToFieldErrors({ errors: 'nonsense' as unknown as [] })).toEqual({})
  })

  it('joins several messages for one field, each once', () => {
    expect(
      problemToFieldErrors({
        errors: [
          { field: 'password', message: 'too short' },
          { field: 'password', message: 'needs a digit' },
          { field: 'password', message: 'too short' },
        ],
      }),
    ).toEqual({ password: 'too short; needs a digit' })
  })

  it('normalises indexed and nested paths to form keys', () => {
    expect(
      problemToFieldErrors({
        errors: [
          { field: 'departmentIds[0]', message: 'unknown department' },
          { field: 'user.email', message: 'bad' },
          { field: 'skills[2]', message: 'too long' },
        ],
      }),
    ).toEqual({ departmentIds: 'unknown department', email: 'bad', skills: 'too long' })
  })

  it('skips entries without a field or a message', () => {
    expect(
      problemToFieldErrors({
        errors: [
          { field: '', message: 'global' },
          { field: 'name', message: '' },
          null as unknown as { field: string; message: string },
          { field: 'name', message: 'ok' },
        ],
      }),
    ).toEqual({ name: 'ok' })
  })
})

describe('normaliseField', () => {
  it('strips indexes and keeps the last path segment', () => {
    expect(normaliseField('roleIds[3]')).toBe('roleIds')
    expect(normaliseField('a.b.c')).toBe('c')
    expect(normaliseField(' name ')).toBe('name')
    expect(normaliseField('')).toBe('')
  })
})

describe('unmatchedFieldErrors', () => {
  it('lists errors for fields the form does not show', () => {
    expect(unmatchedFieldErrors({ name: 'x', tenantId: 'y' }, ['name'])).toEqual(['tenantId: y'])
  })
})
