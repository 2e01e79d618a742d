import { describe, expect, it } from 'vitest'
import { activeStep, entryText, stepLabel } from './progressSteps'

const names: Record<string, string> = {
  'mobile.progress.step.accepted': '已受理',
  'mobile.progress.kind.submitted': '工单已提交',
  'mobile.progress.kind.other': '进度更新',
}
const te = (k: string) => k in names || k === 'mobile.progress.kind.status'
const t = (k: string, v?: Record<string, unknown>) => (k === 'mobile.progress.kind.status' ? `进入「${v?.step}」` : names[k] ?? k)
const step = (code: string, reached: boolean, current = false, label: string | null = null) => ({ code, label, reached, current })

describe('progress steps', () => {
  it('labels a step by the server, then the built-in name, then the code', () => {
    expect(stepLabel({ code: 'accepted', label: '师傅已接单' }, t, te)).toBe('师傅已接单')
    expect(stepLabel({ code: 'accepted', label: null }, t, te)).toBe('已受理')
    expect(stepLabel({ code: 'odd', label: '' }, t, te)).toBe('odd')
  })

  it('is at the current step, or the last reached one', () => {
    expect(activeStep([step('a', true), step('b', true, true), step('c', false)])).toBe(1)
    expect(activeStep([step('a', true), step('b', true), step('c', false)])).toBe(1)
    expect(activeStep([])).toBe(0)
  })

  it('names timeline entries, status changes by their step', () => {
    const steps = [step('accepted', true, false, '师傅已接单')]
    expect(entryText({ kind: 'status:accepted' }, steps, t, te)).toBe('进入「师傅已接单」')
    expect(entryText({ kind: 'submitted' }, steps, t, te)).toBe('工单已提交')
    expect(entryText({ kind: 'whatever' }, steps, t, te)).toBe('进度更新')
  })
})
