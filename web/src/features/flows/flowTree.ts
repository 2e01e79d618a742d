import type { FieldError, FlowNodeJson } from '@/api'

/**
 * Pure edits of a flow definition — the tree of nodes the server stores (`{"id", "type", "name", "next"}`;
 * condition and parallel nodes carry `branches: [{name, when | default: true, next}]` and continue with
 * their own `next` once every branch is done). Every edit returns a new tree and keeps the keys it does not
 * know about (notify, actions, onReject…) untouched. The server checks the result; nothing here refuses
 * an edit it would accept.
 */

export const NODE_TYPES = ['start', 'task', 'approval', 'condition', 'parallel', 'automation', 'end'] as const
export type NodeType = (typeof NODE_TYPES)[number]

/** Node types the designer's "+" inserts. */
export const INSERTABLE_TYPES = ['task', 'approval', 'condition', 'parallel', 'automation', 'end'] as const
export type InsertableType = (typeof INSERTABLE_TYPES)[number]

export interface FlowBranch {
  name?: string
  when?: string
  default?: boolean
  next?: FlowNode | null
  [key: string]: unknown
}

export interface FlowNode extends FlowNodeJson {
  next?: FlowNode | null
  branches?: FlowBranch[]
}

/** Where "+" inserts: after a node (before its `next`), or at the head of a branch. */
export type InsertPoint = { after: string } | { branchOf: string; index: number }

export function hasBranches(node: FlowNode): boolean {
  return node.type === 'condition' || node.type === 'parallel'
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}

/** Every node in document order: a node, its branches' chains (in order), then its `next`. */
export function walk(root: FlowNode | null | undefined, visit: (node: FlowNode) => void): void {
  let node = root
  while (node) {
    visit(node)
    for (const b of node.branches ?? []) walk(b.next, visit)
    node = node.next
  }
}

export function flatten(root: FlowNode | null | undefined): FlowNode[] {
  const all: FlowNode[] = []
  walk(root, (n) => all.push(n))
  return all
}

export function collectIds(root: FlowNode | null | undefined): Set<string> {
  return new Set(flatten(root).map((n) => n.id))
}

export function findNode(root: FlowNode | null | undefined, id: string): FlowNode | null {
  return flatten(root).find((n) => n.id === id) ?? null
}

/** A fresh id `<type>_<n>` (the server wants `[A-Za-z0-9_-]{1,64}`, unique in the flow). */
export function uniqueId(prefix: string, taken: ReadonlySet<string>): string {
  const base = prefix.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 50) || 'node'
  for (let n = 1; ; n++) {
    const id = `${base}_${n}`
    if (!taken.has(id)) return id
  }
}

export interface NewNodeNames {
  /** the node's own name */
  name: string
  /** condition: the first branch; parallel: both branches (numbered by the caller) */
  branch?: (index: number) => string
  /** condition: the default branch */
  otherwise?: string
}

/** A new node of `type` as the designer inserts it; required settings are left for the user (the server lists them). */
export function createNode(type: InsertableType, taken: ReadonlySet<string>, names: NewNodeNames): FlowNode {
  const id = uniqueId(type, taken)
  const branchName = names.branch ?? ((i: number) => String(i + 1))
  switch (type) {
    case 'task':
      return { id, type, name: names.name }
    case 'approval':
      return { id, type, name: names.name, mode: 'serial', approvers: [] }
    case 'condition':
      return {
        id,
        type,
        name: names.name,
        branches: [{ name: branchName(0) }, { name: names.otherwise ?? 'else', default: true }],
      }
    case 'parallel':
      return { id, type, name: names.name, branches: [{ name: branchName(0) }, { name: branchName(1) }] }
    case 'automation':
      return { id, type, name: names.name }
    case 'end':
      return { id, type, name: names.name }
  }
}

/** The place holding a node: the `next` of a node or of a branch. */
interface Slot {
  holder: FlowNode | FlowBranch
}

function findSlot(root: FlowNode, id: string): Slot | null {
  let found: Slot | null = null
  const visitHolder = (holder: FlowNode | FlowBranch) => {
    if (!found && holder.next && holder.next.id === id) found = { holder }
  }
  walk(root, (n) => {
    visitHolder(n)
    for (const b of n.branches ?? []) visitHolder(b)
  })
  return found
}

/** The last node of a chain. */
function tail(node: FlowNode): FlowNode {
  let last = node
  while (last.next) last = last.next
  return last
}

/**
 * Inserts `node` (a single node, or a chain whose last node takes over the rest) at `point`. After a node,
 * what followed comes after the inserted node; a condition or parallel node continues with it after its
 * branches. Nothing may follow an end node, so inserting an end node drops nothing: it is refused when
 * something follows (returns the tree unchanged).
 */
