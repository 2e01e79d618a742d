import { describe, expect, it } from 'vitest'
import {
  addBranch,
  canRemoveBranch,
  collectIds,
  createNode,
  findNode,
  flatten,
  indexProblems,
  initialDefinition,
  insertNode,
  moveBranch,
  problemTarget,
  problemsByKey,
  removeBranch,
  removeNode,
  removedWith,
  uniqueId,
  updateBranch,
  updateNode,
  waitingNodes,
  type FlowNode,
} from './flowTree'

const AGENT = { strategy: 'role', roleCode: 'agent' }

/** The demo repair flow, as the server seeds it. */
function demo(): FlowNode {
  return {
    id: 'start', type: 'start', name: '提交',
    next: {
      id: 'accept', type: 'task', name: '受理', assignee: AGENT, actions: ['transfer', 'return'],
      next: {
        id: 'check', type: 'condition', name: '是否需审批',
        branches: [
          { name: '需主管审批', when: 'fields.amount > 5000', next: {
            id: 'approve', type: 'approval', name: '主管审批', mode: 'any',
            approvers: [{ strategy: 'role', roleCode: 'supervisor' }], onReject: { action: 'return', targetNodeId: 'accept' } } },
          { name: '其他', default: true },
        ],
        next: {
          id: 'visit', type: 'task', name: '上门维修', assignee: { strategy: 'role', roleCode: 'engineer' },
          next: { id: 'done', type: 'end', name: '完成', customerStatus: 'awaiting_confirmation' },
        },
      },
    },
  }
}

const names = { name: 'N', branch: (i: number) => `B${i + 1}`, otherwise: 'ELSE' }

describe('walking the tree', () => {
  it('lists nodes in document order: node, its branches, then what follows', () => {
    expect(flatten(demo()).map((n) => n.id)).toEqual(['start', 'accept', 'check', 'approve', 'visit', 'done'])
    expect(findNode(demo(), 'approve')?.name).toBe('主管审批')
    expect(findNode(demo(), 'nope')).toBeNull()
    expect(flatten(null)).toEqual([])
  })

  it('lists the nodes tickets can wait at', () => {
    expect(waitingNodes(demo()).map((n) => n.id)).toEqual(['accept', 'approve', 'visit'])
  })
})

describe('uniqueId and createNode', () => {
  it('numbers ids per type, skipping taken ones, in the server id alphabet', () => {
    expect(uniqueId('task', new Set())).toBe('task_1')
    expect(uniqueId('task', new Set(['task_1', 'task_2']))).toBe('task_3')
    expect(uniqueId('审批', new Set())).toBe('node_1')
    expect(uniqueId('task', new Set())).toMatch(/^[A-Za-z0-9_-]{1,64}$/)
  })

  it('creates each type with the keys the server reads', () => {
    const taken = collectIds(demo())
    expect(createNode('task', taken, names)).toEqual({ id: 'task_1', type: 'task', name: 'N' })
    expect(createNode('approval', taken, names)).toEqual({ id: 'approval_1', type: 'approval', name: 'N', mode: 'serial', approvers: [] })
    expect(createNode('condition', taken, names)).toEqual({
      id: 'condition_1', type: 'condition', name: 'N', branches: [{ name: 'B1' }, { name: 'ELSE', default: true }],
    })
    expect(createNode('parallel', taken, names)).toEqual({
      id: 'parallel_1', type: 'parallel', name: 'N', branches: [{ name: 'B1' }, { name: 'B2' }],
    })
    expect(createNode('automation', taken, names)).toEqual({ id: 'automation_1', type: 'automation', name: 'N' })
    expect(createNode('end', taken, names)).toEqual({ id: 'end_1', type: 'end', name: 'N' })
  })

  it('starts a new flow with start → end', () => {
    expect(initialDefinition({ start: '提交', end: '完成' })).toEqual({
      id: 'start', type: 'start', name: '提交', next: { id: 'end', type: 'end', name: '完成' },
    })
  })
})

