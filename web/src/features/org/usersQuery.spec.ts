import { describe, expect, it } from 'vitest'
import { defaultUsersState, parseUsersQuery, tableSortToState, toApiQuery, toRouteQuery } from './usersQuery'

describe('users list query', () => {
  it('parses a full query and writes it back', () => {
    const s = parseUsersQuery({ page: '3', size: '50', sort: 'createdAt,desc', q: ' 张 ', departmentId: '4', active: 'false' })
    expect(s).toEqual({ page: 3, size: 50, sort: { field: 'createdAt', direction: 'desc' }, q: '张', departmentId: 4, active: false })
    expect(toRouteQuery(s)).toEqual({ page: '3', size: '50', sort: 'createdAt,desc', q: '张', departmentId: '4', active: 'false' })
    expect(toApiQuery(s)).toEqual({
      page: 2,
      size: 50,
      sort: { field: 'createdAt', direction: 'desc' },
      q: '张',
      departmentId: 4,
      active: false,
    })
  })

  it('falls back to defaults for malformed values and omits defaults from the URL', () => {
    const s = parseUsersQuery({ page: '-1', size: '7', sort: 'password,asc', departmentId: 'x', active: 'maybe' })
    expect(s).toEqual(defaultUsersState())
    expect(toRouteQuery(s)).toEqual({})
  })

  it('maps el-table sort events', () => {
    expect(tableSortToState('displayName', 'descending')).toEqual({ field: 'displayName', direction: 'desc' })
    expect(tableSortToState('mobile', 'ascending')).toBeNull()
    expect(tableSortToState('username', null)).toBeNull()
  })
})