export function insertNode(root: FlowNode, point: InsertPoint, node: FlowNode): FlowNode {
  const copy = clone(root)
  let holder: FlowNode | FlowBranch | null = null
  if ('after' in point) {
    const anchor = findNode(copy, point.after)
    if (!anchor || anchor.type === 'end') return root
    holder = anchor
  } else {
    const owner = findNode(copy, point.branchOf)
    holder = owner?.branches?.[point.index] ?? null
  }
  if (!holder) return root
  const inserted = clone(node)
  const end = tail(inserted)
  if (holder.next) {
    if (end.type === 'end') return root
    end.next = holder.next
  }
  holder.next = inserted
  return copy
}

/**
 * Deletes a node: what followed it takes its place. A condition or parallel node goes with all its
 * branches. The start node stays.
 */
export function removeNode(root: FlowNode, id: string): FlowNode {
  if (root.id === id) return root
  const copy = clone(root)
  const slot = findSlot(copy, id)
  if (!slot || !slot.holder.next) return root
  const removed = slot.holder.next
  if (removed.next) slot.holder.next = removed.next
  else delete slot.holder.next
  return copy
}

/** Every node that goes when `id` is deleted (itself and its branches' nodes), for the confirmation. */
export function removedWith(root: FlowNode, id: string): FlowNode[] {
  const node = findNode(root, id)
  if (!node) return []
  const gone: FlowNode[] = [node]
  for (const b of node.branches ?? []) walk(b.next, (n) => gone.push(n))
  return gone
}

/**
 * Sets keys of a node; a key set to `undefined` is removed. `id`, `type`, `next` and `branches` are
 * not changed here (use the dedicated edits).
 */
export function updateNode(root: FlowNode, id: string, patch: Record<string, unknown>): FlowNode {
  const copy = clone(root)
  const node = findNode(copy, id)
  if (!node) return root
  for (const [key, value] of Object.entries(patch)) {
    if (key === 'id' || key === 'type' || key === 'next' || key === 'branches') continue
    if (value === undefined) delete node[key]
    else node[key] = clone(value)
  }
  return copy
}

/** Sets keys of one branch (`name`, `when`); `undefined` removes the key. `next` and `default` are kept. */
export function updateBranch(root: FlowNode, nodeId: string, index: number, patch: Partial<FlowBranch>): FlowNode {
  const copy = clone(root)
  const branch = findNode(copy, nodeId)?.branches?.[index]
  if (!branch) return root
  for (const [key, value] of Object.entries(patch)) {
    if (key === 'next' || key === 'default') continue
    if (value === undefined) delete branch[key]
    else branch[key] = clone(value)
  }
  return copy
}

/**
 * Adds an empty branch. On a condition it goes before the default branch (branches are tried in order and
 * the default one is the fallback); on a parallel node at the end.
 */
export function addBranch(root: FlowNode, nodeId: string, name: string): FlowNode {
  const copy = clone(root)
  const node = findNode(copy, nodeId)
  if (!node || !hasBranches(node)) return root
  const branches = node.branches ?? (node.branches = [])
  const at = node.type === 'condition' ? branches.findIndex((b) => b.default === true) : -1
  if (at < 0) branches.push({ name })
  else branches.splice(at, 0, { name })
  return copy
}

/** Deletes a branch with the nodes in it. */
export function removeBranch(root: FlowNode, nodeId: string, index: number): FlowNode {
  const copy = clone(root)
  const node = findNode(copy, nodeId)
  if (!node?.branches || index < 0 || index >= node.branches.length) return root
  node.branches.splice(index, 1)
  return copy
}

/** Moves a condition branch one place earlier (-1) or later (+1); the default branch stays last. */
export function moveBranch(root: FlowNode, nodeId: string, index: number, delta: -1 | 1): FlowNode {
  const copy = clone(root)
  const branches = findNode(copy, nodeId)?.branches
  const to = index + delta
  if (!branches || to < 0 || to >= branches.length || index < 0 || index >= branches.length) return root
  if (branches[index].default || branches[to].default) return root
  const [b] = branches.splice(index, 1)
  branches.splice(to, 0, b)
  return copy
}

/**
 * Whether a branch can be deleted: the server wants at least two branches and, on a condition, exactly one
 * default branch, so those are not offered for deletion.
 */
export function canRemoveBranch(node: FlowNode, index: number): boolean {
  const branches = node.branches ?? []
  if (branches.length <= 2) return false
  return !(node.type === 'condition' && branches[index]?.default === true)
}

