import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { authApi, type LoginRequest, type Me } from '@/api'
import { isTokenUsable } from './token'

const TOKEN_KEY = 'baton.token'
const EXPIRES_KEY = 'baton.tokenExpiresAt'

function readStorage(key: string): string | null {
  try {
    return localStorage.getItem(key)
  } catch {
    return null
  }
}

function writeStorage(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key)
    else localStorage.setItem(key, value)
  } catch {
    // storage unavailable: the session lives in memory only
  }
}

export const useAuthStore = defineStore('auth', () => {
  const token = ref<string | null>(readStorage(TOKEN_KEY))
  const expiresAt = ref<string | null>(readStorage(EXPIRES_KEY))
  const me = ref<Me | null>(null)

  const isAuthenticated = computed(() => isTokenUsable(token.value, expiresAt.value, Date.now()))
  const permissions = computed(() => new Set(me.value?.permissions ?? []))

  function setSession(accessToken: string, expires: string | null, user: Me | null) {
    token.value = accessToken
    expiresAt.value = expires
    me.value = user
    writeStorage(TOKEN_KEY, accessToken)
    writeStorage(EXPIRES_KEY, expires)
  }

  async function login(req: LoginRequest): Promise<Me> {
    const res = await authApi.login(req)
    setSession(res.accessToken, res.expiresAt ?? null, res.user)
    return res.user
  }

  async function loginWithWeCom(tenant: string, code: string): Promise<Me> {
    const res = await authApi.wecom({ tenant, code })
    setSession(res.accessToken, res.expiresAt ?? null, res.user)
    return res.user
  }

  async function loadMe(): Promise<Me> {
    const user = await authApi.me()
    me.value = user
    return user
  }

  function clear() {
    token.value = null
    expiresAt.value = null
    me.value = null
    writeStorage(TOKEN_KEY, null)
    writeStorage(EXPIRES_KEY, null)
  }

  function can(permission: string): boolean {
    return permissions.value.has(permission)
  }

  return { token, expiresAt, me, isAuthenticated, login, loginWithWeCom, loadMe, clear, can }
})
