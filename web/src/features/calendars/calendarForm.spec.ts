import { describe, expect, it } from 'vitest'
import type { Calendar } from './calendarsApi'
import {
  calendarToForm,
  countByYear,
  dayMark,
  emptyCalendarForm,
  formatOffsetDateTime,
  formToCalendarBody,
  holidayFileFormat,
  localNow,
  weekdayOf,
  windowsText,
} from './calendarForm'

const standard: Calendar = {
  id: 1,
  name: '标准工作日历',
  zone: 'Asia/Shanghai',
  default: true,
  departmentId: null,
  customerLevel: null,
  version: 3,
  updatedAt: '2026-01-01T00:00:00Z',
  createdAt: '2026-01-01T00:00:00Z',
  windows: {
    MONDAY: [['09:00', '12:00'], ['13:30', '18:00']],
    FRIDAY: [['09:00', '12:00'], ['13:30', '17:00']],
    SATURDAY: [['09:00', '12:00']],
  },
  holidays: ['2026-10-02', '2026-10-01'],
  workdays: ['2026-10-10', '2026-09-27'],
  workdayWindows: { '2026-10-10': 'FRIDAY' },
  names: { '2026-10-01': '国庆节', '2026-10-10': '国庆节调休' },
}

describe('calendar windows ⇄ form rows', () => {
  it('turns windows into rows per weekday and back', () => {
    const form = calendarToForm(standard)
    expect(form.week.MONDAY).toEqual([
      { start: '09:00', end: '12:00' },
      { start: '13:30', end: '18:00' },
    ])
    expect(form.week.SUNDAY).toEqual([])
    expect(form.holidays).toEqual(['2026-10-01', '2026-10-02'])
    expect(form.workdays).toEqual([
      { date: '2026-09-27', worksAs: '' },
      { date: '2026-10-10', worksAs: 'FRIDAY' },
    ])
    const body = formToCalendarBody(form, 3)
    expect(body.windows).toEqual(standard.windows)
    expect(Object.keys(body.windows)).toEqual(['MONDAY', 'FRIDAY', 'SATURDAY'])
    expect(body.workdays).toEqual(['2026-09-27', '2026-10-10'])
    expect(body.workdayWindows).toEqual({ '2026-10-10': 'FRIDAY' })
    expect(body.default).toBe(true)
    expect(body.version).toBe(3)
  })

  it('leaves out blank rows and empty days, trims and defaults', () => {
    const form = emptyCalendarForm()
    form.name = '  华东现场 '
    form.zone = ''
    form.week.TUESDAY = [{ start: '', end: '' }]
    form.week.SATURDAY = [{ start: '09:00', end: '' }]
    form.holidays = ['2026-10-02', '2026-10-01', '2026-10-02']
    form.workdays = [{ date: '', worksAs: 'MONDAY' }]
    const body = formToCalendarBody(form)
    expect(body.name).toBe('华东现场')
    expect(body.zone).toBe('Asia/Shanghai')
    expect(body.windows.TUESDAY).toBeUndefined()
    // a half-filled row is sent so that the server names it
    expect(body.windows.SATURDAY).toEqual([['09:00', '']])
    expect(body.holidays).toEqual(['2026-10-01', '2026-10-02'])
    expect(body.workdays).toEqual([])
    expect(body.customerLevel).toBeNull()
    expect('version' in body).toBe(false)
  })
})

describe('month view', () => {
  it('knows weekdays whatever the browser zone', () => {
    expect(weekdayOf('2026-10-01')).toBe('THURSDAY')
    expect(weekdayOf('2026-10-04')).toBe('SUNDAY')
    expect(weekdayOf('2026-10-05')).toBe('MONDAY')
  })

  it('marks holidays, make-up days, working days and days off', () => {
    expect(dayMark(standard, '2026-10-01')).toEqual({ kind: 'holiday', name: '国庆节', windows: [] })
    expect(dayMark(standard, '2026-10-10')).toEqual({ kind: 'makeup', name: '国庆节调休', windows: standard.windows.FRIDAY })
    // a make-up day without a chosen weekday works Monday's windows
    expect(dayMark(standard, '2026-09-27').windows).toEqual(standard.windows.MONDAY)
    expect(dayMark(standard, '2026-10-05').kind).toBe('working')
    expect(dayMark(standard, '2026-10-06').kind).toBe('off')
    expect(windowsText(standard.windows.MONDAY)).toBe('09:00–12:00, 13:30–18:00')
  })

  it('counts holidays by year', () => {
    expect(countByYear(['2025-01-01', '2026-10-01', '2026-10-02'])).toEqual({ 2025: 1, 2026: 2 })
  })
})

describe('deadline and import helpers', () => {
  it('shows the server time in the calendar zone', () => {
    expect(formatOffsetDateTime('2026-10-08T10:30:00+08:00')).toBe('2026-10-08 10:30 (+08:00)')
    expect(formatOffsetDateTime('2026-10-08T02:30Z')).toBe('2026-10-08 02:30 (UTC)')
    expect(formatOffsetDateTime('soon')).toBe('soon')
  })

  it('starts the calculator at now on the calendar wall clock', () => {
    const at = new Date('2026-09-30T09:30:00Z')
    expect(localNow('Asia/Shanghai', at)).toBe('2026-09-30T17:30:00')
    expect(localNow('UTC', at)).toBe('2026-09-30T09:30:00')
    expect(localNow('Not/AZone', at)).toMatch(/^2026-09-30T\d\d:30:00$/)
  })

  it('tells JSON from CSV', () => {
    expect(holidayFileFormat('{"2027": {}}')).toBe('json')
    expect(holidayFileFormat('date,kind,name\n2027-01-01,holiday,元旦')).toBe('csv')
    expect(holidayFileFormat('{', 'h.csv')).toBe('csv')
    expect(holidayFileFormat('x', 'h.JSON')).toBe('json')
  })
})
