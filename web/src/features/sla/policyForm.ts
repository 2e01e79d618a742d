import { isZeroDuration } from './duration'
import type { SlaPolicy, SlaPolicyBody } from './slaApi'

/** Pure transforms behind the SLA policy form. */

export interface EscalationRow {
  after: string | null
  to: string
  leaderLevel: number
  roleCode: string
  channels: string[]
}

export interface NodeTargetRow {
  nodeId: string
  target: string | null
}

export interface PolicyForm {
  name: string
  enabled: boolean
  calendarId: number | null
  templateIds: number[]
  priorities: string[]
  customerLevels: string[]
  sources: string[]
  firstResponse: string | null
  resolution: string | null
  nodes: NodeTargetRow[]
  pauseStatuses: string[]
  remind: boolean
  reminderBefore: string | null
  escalations: EscalationRow[]
}

export const MAX_ESCALATIONS = 3

/** A new policy, like the seeded 默认时效 without escalations. */
export function emptyPolicyForm(): PolicyForm {
  return {
    name: '',
    enabled: true,
    calendarId: null,
    templateIds: [],
    priorities: [],
    customerLevels: [],
    sources: [],
    firstResponse: 'PT4H',
    resolution: 'P3D',
    nodes: [],
    pauseStatuses: ['suspended'],
    remind: true,
    reminderBefore: 'PT30M',
    escalations: [],
  }
}

export function newEscalation(previous?: EscalationRow): EscalationRow {
  return {
    after: previous ? 'PT2H' : 'PT0M',
    to: 'assignee_leader',
    leaderLevel: previous?.to === 'assignee_leader' ? previous.leaderLevel + 1 : 1,
    roleCode: '',
    channels: ['wecom', 'in_app'],
  }
}

export function policyToForm(p: SlaPolicy): PolicyForm {
  const remind = !isZeroDuration(p.reminderBefore)
  return {
    name: p.name,
    enabled: p.enabled,
    calendarId: p.calendarId,
    templateIds: [...p.match.templateIds],
    priorities: [...p.match.priorities],
    customerLevels: [...p.match.customerLevels],
    sources: [...p.match.sources],
    firstResponse: p.firstResponse,
    resolution: p.resolution,
    nodes: Object.entries(p.nodes).map(([nodeId, target]) => ({ nodeId, target })),
    pauseStatuses: [...p.pauseStatuses],
    remind,
    reminderBefore: remind ? p.reminderBefore : 'PT30M',
    escalations: [...p.escalations]
      .sort((a, b) => a.level - b.level)
      .map((e) => ({
        after: e.after,
        to: e.to,
        leaderLevel: e.leaderLevel ?? 1,
        roleCode: e.roleCode ?? '',
        channels: [...e.channels],
      })),
  }
}

/** The request body: levels numbered in order, each escalation with only the setting its target uses. */
export function formToPolicyBody(f: PolicyForm, version?: number): SlaPolicyBody {
  const nodes: Record<string, string> = {}
  for (const n of f.nodes) if (n.nodeId.trim() && n.target) nodes[n.nodeId.trim()] = n.target
  const body: SlaPolicyBody = {
    name: f.name.trim(),
    enabled: f.enabled,
    calendarId: f.calendarId,
    match: {
      templateIds: [...f.templateIds],
      priorities: [...f.priorities],
      customerLevels: f.customerLevels.map((l) => l.trim()).filter(Boolean),
      sources: [...f.sources],
    },
    firstResponse: f.firstResponse || null,
    resolution: f.resolution || null,
    nodes,
    pauseStatuses: [...f.pauseStatuses],
    reminderBefore: f.remind && f.reminderBefore ? f.reminderBefore : 'PT0M',
    escalations: f.escalations.map((e, i) => ({
      level: i + 1,
      after: e.after || 'PT0M',
      to: e.to,
      leaderLevel: e.to === 'assignee_leader' ? e.leaderLevel : null,
      roleCode: e.to === 'role' ? e.roleCode || null : null,
      channels: [...e.channels],
    })),
  }
  if (version !== undefined) body.version = version
  return body
}
