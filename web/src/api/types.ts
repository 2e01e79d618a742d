// Types of the Baton HTTP API (base path /api/v1), written by hand from the contract.

export interface Problem {
  type?: string
  title?: string
  status?: number
  detail?: string
  errors?: FieldError[]
  currentVersion?: number
  [extra: string]: unknown
}

export interface FieldError {
  field: string
  message: string
}

export interface TenantRef {
  code: string
  name: string
}

export interface RoleRef {
  id: number
  code: string
  name: string
}

export interface Me {
  id: number
  tenant: TenantRef
  username: string
  displayName: string
  roles: RoleRef[]
  permissions: string[]
}

export interface LoginRequest {
  tenant: string
  username: string
  password: string
}

export interface LoginResponse {
  accessToken: string
  expiresAt: string
  user: Me
}

export interface Department {
  id: number
  parentId: number | null
  name: string
  leaderUserId: number | null
  sortOrder: number
  version: number
}

export interface DepartmentCreate {
  name: string
  parentId: number | null
  leaderUserId: number | null
  sortOrder: number
}

export interface DepartmentUpdate extends DepartmentCreate {
  version: number
}

export interface User {
  id: number
  username: string
  displayName: string
  mobile: string | null
  email: string | null
  wecomUserId: string | null
  active: boolean
  departmentIds: number[]
  roleIds: number[]
  skills: string[]
  regions: string[]
  version: number
  createdAt: string
}

export interface UserCreate {
  username: string
  displayName: string
  password: string
  mobile?: string | null
  email?: string | null
  wecomUserId?: string | null
  active: boolean
  departmentIds: number[]
  roleIds: number[]
  skills: string[]
  regions: string[]
}

export interface UserUpdate extends Omit<UserCreate, 'username' | 'password'> {
  password?: string
  version: number
}

export type UserSortField = 'username' | 'displayName' | 'createdAt'
export type SortDirection = 'asc' | 'desc'

export interface UserQuery {
  page: number
  size: number
  sort?: { field: UserSortField; direction: SortDirection } | null
  q?: string
  departmentId?: number | null
  active?: boolean | null
}

export interface Page<T> {
  items: T[]
  page: number
  size: number
  total: number
}

export const DATA_SCOPES = ['ALL', 'DEPARTMENT_TREE', 'DEPARTMENT', 'CUSTOM', 'SELF'] as const
export type DataScope = (typeof DATA_SCOPES)[number]

export interface Role {
  id: number
  code: string
  name: string
  permissions: string[]
  dataScope: DataScope
  scopeDepartmentIds: number[]
  builtIn: boolean
  version: number
}

export interface RoleCreate {
  code: string
  name: string
  permissions: string[]
  dataScope: DataScope
  scopeDepartmentIds: number[]
}

/** The code of a role is fixed once created. */
export interface RoleUpdate extends Omit<RoleCreate, 'code'> {
  version: number
}

export interface Permission {
  code: string
  group: string
  name: string
}

export interface ApiKey {
  id: number
  name: string
  prefix: string
  roleIds: number[]
  createdAt: string
  expiresAt: string | null
  revokedAt: string | null
  lastUsedAt: string | null
}

export interface ApiKeyCreate {
  name: string
  roleIds: number[]
  expiresAt?: string | null
}

export interface ApiKeyCreated extends ApiKey {
  key: string
}
