import type { Department } from '@/api'

export interface DepartmentNode {
  id: number
  name: string
  department: Department
  children: DepartmentNode[]
  /** Its parentId names a department that is not in the list (or is part of a cycle): shown at top level. */
  orphan: boolean
}

export interface TreeOption {
  value: number
  label: string
  disabled?: boolean
  children?: TreeOption[]
}

const collator = new Intl.Collator('zh-CN', { numeric: true })

export function compareDepartments(a: Department, b: Department): number {
  return (a.sortOrder ?? 0) - (b.sortOrder ?? 0) || collator.compare(a.name, b.name) || a.id - b.id
}

/**
 * Builds the department tree from the flat list. Siblings are ordered by sortOrder, then name, then id.
 * Departments whose parent is missing, and departments caught in a parent cycle, become top-level
 * nodes flagged `orphan`, so that nothing the server returned is hidden.
 */
export function buildDepartmentTree(list: readonly Department[]): DepartmentNode[] {
  const byId = new Map<number, Department>()
  for (const d of list) if (!byId.has(d.id)) byId.set(d.id, d)

  const nodes = new Map<number, DepartmentNode>()
  for (const d of byId.values()) nodes.set(d.id, { id: d.id, name: d.name, department: d, children: [], orphan: false })

  const roots: DepartmentNode[] = []
  const attached = new Set<number>()
  const childrenOf = new Map<number | null, Department[]>()
  for (const d of byId.values()) {
    const parent = d.parentId != null && byId.has(d.parentId) && d.parentId !== d.id ? d.parentId : null
    const orphan = d.parentId != null && parent === null
    if (orphan) nodes.get(d.id)!.orphan = true
    const key = parent
    if (!childrenOf.has(key)) childrenOf.set(key, [])
    childrenOf.get(key)!.push(d)
  }

  const attach = (rootDept: Department, into: DepartmentNode[]) => {
    // iterative depth-first walk; `attached` guards against cycles
    const stack: Array<{ dept: Department; into: DepartmentNode[] }> = [{ dept: rootDept, into }]
    while (stack.length) {
      const { dept, into: target } = stack.pop()!
      if (attached.has(dept.id)) continue
      attached.add(dept.id)
      const node = nodes.get(dept.id)!
      target.push(node)
      const kids = [...(childrenOf.get(dept.id) ?? [])].sort(compareDepartments).reverse()
      for (const k of kids) stack.push({ dept: k, into: node.children })
    }
  }

  for (const d of [...(childrenOf.get(null) ?? [])].sort(compareDepartments)) attach(d, roots)

  // whatever is left is part of a cycle: break it by lifting the members to the top level
  const leftovers = [...byId.values()].filter((d) => !attached.has(d.id)).sort(compareDepartments)
  for (const d of leftovers) {
    if (attached.has(d.id)) continue
    nodes.get(d.id)!.orphan = true
    attach(d, roots)
  }

  // attach() pushes children in sorted order because the stack is fed reversed; roots were added in order.
  roots.sort((a, b) => compareDepartments(a.department, b.department))
  return roots
}

/** Ids of the department and all its descendants (cycle-safe). */
export function subtreeIds(list: readonly Department[], id: number): Set<number> {
  const children = new Map<number, number[]>()
  for (const d of list) {
    if (d.parentId == null) continue
    if (!children.has(d.parentId)) children.set(d.parentId, [])
    children.get(d.parentId)!.push(d.id)
  }
  const result = new Set<number>()
  const stack = [id]
  while (stack.length) {
    const cur = stack.pop()!
    if (result.has(cur)) continue
    result.add(cur)
    for (const c of children.get(cur) ?? []) stack.push(c)
  }
  return result
}

/** Names from the top-level department down to `id` (cycle-safe). */
export function departmentPath(list: readonly Department[], id: number): string[] {
  const byId = new Map(list.map((d) => [d.id, d]))
  const path: string[] = []
  const seen = new Set<number>()
  let cur = byId.get(id)
  while (cur && !seen.has(cur.id)) {
    seen.add(cur.id)
    path.unshift(cur.name)
    cur = cur.parentId != null ? byId.get(cur.parentId) : undefined
  }
  return path
}

/** Options for el-tree-select; `disabledIds` stay visible but cannot be picked. */
export function toTreeOptions(tree: readonly DepartmentNode[], disabledIds?: ReadonlySet<number>): TreeOption[] {
  return tree.map((n) => {
    const opt: TreeOption = { value: n.id, label: n.name }
    if (disabledIds?.has(n.id)) opt.disabled = true
    if (n.children.length) opt.children = toTreeOptions(n.children, disabledIds)
    return opt
  })
}

/** Ids of all nodes, depth first (for expand-all). */
export function allNodeIds(tree: readonly DepartmentNode[]): number[] {
  const out: number[] = []
  const walk = (ns: readonly DepartmentNode[]) => {
    for (const n of ns) {
      out.push(n.id)
      walk(n.children)
    }
  }
  walk(tree)
  return out
}

/** The sortOrder for a new last child of `parentId`: max sibling sortOrder + 10 (0 when there is none). */
export function nextSortOrder(list: readonly Department[], parentId: number | null): number {
  const siblings = list.filter((d) => (d.parentId ?? null) === parentId)
  if (!siblings.length) return 0
  return Math.max(...siblings.map((d) => d.sortOrder ?? 0)) + 10
}
