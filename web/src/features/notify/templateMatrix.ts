import type { NotificationTemplate } from './notifyApi'

export const cellKey = (event: string, channel: string) => `${event}/${channel}`

/** The tenant's templates by `event/channel`; a cell without one sends the shipped default. */
export function templateMatrix(list: readonly NotificationTemplate[]): Map<string, NotificationTemplate> {
  return new Map(list.map((t) => [cellKey(t.event, t.channel), t]))
}

/** Events the list has that the UI does not know yet are still shown, after the known ones. */
export function eventRows(known: readonly string[], list: readonly NotificationTemplate[]): string[] {
  const extra = [...new Set(list.map((t) => t.event))].filter((e) => !known.includes(e)).sort()
  return [...known, ...extra]
}

/** Inserts `{{name}}` at the cursor (or the end) of `text`; answers the new text and where the cursor goes. */
export function insertVariable(text: string, name: string, at: number | null | undefined): { text: string; cursor: number } {
  const pos = at == null || at < 0 || at > text.length ? text.length : at
  const token = `{{${name}}}`
  return { text: text.slice(0, pos) + token + text.slice(pos), cursor: pos + token.length }
}

/** Variables a text uses, in order, once each (to show which ones it relies on). */
export function usedVariables(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]))]
}
