#!/usr/bin/env node
// A small in-memory stand-in for the Baton backend, implementing the /api/v1 contract the web UI uses.
// For front-end development and for trying the e2e journey without the Java backend:
//
//   npm run build && node e2e/mock-server.mjs            # serves dist/ + API on http://localhost:8090
//   BASE_URL=http://localhost:8090 node e2e/run.mjs
//
// Env: PORT (default 8090), DIST (default ../dist next to this file). Not used by the real build or tests.

import { createServer } from 'node:http'
import { readFile, stat } from 'node:fs/promises'
import { randomBytes } from 'node:crypto'
import { extname, join, normalize, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const PORT = Number(process.env.PORT) || 8090
const HOST = process.env.HOST || '127.0.0.1'
const DIST = resolve(process.env.DIST || join(fileURLToPath(new URL('.', import.meta.url)), '..', 'dist'))

// ---------------------------------------------------------------- data
const tenant = { code: 'demo', name: '演示租户' }
let seq = 100
const nextId = () => ++seq
const now = () => new Date().toISOString()

// mirrors dev.baton.org.Permission (codes and groups) and the message bundles
const PERMISSIONS = [
  ['ticket.read', 'ticket', '查看工单', 'View work orders'],
  ['ticket.create', 'ticket', '创建工单', 'Create work orders'],
  ['ticket.handle', 'ticket', '处理工单', 'Handle work orders'],
  ['ticket.assign', 'ticket', '派单与转派', 'Assign and reassign'],
  ['ticket.delete', 'ticket', '删除工单', 'Delete work orders'],
  ['template.manage', 'design', '设计模板', 'Design templates'],
  ['flow.manage', 'design', '设计流程', 'Design flows'],
  ['sla.manage', 'design', '管理时效与日历', 'Manage SLAs and calendars'],
  ['report.read', 'report', '查看报表', 'View reports'],
  ['org.manage', 'admin', '管理组织架构', 'Manage the organization'],
  ['apikey.manage', 'admin', '管理 API 密钥', 'Manage API keys'],
  ['settings.manage', 'admin', '管理设置', 'Manage settings'],
  ['audit.read', 'admin', '查看审计日志', 'View the audit log'],
]

const departments = [
  { id: 1, parentId: null, name: '总部', leaderUserId: 1, sortOrder: 0, version: 1 },
  { id: 2, parentId: 1, name: '客服部', leaderUserId: 2, sortOrder: 10, version: 1 },
  { id: 3, parentId: 1, name: '售后服务部', leaderUserId: null, sortOrder: 20, version: 1 },
  { id: 4, parentId: 3, name: '华东区', leaderUserId: 4, sortOrder: 10, version: 1 },
  { id: 5, parentId: 3, name: '华南区', leaderUserId: null, sortOrder: 20, version: 1 },
]
const roles = [
  { id: 1, code: 'admin', name: '管理员', permissions: PERMISSIONS.map((p) => p[0]), dataScope: 'ALL', scopeDepartmentIds: [], builtIn: true, version: 1 },
  { id: 2, code: 'supervisor', name: '主管', permissions: ['ticket.read', 'ticket.assign', 'ticket.handle', 'report.read'], dataScope: 'DEPARTMENT_TREE', scopeDepartmentIds: [], builtIn: true, version: 1 },
  { id: 3, code: 'agent', name: '客服', permissions: ['ticket.read', 'ticket.create'], dataScope: 'DEPARTMENT', scopeDepartmentIds: [], builtIn: true, version: 1 },
  { id: 4, code: 'engineer', name: '工程师', permissions: ['ticket.read', 'ticket.handle'], dataScope: 'SELF', scopeDepartmentIds: [], builtIn: true, version: 1 },
]
const user = (id, username, displayName, departmentIds, roleIds, extra = {}) => ({
  id,
  username,
  displayName,
  mobile: null,
  email: null,
  wecomUserId: null,
  active: true,
  departmentIds,
  roleIds,
  skills: [],
  regions: [],
  version: 1,
  createdAt: new Date(Date.UTC(2025, 0, id, 8, 30)).toISOString(),
  password: 'baton-demo',
  ...extra,
})
const users = [
  user(1, 'admin', '系统管理员', [1], [1], { email: 'admin@example.com' }),
  user(2, 'li.na', '李娜', [2], [2], { mobile: '13800000002' }),
  user(3, 'wang.fang', '王芳', [2], [3], { mobile: '13800000003', skills: ['投诉处理'] }),
  user(4, 'zhang.wei', '张伟', [4], [2, 4], { mobile: '13800000004', skills: ['空调', '冰箱'], regions: ['上海', '杭州'] }),
  user(5, 'liu.yang', '刘洋', [4], [4], { skills: ['洗衣机'], regions: ['苏州'] }),
  user(6, 'chen.jing', '陈静', [5], [4], { active: false, regions: ['广州'] }),
  user(7, 'zhao.lei', '赵磊', [3], [3]),
]
const apiKeys = [
  { id: 1, name: 'CRM 同步', prefix: 'bk_live_7Hq2', roleIds: [3], createdAt: '2025-02-01T02:00:00Z', expiresAt: null, revokedAt: null, lastUsedAt: '2025-05-30T09:12:00Z' },
]
const tokens = new Map()
const failures = new Map()

const publicUser = ({ password: _p, ...u }) => u
const me = (u) => ({
  id: u.id,
  tenant,
  username: u.username,
  displayName: u.displayName,
  roles: roles.filter((r) => u.roleIds.includes(r.id)).map(({ id, code, name }) => ({ id, code, name })),
  permissions: [...new Set(roles.filter((r) => u.roleIds.includes(r.id)).flatMap((r) => r.permissions))],
})

// ---------------------------------------------------------------- http helpers
function send(res, status, body, type = 'application/json') {
  res.writeHead(status, { 'Content-Type': `${type}; charset=utf-8` })
  res.end(body === undefined ? '' : JSON.stringify(body))
}
function problem(res, status, title, detail, extra = {}) {
  send(res, status, { type: 'about:blank', title, status, detail, ...extra }, 'application/problem+json')
}
const en = (req) => (req.headers['accept-language'] || '').toLowerCase().startsWith('en')
const msg = (req, zh, e) => (en(req) ? e : zh)

async function readJson(req) {
  const chunks = []
  for await (const c of req) chunks.push(c)
  const text = Buffer.concat(chunks).toString('utf8')
  return text ? JSON.parse(text) : {}
}

function validation(res, req, errors) {
  problem(res, 400, 'Bad Request', msg(req, '请求参数校验失败', 'Validation failed'), { errors })
}

function checkVersion(res, req, entity, body) {
  if (body.version !== entity.version) {
    problem(res, 409, 'Conflict', msg(req, '数据已被他人修改', 'The record was changed by someone else'), {
      currentVersion: entity.version,
    })
    return false
  }
  return true
}

// ---------------------------------------------------------------- api
async function api(req, res, url) {
  const path = url.pathname.replace(/^\/api\/v1/, '')
  const method = req.method
  await new Promise((r) => setTimeout(r, 80)) // a little latency, to see loading states

  if (path === '/auth/login' && method === 'POST') {
    const body = await readJson(req)
    const key = `${body.tenant}/${body.username}`
    if ((failures.get(key) || 0) >= 5)
      return problem(res, 429, 'Too Many Requests', msg(req, '登录尝试过多，请 5 分钟后再试', 'Too many attempts; try again in 5 minutes'))
    const u = users.find((x) => x.username === body.username)
    if (body.tenant !== tenant.code || !u || u.password !== body.password || !u.active) {
      failures.set(key, (failures.get(key) || 0) + 1)
      return problem(res, 401, 'Unauthorized', msg(req, '租户、用户名或密码错误', 'Wrong tenant, username or password'))
    }
    failures.delete(key)
    const token = randomBytes(16).toString('hex')
    tokens.set(token, u.id)
    return send(res, 200, { accessToken: token, expiresAt: new Date(Date.now() + 8 * 3600e3).toISOString(), user: me(u) })
  }

  const token = (req.headers.authorization || '').replace(/^Bearer /, '')
  const current = users.find((u) => u.id === tokens.get(token))
  if (!current) return problem(res, 401, 'Unauthorized', msg(req, '请先登录', 'Authentication required'))

  if (path === '/auth/me' && method === 'GET') return send(res, 200, me(current))

  if (path === '/permissions' && method === 'GET')
    return send(
      res,
      200,
      PERMISSIONS.map(([code, group, zh, e]) => ({ code, group, name: en(req) ? e : zh })),
    )

  // departments
  if (path === '/departments' && method === 'GET') return send(res, 200, departments)
  if (path === '/departments' && method === 'POST') {
    const b = await readJson(req)
    if (!b.name?.trim()) return validation(res, req, [{ field: 'name', message: msg(req, '不能为空', 'must not be blank') }])
    if (departments.some((d) => d.parentId === (b.parentId ?? null) && d.name === b.name.trim()))
      return validation(res, req, [{ field: 'name', message: msg(req, '同级部门名称重复', 'duplicate name among siblings') }])
    const d = { id: nextId(), parentId: b.parentId ?? null, name: b.name.trim(), leaderUserId: b.leaderUserId ?? null, sortOrder: b.sortOrder ?? 0, version: 1 }
    departments.push(d)
    return send(res, 201, d)
  }
  let m = path.match(/^\/departments\/(\d+)$/)
  if (m) {
    const d = departments.find((x) => x.id === Number(m[1]))
    if (!d) return problem(res, 404, 'Not Found', msg(req, '部门不存在', 'Department not found'))
    if (method === 'PUT') {
      const b = await readJson(req)
      if (!checkVersion(res, req, d, b)) return
      if (!b.name?.trim()) return validation(res, req, [{ field: 'name', message: msg(req, '不能为空', 'must not be blank') }])
      let p = b.parentId
      while (p != null) {
        if (p === d.id) return validation(res, req, [{ field: 'parentId', message: msg(req, '不能移动到自身或下级部门', 'cannot move below itself') }])
        p = departments.find((x) => x.id === p)?.parentId ?? null
      }
      Object.assign(d, { name: b.name.trim(), parentId: b.parentId ?? null, leaderUserId: b.leaderUserId ?? null, sortOrder: b.sortOrder ?? 0, version: d.version + 1 })
      return send(res, 200, d)
    }
    if (method === 'DELETE') {
      if (departments.some((x) => x.parentId === d.id))
        return problem(res, 409, 'Conflict', msg(req, `部门「${d.name}」下还有下级部门，不能删除`, `"${d.name}" has sub-departments`))
      if (users.some((u) => u.departmentIds.includes(d.id)))
        return problem(res, 409, 'Conflict', msg(req, `部门「${d.name}」下还有成员，不能删除`, `"${d.name}" still has members`))
      departments.splice(departments.indexOf(d), 1)
      return send(res, 204)
    }
  }

  // users
  if (path === '/users' && method === 'GET') {
    const q = (url.searchParams.get('q') || '').toLowerCase()
    const dep = url.searchParams.get('departmentId')
    const active = url.searchParams.get('active')
    const [field = 'username', dir = 'asc'] = (url.searchParams.get('sort') || 'username,asc').split(',')
    const page = Number(url.searchParams.get('page') || 0)
    const size = Number(url.searchParams.get('size') || 20)
    if (size < 1 || size > 200) return validation(res, req, [{ field: 'size', message: msg(req, '每页条数须在 1 到 200 之间', 'size must be 1..200') }])
    let list = users.filter(
      (u) =>
        (!q || [u.username, u.displayName, u.mobile, u.email].some((v) => v && v.toLowerCase().includes(q))) &&
        (!dep || u.departmentIds.includes(Number(dep))) &&
        (active == null || String(u.active) === active),
    )
    list = [...list].sort((a, b) => String(a[field]).localeCompare(String(b[field]), 'zh-CN') * (dir === 'desc' ? -1 : 1))
    return send(res, 200, { items: list.slice(page * size, page * size + size).map(publicUser), page, size, total: list.length })
  }
  const userErrors = (req, b, create) => {
    const errors = []
    if (create) {
      if (!b.username?.trim()) errors.push({ field: 'username', message: msg(req, '不能为空', 'must not be blank') })
      else if (users.some((u) => u.username === b.username.trim()))
        errors.push({ field: 'username', message: msg(req, '用户名已存在', 'username already taken') })
      if (!b.password) errors.push({ field: 'password', message: msg(req, '不能为空', 'must not be blank') })
    }
    if (b.password && b.password.length < 8) errors.push({ field: 'password', message: msg(req, '至少 8 位', 'at least 8 characters') })
    if (!b.displayName?.trim()) errors.push({ field: 'displayName', message: msg(req, '不能为空', 'must not be blank') })
    if (b.email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(b.email)) errors.push({ field: 'email', message: msg(req, '邮箱格式不正确', 'invalid email') })
    for (const [i, id] of (b.departmentIds || []).entries())
      if (!departments.some((d) => d.id === id)) errors.push({ field: `departmentIds[${i}]`, message: msg(req, '部门不存在', 'unknown department') })
    return errors
  }
  if (path === '/users' && method === 'POST') {
    const b = await readJson(req)
    const errors = userErrors(req, b, true)
    if (errors.length) return validation(res, req, errors)
    const u = user(nextId(), b.username.trim(), b.displayName.trim(), b.departmentIds || [], b.roleIds || [], {
      mobile: b.mobile ?? null,
      email: b.email ?? null,
      wecomUserId: b.wecomUserId ?? null,
      active: b.active ?? true,
      skills: b.skills || [],
      regions: b.regions || [],
      password: b.password,
      createdAt: now(),
    })
    users.push(u)
    return send(res, 201, publicUser(u))
  }
  m = path.match(/^\/users\/(\d+)$/)
  if (m && method === 'GET') {
    const u = users.find((x) => x.id === Number(m[1]))
    if (!u) return problem(res, 404, 'Not Found', msg(req, '用户不存在', 'User not found'))
    return send(res, 200, publicUser(u))
  }
  if (m && method === 'PUT') {
    const u = users.find((x) => x.id === Number(m[1]))
    if (!u) return problem(res, 404, 'Not Found', msg(req, '用户不存在', 'User not found'))
    const b = await readJson(req)
    if (!checkVersion(res, req, u, b)) return
    const errors = userErrors(req, b, false)
    if (errors.length) return validation(res, req, errors)
    if ('username' in b) return validation(res, req, [{ field: 'username', message: msg(req, '不可识别的字段', 'unknown field') }])
    const { version: _v, password, ...rest } = b
    Object.assign(u, rest, { version: u.version + 1 })
    if (password) u.password = password
    return send(res, 200, publicUser(u))
  }

  // roles
  if (path === '/roles' && method === 'GET') return send(res, 200, roles)
  const roleErrors = (req, b, create) => {
    const errors = []
    if (create && !b.code?.trim()) errors.push({ field: 'code', message: msg(req, '不能为空', 'must not be blank') })
    if (create && roles.some((r) => r.code === b.code?.trim())) errors.push({ field: 'code', message: msg(req, '角色代码已存在', 'code already taken') })
    if (!b.name?.trim()) errors.push({ field: 'name', message: msg(req, '不能为空', 'must not be blank') })
    if (b.dataScope === 'CUSTOM' && !(b.scopeDepartmentIds || []).length)
      errors.push({ field: 'scopeDepartmentIds', message: msg(req, '请选择部门', 'select departments') })
    return errors
  }
  if (path === '/roles' && method === 'POST') {
    const b = await readJson(req)
    const errors = roleErrors(req, b, true)
    if (errors.length) return validation(res, req, errors)
    const r = { id: nextId(), code: b.code.trim(), name: b.name.trim(), permissions: b.permissions || [], dataScope: b.dataScope || 'SELF', scopeDepartmentIds: b.scopeDepartmentIds || [], builtIn: false, version: 1 }
    roles.push(r)
    return send(res, 201, r)
  }
  m = path.match(/^\/roles\/(\d+)$/)
  if (m) {
    const r = roles.find((x) => x.id === Number(m[1]))
    if (!r) return problem(res, 404, 'Not Found', msg(req, '角色不存在', 'Role not found'))
    if (method === 'PUT') {
      const b = await readJson(req)
      if ('code' in b) return validation(res, req, [{ field: 'code', message: msg(req, '不可识别的字段', 'unknown field') }])
      if (!checkVersion(res, req, r, b)) return
      const errors = roleErrors(req, b, false)
      if (errors.length) return validation(res, req, errors)
      Object.assign(r, { name: b.name.trim(), permissions: b.permissions || [], dataScope: b.dataScope, scopeDepartmentIds: b.scopeDepartmentIds || [], version: r.version + 1 })
      return send(res, 200, r)
    }
    if (method === 'DELETE') {
      if (r.builtIn) return problem(res, 409, 'Conflict', msg(req, '内置角色不能删除', 'Built-in roles cannot be deleted'))
      roles.splice(roles.indexOf(r), 1)
      for (const u of users) u.roleIds = u.roleIds.filter((id) => id !== r.id)
      return send(res, 204)
    }
  }

  // api keys
  if (path === '/api-keys' && method === 'GET') return send(res, 200, apiKeys)
  if (path === '/api-keys' && method === 'POST') {
    const b = await readJson(req)
    if (!b.name?.trim()) return validation(res, req, [{ field: 'name', message: msg(req, '不能为空', 'must not be blank') }])
    const secret = randomBytes(24).toString('base64url')
    const k = { id: nextId(), name: b.name.trim(), prefix: `bk_live_${secret.slice(0, 4)}`, roleIds: b.roleIds || [], createdAt: now(), expiresAt: b.expiresAt ?? null, revokedAt: null, lastUsedAt: null }
    apiKeys.push(k)
    return send(res, 201, { ...k, key: `bk_live_${secret}` })
  }
  m = path.match(/^\/api-keys\/(\d+)$/)
  if (m && method === 'DELETE') {
    const k = apiKeys.find((x) => x.id === Number(m[1]))
    if (!k) return problem(res, 404, 'Not Found', msg(req, '密钥不存在', 'Key not found'))
    k.revokedAt = k.revokedAt ?? now()
    return send(res, 204)
  }

  // in-app notifications (the header's bell): an empty inbox
  if (path === '/notifications/inbox/unread-count' && method === 'GET') return send(res, 200, { count: 0 })
  if (path === '/notifications/inbox' && method === 'GET') return send(res, 200, { items: [], page: 0, size: 10, total: 0 })
  if (path === '/notifications/inbox/read-all' && method === 'POST') return send(res, 200, { marked: 0 })

  return problem(res, 404, 'Not Found', `${method} ${url.pathname}`)
}

// ---------------------------------------------------------------- static files (SPA fallback)
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.ico': 'image/x-icon' }
async function serveStatic(res, pathname) {
  const safe = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '')
  let file = join(DIST, safe)
  if (!file.startsWith(DIST)) return send(res, 403, { error: 'forbidden' })
  try {
    if (!(await stat(file)).isFile()) throw new Error('not a file')
  } catch {
    file = join(DIST, 'index.html')
  }
  try {
    const body = await readFile(file)
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream' })
    res.end(body)
  } catch {
    send(res, 404, { error: `no ${file}; run npm run build first` })
  }
}

createServer(async (req, res) => {
  const url = new URL(req.url, `http://${req.headers.host || 'localhost'}`)
  try {
    if (url.pathname.startsWith('/api/')) await api(req, res, url)
    else await serveStatic(res, url.pathname)
  } catch (e) {
    problem(res, 500, 'Internal Server Error', String(e))
  }
}).listen(PORT, HOST, () => console.log(`Baton mock backend on http://${HOST}:${PORT} (static files from ${DIST})`))
