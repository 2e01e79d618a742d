import type { Permission } from '@/api'

export interface PermissionGroup {
  group: string
  items: Permission[]
}

/** Groups permissions by `group`, keeping the server's order of groups (first appearance) and of items. */
export function groupPermissions(perms: readonly Permission[]): PermissionGroup[] {
  const groups = new Map<string, Permission[]>()
  for (const p of perms) {
    const g = p.group || '—'
    if (!groups.has(g)) groups.set(g, [])
    const items = groups.get(g)!
    if (!items.some((i) => i.code === p.code)) items.push(p)
  }
  return [...groups.entries()].map(([group, items]) => ({ group, items }))
}

export type CheckState = 'all' | 'some' | 'none'

export function groupCheckState(group: PermissionGroup, selected: readonly string[]): CheckState {
  const sel = new Set(selected)
  const n = group.items.filter((i) => sel.has(i.code)).length
  if (n === 0) return 'none'
  return n === group.items.length ? 'all' : 'some'
}

/** Selects (checked = true) or clears every permission of the group, keeping the others untouched. */
export function toggleGroup(group: PermissionGroup, selected: readonly string[], checked: boolean): string[] {
  const codes = new Set(group.items.map((i) => i.code))
  const rest = selected.filter((c) => !codes.has(c))
  return checked ? [...rest, ...group.items.map((i) => i.code)] : rest
}
