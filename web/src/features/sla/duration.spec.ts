import { describe, expect, it } from 'vitest'
import { formatDuration, isZeroDuration, parseDuration } from './duration'

describe('business durations', () => {
  it.each([
    ['PT30M', { days: 0, hours: 0, minutes: 30 }],
    ['PT4H', { days: 0, hours: 4, minutes: 0 }],
    ['P3D', { days: 3, hours: 0, minutes: 0 }],
    ['P1DT2H', { days: 1, hours: 2, minutes: 0 }],
    ['PT90M', { days: 0, hours: 1, minutes: 30 }],
    ['pt0m', { days: 0, hours: 0, minutes: 0 }],
    // Java's Duration.toString of zero
    ['PT0S', { days: 0, hours: 0, minutes: 0 }],
  ])('reads %s', (iso, parts) => expect(parseDuration(iso)).toEqual(parts))

  it.each(['', 'P', 'PT', 'P1W', 'PT1.5H', 'PT10S', '4h', null])('refuses %s', (iso) => expect(parseDuration(iso)).toBeNull())

  it('writes the shortest form, never folding hours into days', () => {
    expect(formatDuration({ days: 1, hours: 2 })).toBe('P1DT2H')
    expect(formatDuration({ hours: 30 })).toBe('PT30H')
    expect(formatDuration({ minutes: 90 })).toBe('PT1H30M')
    expect(formatDuration({ days: 2 })).toBe('P2D')
    expect(formatDuration({})).toBe('PT0M')
    expect(formatDuration({ days: null, hours: -1, minutes: undefined })).toBe('PT0M')
  })

  it('round-trips', () => {
    for (const iso of ['PT30M', 'PT4H', 'P3D', 'P1DT2H', 'P1DT2H15M']) expect(formatDuration(parseDuration(iso)!)).toBe(iso)
  })

  it('knows zero', () => {
    expect(isZeroDuration('PT0M')).toBe(true)
    expect(isZeroDuration('PT0S')).toBe(true)
    expect(isZeroDuration('PT30M')).toBe(false)
    expect(isZeroDuration(null)).toBe(false)
  })
})
