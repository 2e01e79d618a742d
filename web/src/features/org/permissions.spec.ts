import { describe, expect, it } from 'vitest'
import { groupCheckState, groupPermissions, toggleGroup } from './permissions'

const perms = [
  { code: 'user:read', group: '用户', name: '查看用户' },
  { code: 'dept:read', group: '部门', name: '查看部门' },
  { code: 'user:write', group: '用户', name: '编辑用户' },
  { code: 'user:write', group: '用户', name: '编辑用户' },
]

describe('permissions grouping', () => {
  it('groups in order of first appearance without duplicates', () => {
    const groups = groupPermissions(perms)
    expect(groups.map((g) => g.group)).toEqual(['用户', '部门'])
    expect(groups[0].items.map((i) => i.code)).toEqual(['user:read', 'user:write'])
  })

  it('computes the group check state and toggles a whole group', () => {
    const [users] = groupPermissions(perms)
    expect(groupCheckState(users, [])).toBe('none')
    expect(groupCheckState(users, ['user:read'])).toBe('some')
    expect(groupCheckState(users, ['user:read', 'user:write', 'dept:read'])).toBe('all')
    expect(toggleGroup(users, ['dept:read', 'user:read'], true)).toEqual(['dept:read', 'user:read', 'user:write'])
    expect(toggleGroup(users, ['dept:read', 'user:read'], false)).toEqual(['dept:read'])
  })
})
