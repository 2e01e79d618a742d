import { describe, expect, it } from 'vitest'
import type { ApiKey } from '@/api'
import { apiKeyStatus, sortApiKeys } from './apiKeyStatus'

const NOW = Date.parse('2025-06-01T00:00:00Z')
const key = (id: number, over: Partial<ApiKey> = {}): ApiKey => ({
  id,
  name: `k${id}`,
  prefix: 'bk_x',
  roleIds: [],
  createdAt: `2025-01-0${id}T00:00:00Z`,
  expiresAt: null,
  revokedAt: null,
  lastUsedAt: null,
  ...over,
})

describe('apiKeyStatus', () => {
  it('revoked wins over expired; no expiry means active', () => {
    expect(apiKeyStatus(key(1), NOW)).toBe('active')
    expect(apiKeyStatus(key(1, { expiresAt: '2025-05-01T00:00:00Z' }), NOW)).toBe('expired')
    expect(apiKeyStatus(key(1, { expiresAt: '2025-07-01T00:00:00Z' }), NOW)).toBe('active')
    expect(apiKeyStatus(key(1, { expiresAt: '2025-05-01T00:00:00Z', revokedAt: '2025-04-01T00:00:00Z' }), NOW)).toBe(
      'revoked',
    )
  })

  it('sorts active (newest first), then expired, then revoked', () => {
    const sorted = sortApiKeys(
      [
        key(1, { revokedAt: '2025-02-01T00:00:00Z' }),
        key(2),
        key(3, { expiresAt: '2025-01-09T00:00:00Z' }),
        key(4),
      ],
      NOW,
    )
    expect(sorted.map((k) => k.id)).toEqual([4, 2, 3, 1])
  })
})
