import { describe, expect, it } from 'vitest'
import { durationText } from './durationText'

const label = (u: string, n: number) => `${n}${u[0]}`

describe('durationText', () => {
  it('reads a duration in words', () => {
    expect(durationText('P1DT2H', label)).toBe('1d 2h')
    expect(durationText('PT30M', label)).toBe('30m')
    expect(durationText('PT0M', label)).toBe('0m')
    expect(durationText('P1W', label)).toBe('P1W')
    expect(durationText(null, label)).toBe('')
  })
})
