import { describe, expect, it } from 'vitest'
import { isTokenUsable, safeRedirect } from './token'

describe('isTokenUsable', () => {
  const now = Date.parse('2025-06-01T00:00:00Z')
  it('needs a token that has not expired', () => {
    expect(isTokenUsable(null, null, now)).toBe(false)
    expect(isTokenUsable('t', null, now)).toBe(true)
    expect(isTokenUsable('t', '2025-06-01T01:00:00Z', now)).toBe(true)
    expect(isTokenUsable('t', '2025-05-31T23:00:00Z', now)).toBe(false)
    expect(isTokenUsable('t', 'garbage', now)).toBe(true)
  })
})

describe('safeRedirect', () => {
  it('accepts in-app paths only', () => {
    expect(safeRedirect('/org/roles?x=1')).toBe('/org/roles?x=1')
    expect(safeRedirect(['/org/users'])).toBe('/org/users')
    expect(safeRedirect('//evil.example')).toBe('/')
    expect(safeRedirect('https://evil.example')).toBe('/')
    expect(safeRedirect('/\\evil')).toBe('/')
    expect(safeRedirect('/login?redirect=/x')).toBe('/')
    expect(safeRedirect(undefined)).toBe('/')
  })
})
