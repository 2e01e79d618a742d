// Business calendars API (/api/v1/calendars), typed by hand from CalendarView and CalendarCommand.
import { request, type Page } from '@/api'

export interface CalendarSummary {
  id: number
  name: string
  zone: string
  default: boolean
  departmentId: number | null
  customerLevel: string | null
  version: number
  updatedAt: string
}

export interface Calendar extends CalendarSummary {
  /** weekday (MONDAY…) → [[start, end], …] as HH:mm; days without working time are left out */
  windows: Record<string, string[][]>
  holidays: string[]
  /** make-up workdays (调休) */
  workdays: string[]
  /** make-up workday → the weekday whose windows it works (Monday's when absent) */
  workdayWindows: Record<string, string>
  /** names of imported days (国庆节…) */
  names: Record<string, string>
  createdAt: string
}

export interface CalendarBody {
  name: string
  zone: string
  windows: Record<string, string[][]>
  holidays: string[]
  workdays: string[]
  workdayWindows: Record<string, string>
  default: boolean
  departmentId: number | null
  customerLevel: string | null
  version?: number
}

export interface DayChange {
  date: string
  kind: string
  name: string | null
}

export interface HolidayImport {
  years: number[]
  added: DayChange[]
  removed: DayChange[]
  version: number
}

export interface Deadline {
  deadline: string
  warnings: string[]
}

export const calendarsApi = {
  /** every calendar of the tenant (200 is the server's largest page) */
  list: () => request<Page<CalendarSummary>>('/calendars', { query: { page: 0, size: 200, sort: 'name,asc' } }),
  get: (id: number) => request<Calendar>(`/calendars/${id}`),
  create: (body: CalendarBody) => request<Calendar>('/calendars', { method: 'POST', body }),
  update: (id: number, body: CalendarBody) => request<Calendar>(`/calendars/${id}`, { method: 'PUT', body }),
  remove: (id: number, version: number) => request<void>(`/calendars/${id}`, { method: 'DELETE', query: { version } }),
  importHolidays: (id: number, text: string, format: 'json' | 'csv') =>
    request<HolidayImport>(`/calendars/${id}/holidays/import`, {
      method: 'POST',
      rawBody: { text, contentType: format === 'csv' ? 'text/csv' : 'application/json' },
    }),
  deadline: (id: number, from: string, duration: string) =>
    request<Deadline>(`/calendars/${id}/deadline`, { query: { from, duration } }),
}
