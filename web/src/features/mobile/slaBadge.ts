/**
 * The SLA badge of a task on the phone, from GET /tickets/{id}/sla (TicketSlaView): the most pressing open metric —
 * the most overdue one, else the one with the least business time left. Times are the server's business minutes
 * at the moment it answered, so the badge is as fresh as the list (pull to refresh); counting down on the phone's
 * wall clock would be wrong outside working hours.
 */

export interface SlaMetricView {
  metric: string
  state: string
  dueAt: string
  stoppedAt: string | null
  remainingMinutes: number | null
  overdueMinutes: number | null
}

export interface TicketSla {
  ticketId: number
  metrics: SlaMetricView[]
}

export interface SlaBadge {
  /** overdue: past the deadline; soon: less than `soonMinutes` left; ok: more; paused: the clock is stopped */
  tone: 'overdue' | 'soon' | 'ok' | 'paused'
  /** business minutes past the deadline (overdue) or left (otherwise) */
  minutes: number
  metric: string
  dueAt: string
}

export const SOON_MINUTES = 60

export function slaBadge(sla: TicketSla | null | undefined, soonMinutes = SOON_MINUTES): SlaBadge | null {
  const open = (sla?.metrics ?? []).filter((m) => m.stoppedAt == null)
  if (!open.length) return null
  const overdue = open.filter((m) => m.overdueMinutes != null).sort((a, b) => b.overdueMinutes! - a.overdueMinutes!)[0]
  if (overdue) return { tone: 'overdue', minutes: overdue.overdueMinutes!, metric: overdue.metric, dueAt: overdue.dueAt }
  const next = [...open].sort((a, b) => (a.remainingMinutes ?? Infinity) - (b.remainingMinutes ?? Infinity))[0]
  const minutes = next.remainingMinutes ?? 0
  const tone = next.state === 'paused' ? 'paused' : minutes < soonMinutes ? 'soon' : 'ok'
  return { tone, minutes, metric: next.metric, dueAt: next.dueAt }
}

/** Whole hours and minutes, for "剩 3小时5分" / "3h 5m left". */
export function splitMinutes(minutes: number): { h: number; m: number } {
  const total = Math.max(0, Math.round(minutes))
  return { h: Math.floor(total / 60), m: total % 60 }
}
