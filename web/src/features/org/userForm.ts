import type { User, UserCreate, UserUpdate } from '@/api'

export interface UserFormModel {
  username: string
  displayName: string
  password: string
  mobile: string
  email: string
  wecomUserId: string
  active: boolean
  departmentIds: number[]
  roleIds: number[]
  skills: string[]
  regions: string[]
}

export const USER_FORM_FIELDS: readonly (keyof UserFormModel)[] = [
  'username',
  'displayName',
  'password',
  'mobile',
  'email',
  'wecomUserId',
  'active',
  'departmentIds',
  'roleIds',
  'skills',
  'regions',
]

// Mirrors the server's validation (UserCommand); the server stays the judge.
export const PASSWORD_MIN_LENGTH = 8
export const PASSWORD_MAX_LENGTH = 128
export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
export const MOBILE_PATTERN = /^\+?[0-9][0-9 -]{5,30}$/
export const DISPLAY_NAME_MAX = 100
export const TAG_MAX_COUNT = 50
export const TAG_MAX_LENGTH = 64

export function emptyUserForm(): UserFormModel {
  return {
    username: '',
    displayName: '',
    password: '',
    mobile: '',
    email: '',
    wecomUserId: '',
    active: true,
    departmentIds: [],
    roleIds: [],
    skills: [],
    regions: [],
  }
}

export function userToForm(u: User): UserFormModel {
  return {
    username: u.username,
    displayName: u.displayName ?? '',
    password: '',
    mobile: u.mobile ?? '',
    email: u.email ?? '',
    wecomUserId: u.wecomUserId ?? '',
    active: u.active,
    departmentIds: [...(u.departmentIds ?? [])],
    roleIds: [...(u.roleIds ?? [])],
    skills: [...(u.skills ?? [])],
    regions: [...(u.regions ?? [])],
  }
}

/** Trimmed, de-duplicated, non-empty tags in their original order. */
export function cleanTags(tags: readonly string[]): string[] {
  const out: string[] = []
  for (const raw of tags) {
    const t = raw.trim()
    if (t && !out.includes(t)) out.push(t)
  }
  return out
}

const optional = (s: string): string | null => (s.trim() ? s.trim() : null)
const uniqueIds = (ids: readonly number[]): number[] => [...new Set(ids)]

function common(f: UserFormModel) {
  return {
    displayName: f.displayName.trim(),
    mobile: optional(f.mobile),
    email: optional(f.email),
    wecomUserId: optional(f.wecomUserId),
    active: f.active,
    departmentIds: uniqueIds(f.departmentIds),
    roleIds: uniqueIds(f.roleIds),
    skills: cleanTags(f.skills),
    regions: cleanTags(f.regions),
  }
}

export function formToCreate(f: UserFormModel): UserCreate {
  return { username: f.username.trim(), password: f.password, ...common(f) }
}

/** The password is sent only when the user typed one. */
export function formToUpdate(f: UserFormModel, version: number): UserUpdate {
  const body: UserUpdate = { ...common(f), version }
  if (f.password) body.password = f.password
  return body
}
