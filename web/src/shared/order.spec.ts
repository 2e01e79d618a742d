import { describe, expect, it } from 'vitest'
import { moveItem } from './order'

describe('moveItem', () => {
  it('moves up and down', () => {
    expect(moveItem([1, 2, 3], 2, -1)).toEqual([1, 3, 2])
    expect(moveItem([1, 2, 3], 0, 1)).toEqual([2, 1, 3])
    expect(moveItem([1, 2, 3], 0, 2)).toEqual([2, 3, 1])
  })
  it('stays put at the ends', () => {
    expect(moveItem([1, 2, 3], 0, -1)).toEqual([1, 2, 3])
    expect(moveItem([1, 2, 3], 2, 1)).toEqual([1, 2, 3])
    expect(moveItem([], 0, 1)).toEqual([])
  })
})
