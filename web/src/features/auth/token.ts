/** A stored token is usable when present and not (known to be) expired. */
export function isTokenUsable(token: string | null, expiresAt: string | null, now: number): boolean {
  if (!token) return false
  if (!expiresAt) return true
  const t = Date.parse(expiresAt)
  return Number.isNaN(t) || t > now
}

/** Only same-app absolute paths are accepted as post-login redirect targets. */
export function safeRedirect(value: unknown, fallback = '/'): string {
  const v = Array.isArray(value) ? value[0] : value
  if (typeof v !== 'string' || !v.startsWith('/') || v.startsWith('//') || v.startsWith('/\\')) return fallback
  if (v.startsWith('/login')) return fallback
  return v
}
