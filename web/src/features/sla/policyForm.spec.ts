import { describe, expect, it } from 'vitest'
import { emptyPolicyForm, formToPolicyBody, newEscalation, policyToForm } from './policyForm'
import type { SlaPolicy } from './slaApi'

const seeded: SlaPolicy = {
  id: 1,
  name: '默认时效',
  position: 0,
  enabled: true,
  calendarId: null,
  match: { templateIds: [], priorities: ['urgent'], customerLevels: [], sources: [] },
  firstResponse: 'PT4H',
  resolution: 'P3D',
  nodes: { visit: 'PT4H' },
  pauseStatuses: ['suspended'],
  reminderBefore: 'PT30M',
  escalations: [
    { level: 2, after: 'PT2H', to: 'assignee_leader', leaderLevel: 2, roleCode: null, channels: ['wecom'] },
    { level: 1, after: 'PT0M', to: 'assignee_leader', leaderLevel: 1, roleCode: null, channels: ['wecom', 'in_app'] },
    { level: 3, after: 'PT4H', to: 'role', leaderLevel: null, roleCode: 'supervisor', channels: ['sms'] },
  ],
  version: 4,
  createdAt: '',
  updatedAt: '',
}

describe('SLA policy form ⇄ JSON', () => {
  it('round-trips a policy, escalations in level order', () => {
    const form = policyToForm(seeded)
    expect(form.escalations.map((e) => e.after)).toEqual(['PT0M', 'PT2H', 'PT4H'])
    expect(form.nodes).toEqual([{ nodeId: 'visit', target: 'PT4H' }])
    const body = formToPolicyBody(form, seeded.version)
    expect(body).toEqual({
      name: '默认时效',
      enabled: true,
      calendarId: null,
      match: seeded.match,
      firstResponse: 'PT4H',
      resolution: 'P3D',
      nodes: { visit: 'PT4H' },
      pauseStatuses: ['suspended'],
      reminderBefore: 'PT30M',
      escalations: [
        { level: 1, after: 'PT0M', to: 'assignee_leader', leaderLevel: 1, roleCode: null, channels: ['wecom', 'in_app'] },
        { level: 2, after: 'PT2H', to: 'assignee_leader', leaderLevel: 2, roleCode: null, channels: ['wecom'] },
        { level: 3, after: 'PT4H', to: 'role', leaderLevel: null, roleCode: 'supervisor', channels: ['sms'] },
      ],
      version: 4,
    })
  })

  it('sends PT0M for no reminder and reads it back as switched off', () => {
    const form = emptyPolicyForm()
    form.remind = false
    expect(formToPolicyBody(form).reminderBefore).toBe('PT0M')
    expect(policyToForm({ ...seeded, reminderBefore: 'PT0M' }).remind).toBe(false)
  })

  it('keeps only the setting a target uses, drops blank node rows, renumbers levels', () => {
    const form = emptyPolicyForm()
    form.name = ' VIP '
    form.customerLevels = [' VIP ', '']
    form.nodes = [{ nodeId: ' visit ', target: 'PT2H' }, { nodeId: '', target: 'PT1H' }, { nodeId: 'x', target: null }]
    form.escalations = [
      { after: null, to: 'assignee', leaderLevel: 3, roleCode: 'boss', channels: [] },
      { after: 'PT1H', to: 'role', leaderLevel: 2, roleCode: '', channels: ['email'] },
    ]
    const body = formToPolicyBody(form)
    expect(body.name).toBe('VIP')
    expect(body.match.customerLevels).toEqual(['VIP'])
    expect(body.nodes).toEqual({ visit: 'PT2H' })
    expect(body.escalations).toEqual([
      { level: 1, after: 'PT0M', to: 'assignee', leaderLevel: null, roleCode: null, channels: [] },
      // a missing role is sent as null so that the server names the field
      { level: 2, after: 'PT1H', to: 'role', leaderLevel: null, roleCode: null, channels: ['email'] },
    ])
    expect('version' in body).toBe(false)
  })

  it('suggests the next escalation one leader further up', () => {
    const first = newEscalation()
    expect(first).toMatchObject({ after: 'PT0M', to: 'assignee_leader', leaderLevel: 1 })
    expect(newEscalation(first)).toMatchObject({ after: 'PT2H', leaderLevel: 2 })
  })
})
