/**
 * Business durations as the server writes them (`PT30M`, `PT4H`, `P3D`, `P1DT2H`) ⇄ days, hours and minutes.
 * Days are business days, not 24 hours, so hours are never folded into days; minutes are folded into hours.
 */
export interface DurationParts {
  days: number
  hours: number
  minutes: number
}

/** null for text that is not such a duration (weeks, seconds other than Java's `PT0S`, fractions…). */
export function parseDuration(iso: string | null | undefined): DurationParts | null {
  const text = (iso ?? '').trim().toUpperCase()
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(0+)S)?)?$/.exec(text)
  if (!m || text === 'P' || text.endsWith('T')) return null
  const minutes = Number(m[3] ?? 0)
  return { days: Number(m[1] ?? 0), hours: Number(m[2] ?? 0) + Math.floor(minutes / 60), minutes: minutes % 60 }
}

/** `PT0M` when everything is zero or empty. */
export function formatDuration(parts: Partial<Record<keyof DurationParts, number | null | undefined>>): string {
  const n = (v: number | null | undefined) => (v != null && Number.isFinite(v) && v > 0 ? Math.round(v) : 0)
  const days = n(parts.days)
  const minutesTotal = n(parts.hours) * 60 + n(parts.minutes)
  const hours = Math.floor(minutesTotal / 60)
  const minutes = minutesTotal % 60
  if (!days && !minutesTotal) return 'PT0M'
  const time = (hours ? `${hours}H` : '') + (minutes ? `${minutes}M` : '')
  return `P${days ? `${days}D` : ''}${time ? `T${time}` : ''}`
}

/** True for `PT0M` and friends. */
export function isZeroDuration(iso: string | null | undefined): boolean {
  const p = parseDuration(iso)
  return !!p && !p.days && !p.hours && !p.minutes
}
