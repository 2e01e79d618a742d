import { ref } from 'vue'
import { isApiError, type Problem } from '@/api'

/**
 * Server field errors keyed by their full path (`windows.MONDAY[1]`, `escalations[2].roleCode`), for forms whose
 * rows repeat a field name, where `useServerErrors` (last path segment) cannot tell the rows apart.
 */
export function problemErrorsByPath(problem: Problem | null | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  for (const err of problem?.errors ?? []) {
    if (!err || typeof err.field !== 'string' || typeof err.message !== 'string' || !err.message) continue
    const path = err.field.trim()
    if (!path) continue
    out[path] = out[path] && !out[path].split('; ').includes(err.message) ? `${out[path]}; ${err.message}` : (out[path] ?? err.message)
  }
  return out
}

/** The first message whose path starts with one of `prefixes` (a row's own path and everything below it). */
export function errorUnder(paths: Record<string, string>, ...prefixes: string[]): string | undefined {
  for (const prefix of prefixes) {
    for (const [path, message] of Object.entries(paths)) {
      if (path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`)) return message
    }
  }
  return undefined
}

/** Wraps `useServerErrors` so that the full paths are kept too (`paths`), for the rows of a form. */
export function withPathErrors<T extends { apply(e: unknown): boolean; clear(): void }>(base: T) {
  const paths = ref<Record<string, string>>({})
  return {
    ...base,
    paths,
    apply(e: unknown): boolean {
      paths.value = isApiError(e) ? problemErrorsByPath(e.problem) : {}
      return base.apply(e)
    },
    clear(): void {
      paths.value = {}
      base.clear()
    },
  }
}
