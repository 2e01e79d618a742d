import { describe, expect, it } from 'vitest'
import type { User } from '@/api'
import { cleanTags, emptyUserForm, formToCreate, formToUpdate, userToForm } from './userForm'

const user: User = {
  id: 7,
  username: 'zhang.san',
  displayName: '张三',
  mobile: null,
  email: 'zs@example.com',
  wecomUserId: null,
  active: true,
  departmentIds: [2, 3],
  roleIds: [1],
  skills: ['空调'],
  regions: ['上海'],
  version: 4,
  createdAt: '2024-01-01T00:00:00Z',
}

describe('user form mapping', () => {
  it('round-trips a user and never prefills the password', () => {
    const f = userToForm(user)
    expect(f.password).toBe('')
    expect(f.mobile).toBe('')
    expect(formToUpdate(f, user.version)).toEqual({
      displayName: '张三',
      mobile: null,
      email: 'zs@example.com',
      wecomUserId: null,
      active: true,
      departmentIds: [2, 3],
      roleIds: [1],
      skills: ['空调'],
      regions: ['上海'],
      version: 4,
    })
  })

  it('sends the password on update only when typed', () => {
    const f = userToForm(user)
    f.password = 'New-Secret-1'
    expect(formToUpdate(f, 4).password).toBe('New-Secret-1')
  })

  it('trims text, turns blanks into null and cleans tags on create', () => {
    const f = emptyUserForm()
    Object.assign(f, {
      username: '  e2e_1 ',
      displayName: ' 测试用户 ',
      password: ' keep spaces ',
      mobile: '   ',
      email: ' a@b.cn ',
      departmentIds: [1, 1, 2],
      skills: [' 电工 ', '', '电工', '焊工'],
    })
    expect(formToCreate(f)).toEqual({
      username: 'e2e_1',
      displayName: '测试用户',
      password: ' keep spaces ',
      mobile: null,
      email: 'a@b.cn',
      wecomUserId: null,
      active: true,
      departmentIds: [1, 2],
      roleIds: [],
      skills: ['电工', '焊工'],
      regions: [],
    })
  })

  it('cleanTags keeps order', () => {
    expect(cleanTags(['b', 'a', ' b'])).toEqual(['b', 'a'])
  })
})
