import type { ApiKey } from '@/api'

export type ApiKeyStatus = 'active' | 'revoked' | 'expired'

export function apiKeyStatus(k: Pick<ApiKey, 'revokedAt' | 'expiresAt'>, now: number): ApiKeyStatus {
  if (k.revokedAt) return 'revoked'
  if (k.expiresAt) {
    const t = Date.parse(k.expiresAt)
    if (!Number.isNaN(t) && t <= now) return 'expired'
  }
  return 'active'
}

/** Active keys first (newest first), then expired, then revoked. */
export function sortApiKeys<T extends ApiKey>(keys: readonly T[], now: number): T[] {
  const rank: Record<ApiKeyStatus, number> = { active: 0, expired: 1, revoked: 2 }
  return [...keys].sort(
    (a, b) =>
      rank[apiKeyStatus(a, now)] - rank[apiKeyStatus(b, now)] ||
      Date.parse(b.createdAt) - Date.parse(a.createdAt) ||
      b.id - a.id,
  )
}
