import { describe, expect, it } from 'vitest'
import { importErrorText, parseKeywordFile } from './keywordImport'

describe('keyword import file', () => {
  it('reads the API JSON array as it is', () => {
    expect(parseKeywordFile('[{"keyword": "漏水", "priority": "high"}]')).toEqual([{ keyword: '漏水', priority: 'high' }])
  })

  it('reads CSV with an optional header, tags split on ;', () => {
    const text = 'keyword,category,templateId,priority,tags\n漏水,维修,3,high,漏水;紧急\n\nＶＩＰ,,,,\n'
    expect(parseKeywordFile(text)).toEqual([
      { keyword: '漏水', category: '维修', templateId: 3, priority: 'high', tags: ['漏水', '紧急'] },
      { keyword: 'ＶＩＰ', category: null, templateId: null, priority: null, tags: [] },
    ])
  })

  it('refuses what it cannot read', () => {
    expect(() => parseKeywordFile('{"keyword": "x"}')).toThrow(SyntaxError)
    expect(() => parseKeywordFile('漏水,维修,three')).toThrow('line 1')
    expect(parseKeywordFile('  ')).toEqual([])
  })

  it('names the entry of a server error', () => {
    const items = [{ keyword: 'a', category: null, templateId: null, priority: null, tags: [] }, { keyword: '漏水', category: null, templateId: null, priority: 'hot', tags: [] }]
    expect(importErrorText('[1].priority', 'unknown priority', items)).toBe('#2 (漏水) priority: unknown priority')
    expect(importErrorText('', 'too many', items)).toBe('too many')
    expect(importErrorText('items', 'too many', items)).toBe('items: too many')
  })
})
