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

// ---- templates (read by the flow designer) ----

export const FIELD_TYPES = [
  'text', 'textarea', 'number', 'money', 'date', 'datetime', 'select', 'multi_select', 'rating', 'image', 'file',
  'phone', 'email', 'user', 'department', 'customer', 'region', 'chat_excerpt',
] as const
export type FieldType = (typeof FIELD_TYPES)[number]

export interface FieldOption {
  value: string
  label: string
  disabled?: boolean
}

export interface TemplateField {
  key: string
  label: string
  labelEn?: string | null
  helpText?: string | null
  type: FieldType
  required?: boolean
  min?: number | null
  max?: number | null
  minLength?: number | null
  maxLength?: number | null
  scale?: number | null
  pattern?: string | null
  patternMessage?: string | null
  options?: FieldOption[]
  ratingMax?: number | null
  maxFiles?: number | null
  searchable?: boolean
  [extra: string]: unknown
}

export interface TemplateSummary {
  id: number
  code: string
  name: string
  category: string | null
  icon: string | null
  enabled: boolean
  currentVersion: number
  fieldCount: number
  version: number
  updatedAt: string
}

export interface Template extends Omit<TemplateSummary, 'fieldCount'> {
  description: string | null
  flowId: number | null
  statusNames: Record<string, string>
  fields: TemplateField[]
  createdAt: string
}

export interface TemplateCreate {
  name: string
  code: string
  category?: string | null
  description?: string | null
  icon?: string | null
  enabled?: boolean
  statusNames?: Record<string, string>
  fields: TemplateField[]
}

export interface TemplateEdit extends Omit<TemplateCreate, 'code'> {
  version: number
}

// ---- flows ----

/** A node of a flow definition, as the server stores it (unknown keys are kept as they are). */
export interface FlowNodeJson {
  id: string
  type: string
  name?: string
  next?: FlowNodeJson | null
  [key: string]: unknown
}

export interface FlowSummary {
  id: number
  name: string
  templateId: number
  publishedVersion: number | null
  version: number
  updatedAt: string
}

export interface Flow {
  id: number
  name: string
  templateId: number
  definition: FlowNodeJson
  /** every reason the draft cannot be published, with its JSON path (`$.next.branches[0].when`) */
  problems: FieldError[]
  publishedVersion: number | null
  version: number
  createdAt: string
  updatedAt: string
}

export interface FlowCreate {
  name: string
  templateId: number
  definition: FlowNodeJson
}

export interface FlowEdit {
  name: string
  definition: FlowNodeJson
  version: number
}

export interface FlowPublish {
  version: number
  mapping?: Record<string, string | null>
}

export interface FlowVersion {
  versionNo: number
  templateVersion: number
  createdBy: number | null
  createdAt: string
  mapping: Record<string, string>
  /** only in the single-version read */
  definition: FlowNodeJson | null
}

/** A running ticket waiting at a node the new version no longer has (409 flow-tickets-unmapped). */
export interface StrandedPosition {
  ticketId: number
  ticketNumber: string
  flowVersion: number
  nodeId: string
}

export interface SimulateRequest {
  version?: number
  creatorId?: number
  source?: string
  priority?: string
  fields?: Record<string, unknown>
  facts?: Record<string, unknown>
  decisions?: Record<string, string[]>
}

export interface SimCandidate {
  userId: number
  name: string
  department: string | null
  slot?: number
}

export interface SimApprover {
  slot: number
  assignee: Record<string, unknown> | null
  candidates: SimCandidate[]
  candidatesTotal: number
  candidatesNote?: string | null
}

export interface SimStep {
  nodeId: string
  name: string
  type: string
  assignee: Record<string, unknown> | null
  mode?: string
  approvers?: SimApprover[]
  candidates?: SimCandidate[]
  candidatesTotal?: number
  candidatesNote?: string | null
  sla?: { target: string; dueAt: string | null } | null
}

export interface SimNotification {
  nodeId: string
  event: string
  to: { userId: number; name: string }[]
  channels: string[]
  message?: string
}

export interface SimulationResult {
  path: { nodeId: string; name: string; type: string }[]
  steps: SimStep[]
  notifications: SimNotification[]
  creatorId: number | null
  effects: { kind: string; detail: unknown }[]
  outcome: string
  customerStatus: string | null
  refusal: string | null
  refusalDetail: string | null
}

/** One in-app notification (GET /notifications/inbox). */
export interface InboxItem {
  id: number
  event: string
  ticketId: number | null
  title: string
  body: string
  link: string | null
  createdAt: string
  readAt: string | null
}
