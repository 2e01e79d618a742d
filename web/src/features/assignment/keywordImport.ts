import type { KeywordBody } from './assignmentApi'

/**
 * Reads a keyword file for `POST …/keywords/import`: a JSON array as the API takes it, or CSV lines
 * `keyword,category,templateId,priority,tags` (tags separated by `;`, header line optional, empty cells unset).
 * Throws a SyntaxError naming the line for text that is neither.
 */
export function parseKeywordFile(text: string): KeywordBody[] {
  const trimmed = text.trim()
  if (!trimmed) return []
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    const parsed: unknown = JSON.parse(trimmed)
    if (!Array.isArray(parsed)) throw new SyntaxError('not an array')
    return parsed as KeywordBody[]
  }
  const out: KeywordBody[] = []
  trimmed.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return
    const cells = line.split(',').map((c) => c.trim())
    if (i === 0 && cells[0].toLowerCase() === 'keyword') return
    const [keyword, category, templateId, priority, tags] = cells
    const id = templateId ? Number(templateId) : null
    if (id !== null && !Number.isInteger(id)) throw new SyntaxError(`line ${i + 1}: templateId`)
    out.push({
      keyword: keyword ?? '',
      category: category || null,
      templateId: id,
      priority: priority || null,
      tags: (tags ?? '').split(';').map((t) => t.trim()).filter(Boolean),
    })
  })
  return out
}

/** Server errors of an import name the entry (`[3].keyword`); shown with the entry's 1-based number and text. */
export function importErrorText(field: string, message: string, items: readonly KeywordBody[]): string {
  const m = /^\[(\d+)\]\.?(.*)$/.exec(field)
  if (!m) return field ? `${field}: ${message}` : message
  const item = items[Number(m[1])]
  return `#${Number(m[1]) + 1}${item?.keyword ? ` (${item.keyword})` : ''} ${m[2]}: ${message}`
}
