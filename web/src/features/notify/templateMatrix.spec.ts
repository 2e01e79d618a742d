import { describe, expect, it } from 'vitest'
import { eventRows, insertVariable, templateMatrix, usedVariables } from './templateMatrix'

const tpl = (id: number, event: string, channel: string) => ({ id, event, channel, subject: 's', body: 'b', version: 0, updatedAt: '' })

describe('notification template matrix', () => {
  it('finds a template per event and channel', () => {
    const m = templateMatrix([tpl(1, 'assigned', 'wecom'), tpl(2, 'assigned', 'email')])
    expect(m.get('assigned/wecom')?.id).toBe(1)
    expect(m.get('created/wecom')).toBeUndefined()
  })

  it('keeps events the UI does not know, after the known ones', () => {
    expect(eventRows(['created', 'assigned'], [tpl(1, 'zeta', 'sms'), tpl(2, 'assigned', 'sms'), tpl(3, 'alpha', 'sms')])).toEqual([
      'created',
      'assigned',
      'alpha',
      'zeta',
    ])
  })

  it('inserts a variable at the cursor', () => {
    expect(insertVariable('工单已分派', 'ticket.number', 2)).toEqual({ text: '工单{{ticket.number}}已分派', cursor: 19 })
    expect(insertVariable('ab', 'link', null)).toEqual({ text: 'ab{{link}}', cursor: 10 })
    expect(insertVariable('ab', 'link', 99).text).toBe('ab{{link}}')
  })

  it('lists the variables a text uses', () => {
    expect(usedVariables('{{ticket.number}} {{ ticket.title }} {{ticket.number}} {{#link}}')).toEqual(['ticket.number', 'ticket.title'])
  })
})
