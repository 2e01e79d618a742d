// Vitest setup for every spec file. Vant's NavBar (and other components with a placeholder) measures itself
// 100, 200 and 300 ms after mounting. A spec file that ends sooner leaves those timers behind; when they fire
// after the file's DOM environment is torn down, `window` is gone and Vitest fails the whole run on the
// unhandled ReferenceError — on a busy machine only. Timers a file leaves pending are cancelled when it ends.
import { afterAll } from 'vitest'

const pending = new Set<ReturnType<typeof setTimeout>>()
const schedule = globalThis.setTimeout
const cancel = globalThis.clearTimeout

globalThis.setTimeout = ((handler: (...args: unknown[]) => void, delay?: number, ...args: unknown[]) => {
  const timer = schedule(
    (...a: unknown[]) => {
      pending.delete(timer)
      if (typeof handler === 'function') handler(...a)
    },
    delay,
    ...args,
  )
  pending.add(timer)
  return timer
}) as typeof setTimeout

globalThis.clearTimeout = ((timer?: ReturnType<typeof setTimeout>) => {
  if (timer !== undefined) pending.delete(timer)
  cancel(timer)
}) as typeof clearTimeout

afterAll(() => {
  pending.forEach((timer) => cancel(timer))
  pending.clear()
})