/** The definition a new flow starts with: start → end. */
export function initialDefinition(names: { start: string; end: string }): FlowNode {
  return { id: 'start', type: 'start', name: names.start, next: { id: 'end', type: 'end', name: names.end } }
}

// ---- problems ----

/** Where a problem's JSON path points: a node, maybe one of its branches, and the key inside. */
export interface ProblemTarget {
  nodeId: string
  /** set when the path goes into `branches[i]` and stays there (e.g. its `when`) */
  branchIndex: number | null
  /** the rest of the path inside the node or branch: `when`, `assignee.roleCode`, `approvers[0]`; '' for the node itself */
  field: string
}

type Token = { key: string } | { index: number }

function tokens(path: string): Token[] | null {
  if (!path.startsWith('$')) return null
  const out: Token[] = []
  const re = /\.([^.[\]]+)|\[(\d+)\]/gy
  re.lastIndex = 1
  while (re.lastIndex < path.length) {
    const m = re.exec(path)
    if (!m) return null
    out.push(m[1] !== undefined ? { key: m[1] } : { index: Number(m[2]) })
  }
  return out
}

function rest(ts: Token[]): string {
  return ts
    .map((t, i) => ('index' in t ? `[${t.index}]` : i === 0 ? t.key : `.${t.key}`))
    .join('')
}

/**
 * Maps a problem's path (`$.next.branches[0].when`) to the node (and branch) it belongs to, following
 * `next` and `branches[i].next` through the tree. Paths that do not start at `$` (e.g. `mapping.x`) or
 * run past the tree end at the deepest node found; null when not even the root exists.
 */
export function problemTarget(root: FlowNode | null | undefined, path: string): ProblemTarget | null {
  const ts = tokens(path)
  if (!ts || !root) return null
  let node: FlowNode = root
  let i = 0
  while (i < ts.length) {
    const t = ts[i]
    if ('key' in t && t.key === 'next' && node.next && i + 1 <= ts.length) {
      node = node.next
      i++
      continue
    }
    if ('key' in t && t.key === 'branches' && ts[i + 1] && 'index' in ts[i + 1]) {
      const index = (ts[i + 1] as { index: number }).index
      const branch = node.branches?.[index]
      if (!branch) return { nodeId: node.id, branchIndex: null, field: rest(ts.slice(i)) }
      const after = ts[i + 2]
      if (after && 'key' in after && after.key === 'next' && branch.next) {
        node = branch.next
        i += 3
        continue
      }
      return { nodeId: node.id, branchIndex: index, field: rest(ts.slice(i + 2)) }
    }
    break
  }
  return { nodeId: node.id, branchIndex: null, field: rest(ts.slice(i)) }
}

export interface PlacedProblem {
  field: string
  message: string
}

export interface ProblemIndex {
  /** node id → its own problems */
  nodes: Record<string, PlacedProblem[]>
  /** `nodeId#index` → problems of that branch */
  branches: Record<string, PlacedProblem[]>
  /** problems that belong to no node (shown above the canvas) */
  general: string[]
}

export function branchKey(nodeId: string, index: number): string {
  return `${nodeId}#${index}`
}

/** Sorts problems onto the nodes and branches of the tree. */
export function indexProblems(root: FlowNode | null | undefined, problems: readonly FieldError[] | null | undefined): ProblemIndex {
  const index: ProblemIndex = { nodes: {}, branches: {}, general: [] }
  for (const p of problems ?? []) {
    if (!p || !p.message) continue
    const target = typeof p.field === 'string' ? problemTarget(root, p.field) : null
    if (!target) {
      index.general.push(p.field ? `${p.field}: ${p.message}` : p.message)
      continue
    }
    const placed = { field: target.field, message: p.message }
    if (target.branchIndex !== null) (index.branches[branchKey(target.nodeId, target.branchIndex)] ??= []).push(placed)
    else (index.nodes[target.nodeId] ??= []).push(placed)
  }
  return index
}

/** A node's problems by the first key of their field (`assignee.roleCode` → `assignee`), for the editor form. */
export function problemsByKey(placed: readonly PlacedProblem[] | undefined): Record<string, string> {
  const map: Record<string, string> = {}
  for (const p of placed ?? []) {
    const key = p.field.split(/[.[]/)[0] || ''
    map[key] = map[key] ? `${map[key]}; ${p.message}` : p.message
  }
  return map
}

/** Nodes a waiting ticket can be moved to (tasks and approvals), for the publish mapping. */
export function waitingNodes(root: FlowNode | null | undefined): FlowNode[] {
  return flatten(root).filter((n) => n.type === 'task' || n.type === 'approval')
}
