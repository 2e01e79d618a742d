import { describe, expect, it } from 'vitest'
import { commandFromForm, countRows, formFromView } from './wecomSettings'

describe('WeCom settings form', () => {
  const view = {
    corpId: 'wwcorp',
    agentId: 1000002,
    secretSet: true,
    tokenSet: true,
    encodingAesKeySet: false,
    callbackUrl: 'https://baton.example.com/wecom/callback/acme',
    version: 3,
  }

  it('never pre-fills the write-only secrets', () => {
    expect(formFromView(view)).toEqual({ corpId: 'wwcorp', agentId: 1000002, secret: '', token: '', encodingAesKey: '' })
  })

  it('leaves blank secrets out so the stored ones are kept', () => {
    const body = commandFromForm({ ...formFromView(view), corpId: ' wwcorp ', token: '  ' }, 3)
    expect(body).toEqual({ corpId: 'wwcorp', agentId: 1000002, version: 3 })
    expect('secret' in body).toBe(false)
  })

  it('sends a replaced secret, token and key, trimmed', () => {
    const body = commandFromForm({ corpId: 'ww', agentId: 7, secret: ' s3 ', token: 'tok', encodingAesKey: 'k'.repeat(43) }, null)
    expect(body).toEqual({ corpId: 'ww', agentId: 7, secret: 's3', token: 'tok', encodingAesKey: 'k'.repeat(43), version: null })
  })
})

describe('sync counts', () => {
  it('lists every number by its dotted path, skipping texts and lists', () => {
    const answer = {
      departments: { created: 4, updated: 0, unchanged: 1 },
      users: { created: 3, deactivated: 1 },
      failed: 0,
      failures: ['x'],
      note: 'ok',
    }
    expect(countRows(answer)).toEqual([
      { key: 'departments.created', value: 4 },
      { key: 'departments.updated', value: 0 },
      { key: 'departments.unchanged', value: 1 },
      { key: 'users.created', value: 3 },
      { key: 'users.deactivated', value: 1 },
      { key: 'failed', value: 0 },
    ])
  })

  it('shows nothing for an empty or non-object answer', () => {
    expect(countRows(undefined)).toEqual([])
    expect(countRows('done')).toEqual([])
    expect(countRows(5)).toEqual([])
  })
})
