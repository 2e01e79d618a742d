import { parseDuration } from './duration'

/** `P1DT2H` → "1 天 2 小时" with the given unit labels; the ISO text when it is not a plain duration. */
export function durationText(
  iso: string | null | undefined,
  label: (unit: 'days' | 'hours' | 'minutes', n: number) => string,
): string {
  if (!iso) return ''
  const p = parseDuration(iso)
  if (!p) return iso
  const parts = (['days', 'hours', 'minutes'] as const).filter((u) => p[u]).map((u) => label(u, p[u]))
  return parts.length ? parts.join(' ') : label('minutes', 0)
}
