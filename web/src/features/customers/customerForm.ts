import type { Customer, CustomerCommand } from './customersApi'

/** The create/edit dialog's model; list fields are edited as tags. */
export interface CustomerForm {
  name: string
  company: string
  level: string
  region: string
  tags: string[]
  phone: string
  wecomExternalIds: string[]
  groupChatIds: string[]
}

export const CUSTOMER_FORM_FIELDS = ['name', 'company', 'level', 'region', 'tags', 'phone', 'wecomExternalIds', 'groupChatIds'] as const

export function emptyCustomerForm(): CustomerForm {
  return { name: '', company: '', level: 'standard', region: '', tags: [], phone: '', wecomExternalIds: [], groupChatIds: [] }
}

export function customerToForm(c: Customer): CustomerForm {
  return {
    name: c.name,
    company: c.company ?? '',
    level: c.level,
    region: c.region ?? '',
    tags: [...c.tags],
    phone: c.phone ?? '',
    wecomExternalIds: [...c.wecomExternalIds],
    groupChatIds: [...c.groupChatIds],
  }
}

const text = (v: string) => v.trim() || null
/** Trimmed, blank and repeated entries dropped, order kept. */
const list = (v: readonly string[]) => [...new Set(v.map((x) => x.trim()).filter(Boolean))]

/** The request body; `version` only on an edit (the server answers 409 when it is stale). */
export function customerCommand(f: CustomerForm, version?: number): CustomerCommand {
  const cmd: CustomerCommand = {
    name: f.name.trim(),
    company: text(f.company),
    level: f.level,
    region: text(f.region),
    tags: list(f.tags),
    phone: text(f.phone),
    wecomExternalIds: list(f.wecomExternalIds),
    groupChatIds: list(f.groupChatIds),
  }
  if (version !== undefined) cmd.version = version
  return cmd
}

/** Errors on list items (`tags[2]`) belong to the list's form item. */
export function listFieldOf(path: string): string {
  return path.replace(/\[\d+\].*$/, '')
}

export interface TimelineEntry {
  at: string
  kind: 'created' | 'closed'
  ticketId: number
  number: string
  title: string
}

/** A customer's tickets as a timeline, newest first: each ticket's creation and, when closed, its closing. */
export function ticketTimeline(
  tickets: readonly { id: number; number: string; title: string; createdAt: string; closedAt?: string | null }[],
): TimelineEntry[] {
  const entries: TimelineEntry[] = []
  for (const tk of tickets) {
    entries.push({ at: tk.createdAt, kind: 'created', ticketId: tk.id, number: tk.number, title: tk.title })
    if (tk.closedAt) entries.push({ at: tk.closedAt, kind: 'closed', ticketId: tk.id, number: tk.number, title: tk.title })
  }
  return entries.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.kind === 'closed' ? -1 : 1))
}
