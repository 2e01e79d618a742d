import { request } from './http'
import type {
  ApiKey,
  ApiKeyCreate,
  ApiKeyCreated,
  Department,
  Flow,
  FlowCreate,
  FlowEdit,
  FlowPublish,
  FlowSummary,
  FlowVersion,
  InboxItem,
  SimulateRequest,
  SimulationResult,
  Template,
  TemplateCreate,
  TemplateEdit,
  TemplateSummary,
  DepartmentCreate,
  DepartmentUpdate,
  LoginRequest,
  LoginResponse,
  Me,
  Page,
  Permission,
  Role,
  RoleCreate,
  RoleUpdate,
  User,
  UserCreate,
  UserQuery,
  UserUpdate,
} from './types'

export const authApi = {
  login: (body: LoginRequest) =>
    request<LoginResponse>('/auth/login', { method: 'POST', body, anonymous: true }),
  /** WeCom OAuth: the code WeCom put in the workbench page's address → the same session as the password log-in */
  wecom: (body: { tenant: string; code: string }) =>
    request<LoginResponse>('/auth/wecom', { method: 'POST', body, anonymous: true }),
  /** used by the router guard, which redirects to the login page itself on 401 */
  me: () => request<Me>('/auth/me', { quietUnauthorized: true }),
}

export const departmentsApi = {
  list: () => request<Department[]>('/departments'),
  create: (body: DepartmentCreate) => request<Department>('/departments', { method: 'POST', body }),
  update: (id: number, body: DepartmentUpdate) =>
    request<Department>(`/departments/${id}`, { method: 'PUT', body }),
  remove: (id: number) => request<void>(`/departments/${id}`, { method: 'DELETE' }),
}

export function userQueryParams(q: UserQuery): Record<string, string | number | boolean | null | undefined> {
  return {
    page: q.page,
    size: q.size,
    sort: q.sort ? `${q.sort.field},${q.sort.direction}` : undefined,
    q: q.q?.trim() || undefined,
    departmentId: q.departmentId ?? undefined,
    active: q.active ?? undefined,
  }
}

export const usersApi = {
  list: (q: UserQuery, signal?: AbortSignal) =>
    request<Page<User>>('/users', { query: userQueryParams(q), signal }),
  get: (id: number) => request<User>(`/users/${id}`),
  create: (body: UserCreate) => request<User>('/users', { method: 'POST', body }),
  update: (id: number, body: UserUpdate) => request<User>(`/users/${id}`, { method: 'PUT', body }),
}

export const rolesApi = {
  list: () => request<Role[]>('/roles'),
  create: (body: RoleCreate) => request<Role>('/roles', { method: 'POST', body }),
  update: (id: number, body: RoleUpdate) => request<Role>(`/roles/${id}`, { method: 'PUT', body }),
  remove: (id: number) => request<void>(`/roles/${id}`, { method: 'DELETE' }),
}

export const permissionsApi = {
  list: () => request<Permission[]>('/permissions'),
}

export const apiKeysApi = {
  list: () => request<ApiKey[]>('/api-keys'),
  create: (body: ApiKeyCreate) => request<ApiKeyCreated>('/api-keys', { method: 'POST', body }),
  revoke: (id: number) => request<void>(`/api-keys/${id}`, { method: 'DELETE' }),
}

export interface PageParams {
  page: number
  size: number
  sort?: string
}

export const templatesApi = {
  list: (q: PageParams & { q?: string; enabled?: boolean }) =>
    request<Page<TemplateSummary>>('/templates', { query: { ...q } }),
  get: (id: number) => request<Template>(`/templates/${id}`),
  create: (body: TemplateCreate) => request<Template>('/templates', { method: 'POST', body }),
  update: (id: number, body: TemplateEdit) => request<Template>(`/templates/${id}`, { method: 'PUT', body }),
  clone: (id: number, body: { name: string; code: string }) =>
    request<Template>(`/templates/${id}/clone`, { method: 'POST', body }),
}

export const flowsApi = {
  list: (q: PageParams & { templateId?: number | null }, signal?: AbortSignal) =>
    request<Page<FlowSummary>>('/flows', { query: { ...q }, signal }),
  get: (id: number) => request<Flow>(`/flows/${id}`),
  create: (body: FlowCreate) => request<Flow>('/flows', { method: 'POST', body }),
  update: (id: number, body: FlowEdit) => request<Flow>(`/flows/${id}`, { method: 'PUT', body }),
  publish: (id: number, body: FlowPublish) => request<Flow>(`/flows/${id}/publish`, { method: 'POST', body }),
  clone: (id: number, name: string) => request<Flow>(`/flows/${id}/clone`, { method: 'POST', body: { name } }),
  versions: (id: number) => request<FlowVersion[]>(`/flows/${id}/versions`),
  version: (id: number, versionNo: number) => request<FlowVersion>(`/flows/${id}/versions/${versionNo}`),
  simulate: (id: number, body: SimulateRequest) =>
    request<SimulationResult>(`/flows/${id}/simulate`, { method: 'POST', body }),
}

export const inboxApi = {
  unreadCount: () => request<{ count: number }>('/notifications/inbox/unread-count', { quietUnauthorized: true }),
  list: (size = 10) => request<Page<InboxItem>>('/notifications/inbox', { query: { size } }),
  read: (id: number) => request<void>(`/notifications/inbox/${id}/read`, { method: 'POST' }),
  readAll: () => request<{ marked: number }>('/notifications/inbox/read-all', { method: 'POST' }),
}
