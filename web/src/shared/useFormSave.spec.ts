import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ref } from 'vue'
import { useFormSave } from './useFormSave'

const STALE = { stale: true }

vi.mock('./errors', () => ({
  isStaleVersion: (e: unknown) => e === STALE,
  notifyError: vi.fn(),
  notifyFixFormErrors: vi.fn(),
}))
const errors = await import('./errors')

function setup(opts: { valid?: boolean; fieldErrors?: boolean; onStale?: () => Promise<boolean>; toast?: boolean } = {}) {
  const validate = vi.fn(() => (opts.valid === false ? Promise.reject(new Error('invalid')) : Promise.resolve(true)))
  const server = { apply: vi.fn(() => opts.fieldErrors ?? false), clear: vi.fn() }
  const formRef = ref({ validate } as never)
  const saveForm = useFormSave({ formRef, server, onStale: opts.onStale, toastFieldErrors: opts.toast })
  return { ...saveForm, validate, server }
}

describe('useFormSave', () => {
  beforeEach(() => vi.clearAllMocks())

  it('does not save when the form is invalid', async () => {
    const { submit, server } = setup({ valid: false })
    const save = vi.fn(async () => {})
    await submit(save)
    expect(save).not.toHaveBeenCalled()
    expect(server.clear).not.toHaveBeenCalled()
  })

  it('clears server errors and flags saving while the call runs', async () => {
    const { submit, saving, server } = setup()
    let seen: boolean | null = null
    await submit(async () => {
      seen = saving.value
      expect(server.clear).toHaveBeenCalledOnce()
    })
    expect(seen).toBe(true)
    expect(saving.value).toBe(false)
    expect(errors.notifyError).not.toHaveBeenCalled()
  })

  it('hands a stale-version conflict to onStale', async () => {
    const onStale = vi.fn(async () => true)
    const { submit, saving, server } = setup({ onStale })
    await submit(() => Promise.reject(STALE))
    expect(onStale).toHaveBeenCalledOnce()
    expect(server.apply).not.toHaveBeenCalled()
    expect(errors.notifyError).not.toHaveBeenCalled()
    expect(saving.value).toBe(false)
  })

  it('treats a conflict onStale declines like any other error', async () => {
    const { submit } = setup({ onStale: async () => false })
    await submit(() => Promise.reject(STALE))
    expect(errors.notifyError).toHaveBeenCalledWith(STALE)
  })

  it('shows field errors, with a toast only when asked', async () => {
    const quiet = setup({ fieldErrors: true })
    await quiet.submit(() => Promise.reject(new Error('400')))
    expect(quiet.server.apply).toHaveBeenCalledOnce()
    expect(errors.notifyFixFormErrors).not.toHaveBeenCalled()

    const loud = setup({ fieldErrors: true, toast: true })
    await loud.submit(() => Promise.reject(new Error('400')))
    expect(errors.notifyFixFormErrors).toHaveBeenCalledOnce()
    expect(errors.notifyError).not.toHaveBeenCalled()
  })

  it('toasts other errors', async () => {
    const err = new Error('boom')
    const { submit, saving } = setup({ onStale: vi.fn(async () => true), toast: true })
    await submit(() => Promise.reject(err))
    expect(errors.notifyError).toHaveBeenCalledWith(err)
    expect(errors.notifyFixFormErrors).not.toHaveBeenCalled()
    expect(saving.value).toBe(false)
  })
})
