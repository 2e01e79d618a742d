import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api'
import { actionButtons, actionRequest, changedFields, eventActor, fieldMode, isPublicEvent, isVersionConflict } from './ticketActions'
import type { TicketNode } from './ticketsApi'

const node = (fieldRules: Record<string, string>): TicketNode => ({
  nodeId: 'n1', name: 'N', type: 'task', state: 'waiting', handlers: [], fieldRules,
})

describe('actionButtons', () => {
  it('shows only what the view allows, in a stable order, without comment', () => {
    const b = actionButtons(['cancel', 'comment', 'submit', 'accept', 'accept'])
    expect(b.map((x) => x.code)).toEqual(['accept', 'submit', 'cancel'])
    expect(b[0].type).toBe('primary')
    expect(b[2]).toMatchObject({ type: 'danger', reason: true, user: false })
  })
  it('keeps unknown codes last and marks user targets', () => {
    expect(actionButtons(['future', 'transfer']).map((x) => [x.code, x.user])).toEqual([['transfer', true], ['future', false]])
    expect(actionButtons([])).toEqual([])
  })
})

describe('actionRequest', () => {
  it('sends the expected version except for comment and urge', () => {
    expect(actionRequest('accept', { version: 4 })).toEqual({ expectedVersion: 4 })
    expect(actionRequest('comment', { version: 4 }, { comment: ' hi ', visibility: 'public' })).toEqual({
      comment: 'hi', visibility: 'public',
    })
    expect(actionRequest('urge', { version: 4 })).toEqual({})
  })
  it('sends fields only with save and submit, and targets when given', () => {
    expect(actionRequest('submit', { version: 1 }, { fields: { a: 1 } })).toEqual({ expectedVersion: 1, fields: { a: 1 } })
    expect(actionRequest('approve', { version: 1 }, { fields: { a: 1 } })).toEqual({ expectedVersion: 1 })
    expect(actionRequest('save', { version: 1 }, { fields: {} })).toEqual({ expectedVersion: 1 })
    expect(actionRequest('transfer', { version: 2 }, { targetUserId: 7, nodeId: 'n2' })).toEqual({
      expectedVersion: 2, targetUserId: 7, nodeId: 'n2',
    })
  })
})

describe('fieldMode', () => {
  it('is editable only when the node says so and the view offers save or submit', () => {
    const view = { nodes: [node({ a: 'editable', b: 'required', c: 'readonly', d: 'hidden' })], actions: ['submit'] }
    expect(fieldMode(view, 'a')).toBe('edit')
    expect(fieldMode(view, 'b')).toBe('required')
    expect(fieldMode(view, 'c')).toBe('read')
    expect(fieldMode(view, 'd')).toBe('hidden')
    expect(fieldMode(view, 'e')).toBe('read')
    expect(fieldMode({ ...view, actions: ['accept'] }, 'a')).toBe('read')
  })
  it('hides a field only when every node with a rule hides it', () => {
    const view = { nodes: [node({ a: 'hidden' }), node({ a: 'editable' })], actions: ['save'] }
    expect(fieldMode(view, 'a')).toBe('edit')
    expect(fieldMode({ nodes: [], actions: [] }, 'a')).toBe('read')
  })
})

describe('changedFields', () => {
  it('keeps only edited values', () => {
    expect(changedFields({ a: 1, b: [1], c: null }, { a: 1, b: [1, 2], c: undefined, d: 'x' })).toEqual({ b: [1, 2], d: 'x' })
  })
})

describe('isVersionConflict', () => {
  it('recognises the 409 version-conflict problem', () => {
    expect(isVersionConflict(new ApiError(409, { status: 409, currentVersion: 5 }))).toBe(true)
    expect(isVersionConflict(new ApiError(409, { status: 409, type: 'https://baton.dev/problems/version-conflict' }))).toBe(true)
    expect(isVersionConflict(new ApiError(409, { status: 409, type: 'about:blank', detail: 'state' }))).toBe(false)
    expect(isVersionConflict(new ApiError(400, { status: 400, currentVersion: 5 }))).toBe(false)
    expect(isVersionConflict(new Error('x'))).toBe(false)
  })
  it('marks public events', () => {
    expect(isPublicEvent('public')).toBe(true)
    expect(isPublicEvent('internal')).toBe(false)
    expect(isPublicEvent(null)).toBe(false)
  })
})

describe('eventActor', () => {
  it('names the customer for what they did on the progress page, Baton for other actor-less entries', () => {
    expect(eventActor({ action: 'customer_confirm', actorId: null })).toBe('customer')
    expect(eventActor({ action: 'customer_rate', actorId: null })).toBe('customer')
    expect(eventActor({ action: 'sla', actorId: null })).toBe('system')
    expect(eventActor({ action: 'accept', actorId: 7 })).toBe('user')
  })
})
