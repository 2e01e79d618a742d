import { reactive, ref, watch, type WatchSource } from 'vue'
import { isApiError, problemToFieldErrors, unmatchedFieldErrors } from '@/api'

/**
 * Server-side validation errors for a form: `fields[name]` feeds `<el-form-item :error>`,
 * `general` holds errors for fields the form does not show. An error disappears as soon as its
 * field is edited.
 */
export function useServerErrors(knownFields: readonly string[], model: Record<string, unknown>) {
  const fields = reactive<Record<string, string>>({})
  const general = ref<string[]>([])

  function clear() {
    for (const k of Object.keys(fields)) delete fields[k]
    general.value = []
  }

  /** Returns true when the error carried field errors (and they are now shown). */
  function apply(e: unknown): boolean {
    clear()
    if (!isApiError(e)) return false
    const map = problemToFieldErrors(e.problem)
    if (!Object.keys(map).length) return false
    for (const [k, v] of Object.entries(map)) if (knownFields.includes(k)) fields[k] = v
    general.value = unmatchedFieldErrors(map, knownFields)
    return true
  }

  for (const key of knownFields) {
    const source: WatchSource = () => model[key]
    watch(source, () => {
      if (fields[key]) delete fields[key]
    }, { deep: true })
  }

  return { fields, general, apply, clear }
}
