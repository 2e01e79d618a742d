import { describe, expect, it } from 'vitest'
import { formatDateTime } from './format'

describe('formatDateTime', () => {
  it('formats in local time as YYYY-MM-DD HH:mm', () => {
    const local = new Date(2025, 0, 5, 9, 7, 30)
    expect(formatDateTime(local.toISOString())).toBe('2025-01-05 09:07')
  })
  it('passes through empty and unparsable values', () => {
    expect(formatDateTime(null)).toBe('')
    expect(formatDateTime('')).toBe('')
    expect(formatDateTime('soon')).toBe('soon')
  })
})