describe('insertNode', () => {
  it('inserts a task after a node, before what followed', () => {
    const root = insertNode(demo(), { after: 'accept' }, { id: 'task_1', type: 'task', name: 'N' })
    expect(root.next?.next).toMatchObject({ id: 'task_1', type: 'task', name: 'N' })
    expect(root.next?.next?.next?.id).toBe('check')
    expect(flatten(root).map((n) => n.id)).toEqual(['start', 'accept', 'task_1', 'check', 'approve', 'visit', 'done'])
  })

  it('does not change the tree it was given', () => {
    const before = demo()
    const snapshot = JSON.stringify(before)
    insertNode(before, { after: 'start' }, { id: 'x', type: 'task' })
    expect(JSON.stringify(before)).toBe(snapshot)
  })

  it('continues after a condition with what followed the anchor, branches empty', () => {
    const cond = createNode('condition', new Set(), names)
    const root = insertNode(demo(), { after: 'visit' }, cond)
    const inserted = findNode(root, 'condition_1')!
    expect(inserted.branches).toEqual([{ name: 'B1' }, { name: 'ELSE', default: true }])
    expect(inserted.next).toEqual({ id: 'done', type: 'end', name: '完成', customerStatus: 'awaiting_confirmation' })
  })

  it('inserts at the head of a branch, empty or not', () => {
    const t = { id: 't', type: 'task', name: 'T' }
    const root = insertNode(demo(), { branchOf: 'check', index: 1 }, t)
    expect(findNode(root, 'check')!.branches![1]).toEqual({ name: '其他', default: true, next: t })
    const again = insertNode(root, { branchOf: 'check', index: 0 }, { id: 'u', type: 'task' })
    expect(findNode(again, 'check')!.branches![0].next).toMatchObject({ id: 'u', next: { id: 'approve' } })
  })

  it('puts nothing after an end node and no end node before something', () => {
    const root = demo()
    expect(insertNode(root, { after: 'done' }, { id: 'x', type: 'task' })).toBe(root)
    expect(insertNode(root, { after: 'accept' }, { id: 'e', type: 'end' })).toBe(root)
    const ended = insertNode(root, { branchOf: 'check', index: 1 }, { id: 'e', type: 'end', name: '驳回' })
    expect(findNode(ended, 'check')!.branches![1].next).toEqual({ id: 'e', type: 'end', name: '驳回' })
  })

  it('ignores unknown anchors', () => {
    const root = demo()
    expect(insertNode(root, { after: 'ghost' }, { id: 'x', type: 'task' })).toBe(root)
    expect(insertNode(root, { branchOf: 'check', index: 7 }, { id: 'x', type: 'task' })).toBe(root)
  })
})

describe('removeNode', () => {
  it('lets what followed take the place of the node', () => {
    const root = removeNode(demo(), 'accept')
    expect(root.next?.id).toBe('check')
  })

  it('removes a condition with all its branches', () => {
    const root = removeNode(demo(), 'check')
    expect(flatten(root).map((n) => n.id)).toEqual(['start', 'accept', 'visit', 'done'])
    expect(removedWith(demo(), 'check').map((n) => n.id)).toEqual(['check', 'approve'])
  })

  it('removes the only node of a branch, leaving the branch empty (no next key)', () => {
    const root = removeNode(demo(), 'approve')
    expect(findNode(root, 'check')!.branches![0]).toEqual({ name: '需主管审批', when: 'fields.amount > 5000' })
  })

  it('removes the last node without leaving a next key', () => {
    const root = removeNode(demo(), 'done')
    expect(findNode(root, 'visit')).not.toHaveProperty('next')
  })

  it('keeps the start node', () => {
    const root = demo()
    expect(removeNode(root, 'start')).toBe(root)
    expect(removeNode(root, 'ghost')).toBe(root)
  })
})

describe('updateNode', () => {
  it('sets and removes keys, keeping those it does not touch', () => {
    const root = updateNode(demo(), 'accept', { name: '受理工单', sla: 'PT4H', actions: undefined })
    expect(findNode(root, 'accept')).toEqual({
      id: 'accept', type: 'task', name: '受理工单', assignee: AGENT, sla: 'PT4H', next: findNode(demo(), 'check'),
    })
  })

  it('never changes id, type, next or branches', () => {
    const root = updateNode(demo(), 'check', { id: 'x', type: 'task', next: null, branches: [] })
    expect(root).toEqual(demo())
  })

  it('copies the value so later edits of it do not leak in', () => {
    const assignee = { strategy: 'user', userId: 3 }
    const root = updateNode(demo(), 'accept', { assignee })
    assignee.userId = 4
    expect(findNode(root, 'accept')!.assignee).toEqual({ strategy: 'user', userId: 3 })
  })
})

