import { ref, type Ref } from 'vue'
import type { FormInstance } from 'element-plus'
import { isStaleVersion, notifyError, notifyFixFormErrors } from './errors'

export interface FormSaveOptions {
  /** the el-form; it is validated before saving */
  formRef: Ref<Pick<FormInstance, 'validate'> | undefined>
  /** the form's server-side field errors (useServerErrors) */
  server: { apply(e: unknown): boolean; clear(): void }
  /**
   * Reloads the edited record after an optimistic-locking conflict (409 with `currentVersion`).
   * Resolves false when there is nothing to reload (e.g. while creating); the error is then handled like any other.
   */
  onStale?: () => Promise<boolean>
  /** also toast "correct the highlighted fields" when the server answered with field errors */
  toastFieldErrors?: boolean
}

/**
 * Save plumbing shared by the form dialogs: validate, `saving` while the call runs, and the error handling
 * (stale version → `onStale`, field errors → shown under the fields, anything else → error toast).
 */
export function useFormSave(options: FormSaveOptions) {
  const saving = ref(false)

  async function handleError(e: unknown) {
    if (isStaleVersion(e) && options.onStale && (await options.onStale())) return
    if (options.server.apply(e)) {
      if (options.toastFieldErrors) notifyFixFormErrors()
    } else {
      notifyError(e)
    }
  }

  /** Validates the form, then runs `save` (which notifies and closes on success). */
  async function submit(save: () => Promise<void>): Promise<void> {
    const valid = await options.formRef.value?.validate().catch(() => false)
    if (!valid) return
    saving.value = true
    options.server.clear()
    try {
      await save()
    } catch (e) {
      await handleError(e)
    } finally {
      saving.value = false
    }
  }

  return { saving, submit }
}
