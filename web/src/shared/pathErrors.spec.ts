import { describe, expect, it } from 'vitest'
import { errorUnder, problemErrorsByPath } from './pathErrors'

describe('problemErrorsByPath', () => {
  it('keeps whole paths and joins repeated messages once', () => {
    const paths = problemErrorsByPath({
      errors: [
        { field: 'windows.MONDAY[1]', message: 'overlaps' },
        { field: 'windows.MONDAY[1]', message: 'overlaps' },
        { field: 'windows.MONDAY[1]', message: 'end before start' },
        { field: 'escalations[2].roleCode', message: 'unknown role' },
        { field: '', message: 'ignored' },
      ],
    })
    expect(paths).toEqual({ 'windows.MONDAY[1]': 'overlaps; end before start', 'escalations[2].roleCode': 'unknown role' })
  })

  it('finds the error of a row and of anything below it', () => {
    const paths = { 'escalations[2].roleCode': 'unknown role', 'windows.MONDAY': 'bad' }
    expect(errorUnder(paths, 'escalations[2]')).toBe('unknown role')
    expect(errorUnder(paths, 'escalations[1]')).toBeUndefined()
    expect(errorUnder(paths, 'windows.MONDAY[0]', 'windows.MONDAY')).toBe('bad')
    expect(errorUnder(paths, 'windows.MON')).toBeUndefined()
  })
})