describe('branches', () => {
  it('adds a condition branch before the default one', () => {
    const root = addBranch(demo(), 'check', '条件2')
    expect(findNode(root, 'check')!.branches!.map((b) => b.name)).toEqual(['需主管审批', '条件2', '其他'])
    expect(findNode(root, 'check')!.branches![1]).toEqual({ name: '条件2' })
  })

  it('adds a parallel branch at the end', () => {
    let root = insertNode(demo(), { after: 'visit' }, createNode('parallel', new Set(), names))
    root = addBranch(root, 'parallel_1', 'B3')
    expect(findNode(root, 'parallel_1')!.branches).toEqual([{ name: 'B1' }, { name: 'B2' }, { name: 'B3' }])
  })

  it('does not add branches to other nodes', () => {
    const root = demo()
    expect(addBranch(root, 'accept', 'x')).toBe(root)
  })

  it('removes a branch with its nodes', () => {
    const root = removeBranch(addBranch(demo(), 'check', 'x'), 'check', 0)
    expect(findNode(root, 'check')!.branches).toEqual([{ name: 'x' }, { name: '其他', default: true }])
    expect(findNode(root, 'approve')).toBeNull()
  })

  it('offers deletion only where the server would still accept the rest', () => {
    const check = findNode(demo(), 'check')!
    expect(canRemoveBranch(check, 0)).toBe(false)
    const three = findNode(addBranch(demo(), 'check', 'x'), 'check')!
    expect(canRemoveBranch(three, 0)).toBe(true)
    expect(canRemoveBranch(three, 2)).toBe(false)
  })

  it('edits a branch condition and name, not its next', () => {
    const root = updateBranch(demo(), 'check', 0, { name: '大额', when: 'fields.amount >= 10000', next: null })
    expect(findNode(root, 'check')!.branches![0]).toMatchObject({ name: '大额', when: 'fields.amount >= 10000', next: { id: 'approve' } })
    const cleared = updateBranch(root, 'check', 0, { when: undefined })
    expect(findNode(cleared, 'check')!.branches![0]).not.toHaveProperty('when')
  })

  it('moves condition branches, the default one staying last', () => {
    const root = addBranch(demo(), 'check', 'x')
    const moved = moveBranch(root, 'check', 0, 1)
    expect(findNode(moved, 'check')!.branches!.map((b) => b.name)).toEqual(['x', '需主管审批', '其他'])
    expect(moveBranch(root, 'check', 1, 1)).toBe(root)
    expect(moveBranch(root, 'check', 0, -1)).toBe(root)
  })
})

describe('problem paths', () => {
  it('maps paths to the node they belong to', () => {
    const root = demo()
    expect(problemTarget(root, '$')).toEqual({ nodeId: 'start', branchIndex: null, field: '' })
    expect(problemTarget(root, '$.name')).toEqual({ nodeId: 'start', branchIndex: null, field: 'name' })
    expect(problemTarget(root, '$.next.assignee.roleCode')).toEqual({ nodeId: 'accept', branchIndex: null, field: 'assignee.roleCode' })
    expect(problemTarget(root, '$.next.next.next.sla')).toEqual({ nodeId: 'visit', branchIndex: null, field: 'sla' })
    expect(problemTarget(root, '$.next.notify.channels[0]')).toEqual({ nodeId: 'accept', branchIndex: null, field: 'notify.channels[0]' })
  })

  it('maps branch paths to the branch, and into its chain', () => {
    const root = demo()
    expect(problemTarget(root, '$.next.next.branches[0].when')).toEqual({ nodeId: 'check', branchIndex: 0, field: 'when' })
    expect(problemTarget(root, '$.next.next.branches[1]')).toEqual({ nodeId: 'check', branchIndex: 1, field: '' })
    expect(problemTarget(root, '$.next.next.branches')).toEqual({ nodeId: 'check', branchIndex: null, field: 'branches' })
    expect(problemTarget(root, '$.next.next.branches[0].next.approvers[0].userId')).toEqual({
      nodeId: 'approve', branchIndex: null, field: 'approvers[0].userId',
    })
    expect(problemTarget(root, '$.next.next.branches[0].next.onReject.targetNodeId')).toMatchObject({ nodeId: 'approve', field: 'onReject.targetNodeId' })
  })

  it('stops at the deepest node when the path runs past the tree', () => {
    const root = demo()
    expect(problemTarget(root, '$.next.next.next.next.next.id')).toEqual({ nodeId: 'done', branchIndex: null, field: 'next.id' })
    expect(problemTarget(root, '$.next.next.branches[5].when')).toEqual({ nodeId: 'check', branchIndex: null, field: 'branches[5].when' })
  })

  it('does not place paths outside the definition', () => {
    expect(problemTarget(demo(), 'mapping.accept')).toBeNull()
    expect(problemTarget(null, '$.next')).toBeNull()
  })

  it('indexes problems by node and branch, the rest as general', () => {
    const index = indexProblems(demo(), [
      { field: '$.next.assignee', message: '请设置处理人' },
      { field: '$.next.next.branches[0].when', message: '未知字段 fields.amout' },
      { field: '$.next.sla', message: 'SLA 无效' },
      { field: 'templateId', message: '模板不存在' },
      { field: '', message: '' },
    ])
    expect(index.nodes).toEqual({ accept: [{ field: 'assignee', message: '请设置处理人' }, { field: 'sla', message: 'SLA 无效' }] })
    expect(index.branches).toEqual({ 'check#0': [{ field: 'when', message: '未知字段 fields.amout' }] })
    expect(index.general).toEqual(['templateId: 模板不存在'])
  })

  it('groups a node problem by its first key for the editor', () => {
    expect(problemsByKey([
      { field: 'assignee.roleCode', message: 'a' },
      { field: 'approvers[1]', message: 'b' },
      { field: 'approvers[0].userId', message: 'c' },
      { field: '', message: 'd' },
    ])).toEqual({ assignee: 'a', approvers: 'b; c', '': 'd' })
    expect(problemsByKey(undefined)).toEqual({})
  })
})
