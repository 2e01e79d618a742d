import type { Calendar, CalendarBody } from './calendarsApi'

/** Pure transforms behind the calendar form and month view. */

export const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const
export type Weekday = (typeof WEEKDAYS)[number]

export interface TimeRange {
  start: string
  end: string
}

export interface MakeUpDay {
  date: string
  /** the weekday whose windows the day works; '' for the server's default (Monday) */
  worksAs: Weekday | ''
}

export interface CalendarForm {
  name: string
  zone: string
  isDefault: boolean
  departmentId: number | null
  customerLevel: string
  week: Record<Weekday, TimeRange[]>
  holidays: string[]
  workdays: MakeUpDay[]
}

export const DEFAULT_ZONE = 'Asia/Shanghai'

/** A new calendar: Monday–Friday 09:00–12:00 and 13:30–18:00, like the tenant's standard one. */
export function emptyCalendarForm(): CalendarForm {
  const office = () => [
    { start: '09:00', end: '12:00' },
    { start: '13:30', end: '18:00' },
  ]
  return {
    name: '',
    zone: DEFAULT_ZONE,
    isDefault: false,
    departmentId: null,
    customerLevel: '',
    week: { MONDAY: office(), TUESDAY: office(), WEDNESDAY: office(), THURSDAY: office(), FRIDAY: office(), SATURDAY: [], SUNDAY: [] },
    holidays: [],
    workdays: [],
  }
}

export function calendarToForm(c: Calendar): CalendarForm {
  const week = Object.fromEntries(
    WEEKDAYS.map((d) => [d, (c.windows[d] ?? []).map(([start, end]) => ({ start, end }))]),
  ) as Record<Weekday, TimeRange[]>
  return {
    name: c.name,
    zone: c.zone,
    isDefault: c.default,
    departmentId: c.departmentId,
    customerLevel: c.customerLevel ?? '',
    week,
    holidays: [...c.holidays].sort(),
    workdays: [...c.workdays].sort().map((date) => ({ date, worksAs: (c.workdayWindows[date] as Weekday | undefined) ?? '' })),
  }
}

/**
 * The request body. Rows are sent as typed (the server names each bad one at its path, `windows.MONDAY[1]`), in
 * weekday order; empty days and blank rows are left out, dates sorted once each.
 */
export function formToCalendarBody(f: CalendarForm, version?: number): CalendarBody {
  const windows: Record<string, string[][]> = {}
  for (const day of WEEKDAYS) {
    const ranges = f.week[day].filter((r) => r.start || r.end).map((r) => [r.start, r.end])
    if (ranges.length) windows[day] = ranges
  }
  const workdays = f.workdays.filter((w) => w.date)
  const workdayWindows: Record<string, string> = {}
  for (const w of workdays) if (w.worksAs) workdayWindows[w.date] = w.worksAs
  const body: CalendarBody = {
    name: f.name.trim(),
    zone: f.zone.trim() || DEFAULT_ZONE,
    windows,
    holidays: [...new Set(f.holidays)].sort(),
    workdays: [...new Set(workdays.map((w) => w.date))].sort(),
    workdayWindows,
    default: f.isDefault,
    departmentId: f.departmentId,
    customerLevel: f.customerLevel.trim() || null,
  }
  if (version !== undefined) body.version = version
  return body
}

/** The weekday of a `YYYY-MM-DD` date (independent of the browser's zone). */
export function weekdayOf(date: string): Weekday {
  const [y, m, d] = date.split('-').map(Number)
  const js = new Date(Date.UTC(y, m - 1, d)).getUTCDay() // 0 = Sunday
  return WEEKDAYS[(js + 6) % 7]
}

export type DayKind = 'holiday' | 'makeup' | 'working' | 'off'

export interface DayMark {
  kind: DayKind
  /** the imported name (国庆节) of a holiday or make-up day */
  name?: string
  /** working windows of the day, e.g. 09:00–12:00 */
  windows: string[][]
}

/** What the month view shows on a date: a holiday, a make-up workday (调休), a normal working day or a day off. */
export function dayMark(c: Pick<Calendar, 'windows' | 'holidays' | 'workdays' | 'workdayWindows' | 'names'>, date: string): DayMark {
  const name = c.names[date]
  if (c.holidays.includes(date)) return { kind: 'holiday', name, windows: [] }
  if (c.workdays.includes(date)) return { kind: 'makeup', name, windows: c.windows[c.workdayWindows[date] ?? 'MONDAY'] ?? [] }
  const windows = c.windows[weekdayOf(date)] ?? []
  return { kind: windows.length ? 'working' : 'off', name, windows }
}

/** `09:00–12:00, 13:30–18:00`; '' for a day off. */
export function windowsText(windows: string[][] | undefined): string {
  return (windows ?? []).map(([s, e]) => `${s}–${e}`).join(', ')
}

/** Holidays per year, for a compact summary of long lists: `{2025: 28, 2026: 33}`. */
export function countByYear(dates: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const d of dates) out[d.slice(0, 4)] = (out[d.slice(0, 4)] ?? 0) + 1
  return out
}

/** `2026-10-08T10:30:00+08:00` → `2026-10-08 10:30 (+08:00)`: the calendar's own wall time, as the server gave it. */
export function formatOffsetDateTime(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(iso)
  if (!m) return iso
  return `${m[1]} ${m[2]} (${m[3] === 'Z' ? 'UTC' : m[3]})`
}

/** The format a holiday file's text is in: JSON when it starts like JSON (or is named .json), else CSV. */
export function holidayFileFormat(text: string, fileName?: string): 'json' | 'csv' {
  if (fileName && /\.json$/i.test(fileName)) return 'json'
  if (fileName && /\.(csv|txt)$/i.test(fileName)) return 'csv'
  return /^\s*[{[]/.test(text) ? 'json' : 'csv'
}

/** Now as a local date-time (`2026-10-01T09:30:00`) on the wall clock of `zone` (the browser's own without one). */
export function localNow(zone?: string, now: Date = new Date()): string {
  const parts: Record<string, string> = {}
  try {
    const f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
    for (const p of f.formatToParts(now)) parts[p.type] = p.value
  } catch {
    return localNow(undefined, now)
  }
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:00`
}
