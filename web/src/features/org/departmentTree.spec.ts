import { describe, expect, it } from 'vitest'
import type { Department } from '@/api'
import {
  allNodeIds,
  buildDepartmentTree,
  departmentPath,
  nextSortOrder,
  subtreeIds,
  toTreeOptions,
  type DepartmentNode,
} from './departmentTree'

function dept(id: number, parentId: number | null, name: string, sortOrder = 0): Department {
  return { id, parentId, name, sortOrder, leaderUserId: null, version: 1 }
}

/** compact picture of a tree: "name(child,child(grandchild))" */
function shape(nodes: DepartmentNode[]): string {
  return nodes.map((n) => (n.children.length ? `${n.name}(${shape(n.children)})` : n.name)).join(',')
}

describe('buildDepartmentTree', () => {
  it('returns an empty forest for an empty list', () => {
    expect(buildDepartmentTree([])).toEqual([])
  })

  it('nests children under their parents regardless of list order', () => {
    const tree = buildDepartmentTree([
      dept(4, 2, '华东区'),
      dept(2, 1, '售后服务部', 20),
      dept(1, null, '总部'),
      dept(3, 1, '客服部', 10),
    ])
    expect(shape(tree)).toBe('总部(客服部,售后服务部(华东区))')
    expect(tree[0].department.id).toBe(1)
    expect(tree[0].orphan).toBe(false)
  })

  it('orders siblings by sortOrder, then name, then id', () => {
    const tree = buildDepartmentTree([
      dept(1, null, 'root'),
      dept(2, 1, 'b', 5),
      dept(3, 1, 'a', 5),
      dept(4, 1, 'z', 1),
      dept(6, 1, 'same', 9),
      dept(5, 1, 'same', 9),
    ])
    expect(tree[0].children.map((c) => c.id)).toEqual([4, 3, 2, 5, 6])
  })

  it('sorts numbers inside names naturally', () => {
    const tree = buildDepartmentTree([dept(1, null, '组10'), dept(2, null, '组2'), dept(3, null, '组1')])
    expect(tree.map((n) => n.name)).toEqual(['组1', '组2', '组10'])
  })

  it('orders top-level departments as well', () => {
    const tree = buildDepartmentTree([dept(1, null, 'B', 2), dept(2, null, 'A', 3), dept(3, null, 'C', 1)])
    expect(tree.map((n) => n.name)).toEqual(['C', 'B', 'A'])
  })

  it('lifts departments whose parent is missing to the top level and flags them', () => {
    const tree = buildDepartmentTree([dept(1, null, '总部', 1), dept(2, 99, '孤儿部', 0), dept(3, 2, '孤儿子部门')])
    expect(shape(tree)).toBe('孤儿部(孤儿子部门),总部')
    const orphan = tree.find((n) => n.id === 2)!
    expect(orphan.orphan).toBe(true)
    expect(orphan.children[0].orphan).toBe(false)
  })

  it('treats a department that is its own parent as an orphan', () => {
    const tree = buildDepartmentTree([dept(1, 1, 'self')])
    expect(tree).toHaveLength(1)
    expect(tree[0].orphan).toBe(true)
  })

  it('breaks parent cycles without losing any department', () => {
    const tree = buildDepartmentTree([dept(1, 2, 'a'), dept(2, 1, 'b'), dept(3, null, 'root'), dept(4, 1, 'c')])
    expect(allNodeIds(tree).sort()).toEqual([1, 2, 3, 4])
    expect(tree.filter((n) => n.orphan)).toHaveLength(1)
  })

  it('ignores duplicate ids (first wins)', () => {
    const tree = buildDepartmentTree([dept(1, null, 'first'), dept(1, null, 'second')])
    expect(shape(tree)).toBe('first')
  })

  it('handles deep chains', () => {
    const list = Array.from({ length: 2000 }, (_, i) => dept(i + 1, i === 0 ? null : i, `d${i + 1}`))
    const tree = buildDepartmentTree(list)
    expect(allNodeIds(tree)).toHaveLength(2000)
  })
})

describe('subtreeIds', () => {
  const list = [dept(1, null, 'r'), dept(2, 1, 'a'), dept(3, 2, 'b'), dept(4, 1, 'c'), dept(5, null, 'x')]
  it('contains the department and all of its descendants', () => {
    expect([...subtreeIds(list, 1)].sort()).toEqual([1, 2, 3, 4])
    expect([...subtreeIds(list, 2)].sort()).toEqual([2, 3])
    expect([...subtreeIds(list, 5)]).toEqual([5])
  })
  it('terminates on cycles', () => {
    expect([...subtreeIds([dept(1, 2, 'a'), dept(2, 1, 'b')], 1)].sort()).toEqual([1, 2])
  })
})

describe('departmentPath', () => {
  it('lists names from the top down', () => {
    const list = [dept(1, null, '总部'), dept(2, 1, '售后服务部'), dept(3, 2, '华东区')]
    expect(departmentPath(list, 3)).toEqual(['总部', '售后服务部', '华东区'])
    expect(departmentPath(list, 42)).toEqual([])
  })
  it('terminates on cycles', () => {
    expect(departmentPath([dept(1, 2, 'a'), dept(2, 1, 'b')], 1)).toEqual(['b', 'a'])
  })
})

describe('toTreeOptions', () => {
  it('maps nodes to el-tree-select options and disables the given ids', () => {
    const tree = buildDepartmentTree([dept(1, null, 'r'), dept(2, 1, 'a'), dept(3, 2, 'b')])
    expect(toTreeOptions(tree, new Set([2, 3]))).toEqual([
      {
        value: 1,
        label: 'r',
        children: [{ value: 2, label: 'a', disabled: true, children: [{ value: 3, label: 'b', disabled: true }] }],
      },
    ])
  })
})

describe('nextSortOrder', () => {
  it('is 0 for the first child and max + 10 after that', () => {
    const list = [dept(1, null, 'r', 0), dept(2, 1, 'a', 10), dept(3, 1, 'b', 30)]
    expect(nextSortOrder(list, 1)).toBe(40)
    expect(nextSortOrder(list, 2)).toBe(0)
    expect(nextSortOrder(list, null)).toBe(10)
  })
})
