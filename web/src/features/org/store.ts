import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { departmentsApi, permissionsApi, rolesApi, usersApi, type Department, type Permission, type Role, type User } from '@/api'
import { currentLocale } from '@/i18n'
import { buildDepartmentTree, toTreeOptions } from './departmentTree'

/**
 * Size used to load the user directory that maps ids to names (e.g. department leaders); the server's
 * maximum page size. Names of users beyond it show up once they appear in any other list.
 */
const DIRECTORY_SIZE = 200

/**
 * Reference data shared by the organisation pages: departments, roles and a light user directory.
 * Each list is loaded once and refreshed after changes.
 */
export const useOrgStore = defineStore('org', () => {
  const departments = ref<Department[]>([])
  const departmentsLoaded = ref(false)
  const departmentsLoading = ref(false)
  const roles = ref<Role[]>([])
  const rolesLoaded = ref(false)
  const rolesLoading = ref(false)
  const userNames = ref(new Map<number, User>())
  const permissions = ref<Permission[]>([])
  /** locale the permission names were loaded in (they are localised by the server) */
  const permissionsLocale = ref<string | null>(null)
  const permissionsLoading = ref(false)

  const departmentTree = computed(() => buildDepartmentTree(departments.value))
  const departmentOptions = computed(() => toTreeOptions(departmentTree.value))
  const departmentById = computed(() => new Map(departments.value.map((d) => [d.id, d])))
  const roleById = computed(() => new Map(roles.value.map((r) => [r.id, r])))

  let departmentsPromise: Promise<void> | null = null
  function loadDepartments(force = false): Promise<void> {
    if (departmentsLoaded.value && !force) return Promise.resolve()
    if (departmentsPromise && !force) return departmentsPromise
    departmentsLoading.value = true
    const p = departmentsApi
      .list()
      .then((list) => {
        departments.value = list
        departmentsLoaded.value = true
      })
      .finally(() => {
        departmentsLoading.value = false
        if (departmentsPromise === p) departmentsPromise = null
      })
    departmentsPromise = p
    return p
  }

  let rolesPromise: Promise<void> | null = null
  function loadRoles(force = false): Promise<void> {
    if (rolesLoaded.value && !force) return Promise.resolve()
    if (rolesPromise && !force) return rolesPromise
    rolesLoading.value = true
    const p = rolesApi
      .list()
      .then((list) => {
        roles.value = list
        rolesLoaded.value = true
      })
      .finally(() => {
        rolesLoading.value = false
        if (rolesPromise === p) rolesPromise = null
      })
    rolesPromise = p
    return p
  }

  let directoryPromise: Promise<void> | null = null
  function loadUserDirectory(force = false): Promise<void> {
    if (directoryPromise && !force) return directoryPromise
    directoryPromise = usersApi
      .list({ page: 0, size: DIRECTORY_SIZE, sort: { field: 'displayName', direction: 'asc' } })
      .then((page) => rememberUsers(page.items))
      .catch((e) => {
        directoryPromise = null
        throw e
      })
    return directoryPromise
  }

  let permissionsPromise: Promise<void> | null = null
  function loadPermissions(force = false): Promise<void> {
    const locale = currentLocale()
    if (!force && permissionsLocale.value === locale) return Promise.resolve()
    if (permissionsPromise && !force) return permissionsPromise
    permissionsLoading.value = true
    const p = permissionsApi
      .list()
      .then((list) => {
        permissions.value = list
        permissionsLocale.value = locale
      })
      .finally(() => {
        permissionsLoading.value = false
        if (permissionsPromise === p) permissionsPromise = null
      })
    permissionsPromise = p
    return p
  }

  function rememberUsers(users: readonly User[]) {
    const next = new Map(userNames.value)
    for (const u of users) next.set(u.id, u)
    userNames.value = next
  }

  function userLabel(id: number | null | undefined): string {
    if (id == null) return ''
    const u = userNames.value.get(id)
    return u ? `${u.displayName} (${u.username})` : `#${id}`
  }

  function departmentName(id: number): string {
    return departmentById.value.get(id)?.name ?? `#${id}`
  }

  function roleName(id: number): string {
    return roleById.value.get(id)?.name ?? `#${id}`
  }

  function reset() {
    departments.value = []
    departmentsLoaded.value = false
    roles.value = []
    rolesLoaded.value = false
    userNames.value = new Map()
    directoryPromise = null
    permissions.value = []
    permissionsLocale.value = null
  }

  return {
    departments,
    departmentsLoaded,
    departmentsLoading,
    roles,
    rolesLoaded,
    rolesLoading,
    userNames,
    permissions,
    permissionsLoading,
    departmentTree,
    departmentOptions,
    departmentById,
    roleById,
    loadDepartments,
    loadRoles,
    loadUserDirectory,
    loadPermissions,
    rememberUsers,
    userLabel,
    departmentName,
    roleName,
    reset,
  }
})
