import type { ProgressEntry, ProgressStep } from './mobileApi'

/** The six customer-facing steps, in order (template CustomerSteps); names are `mobile.progress.step.<code>`. */
export const PROGRESS_STEPS = ['submitted', 'accepted', 'in_progress', 'awaiting_confirmation', 'done', 'rated'] as const

/** The step's label: the server's (the tenant may rename steps), else the built-in name, else the code. */
export function stepLabel(step: Pick<ProgressStep, 'code' | 'label'>, t: (key: string) => string, te: (key: string) => boolean): string {
  if (step.label?.trim()) return step.label
  const key = `mobile.progress.step.${step.code}`
  return te(key) ? t(key) : step.code
}

/** Index of the current step for vant Steps' `active` (the last reached one when none is marked current). */
export function activeStep(steps: readonly ProgressStep[]): number {
  const current = steps.findIndex((s) => s.current)
  if (current >= 0) return current
  let last = -1
  steps.forEach((s, i) => s.reached && (last = i))
  return Math.max(0, last)
}

/** A friendly line for a public timeline entry: `status:<code>` names the step it moved to. */
export function entryText(
  entry: Pick<ProgressEntry, 'kind'>,
  steps: readonly ProgressStep[],
  t: (key: string, values?: Record<string, unknown>) => string,
  te: (key: string) => boolean,
): string {
  if (entry.kind.startsWith('status:')) {
    const code = entry.kind.slice('status:'.length)
    const step = steps.find((s) => s.code === code) ?? { code, label: null }
    return t('mobile.progress.kind.status', { step: stepLabel(step, t, te) })
  }
  const key = `mobile.progress.kind.${entry.kind}`
  return te(key) ? t(key) : t('mobile.progress.kind.other')
}
