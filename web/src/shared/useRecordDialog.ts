import { ref, type Ref } from 'vue'
import type { FormInstance } from 'element-plus'
import { useI18n } from 'vue-i18n'
import { notifyError, notifyStaleReloaded, notifySuccess } from './errors'
import { useFormSave } from './useFormSave'

/** The calls a record's edit dialog makes: read one (to reload after a conflict), create, update. */
export interface RecordApi<R, B> {
  get(id: number): Promise<R>
  create(body: B): Promise<R>
  update(id: number, body: B): Promise<R>
}

export interface RecordDialogOptions<R extends { id: number; version: number }, F extends object, B> {
  api: RecordApi<R, B>
  /** the reactive form model the dialog edits */
  form: F
  empty: () => F
  toForm: (record: R) => F
  toBody: (form: F, version: number | undefined) => B
  formRef: Ref<Pick<FormInstance, 'validate' | 'clearValidate'> | undefined>
  server: { apply(e: unknown): boolean; clear(): void }
  /** the dialog's v-model: closed after a save, or when the record vanished during a conflict */
  visible: Ref<boolean>
  onSaved: (record: R) => void
}

/**
 * Create-or-edit dialogs of one record type share all but their fields: load a record (or an empty form), save with
 * validation and server field errors, and after an optimistic-locking conflict reload the latest copy into the form
 * so the user redoes their change on it.
 */
export function useRecordDialog<R extends { id: number; version: number }, F extends object, B>(
  o: RecordDialogOptions<R, F, B>,
) {
  const { t } = useI18n()
  const current = ref<R | null>(null) as Ref<R | null>

  function load(record: R | null) {
    current.value = record
    Object.assign(o.form, record ? o.toForm(record) : o.empty())
    o.server.clear()
    o.formRef.value?.clearValidate()
  }

  async function reloadStale(): Promise<boolean> {
    if (!current.value) return false
    notifyStaleReloaded()
    try {
      load(await o.api.get(current.value.id))
    } catch (e) {
      notifyError(e)
      o.visible.value = false
    }
    return true
  }

  const { saving, submit } = useFormSave({ formRef: o.formRef, server: o.server, onStale: reloadStale, toastFieldErrors: true })

  function save() {
    return submit(async () => {
      const existing = current.value
      const body = o.toBody(o.form, existing?.version)
      const saved = existing ? await o.api.update(existing.id, body) : await o.api.create(body)
      notifySuccess(existing ? t('common.saved') : t('common.created'))
      o.visible.value = false
      o.onSaved(saved)
    })
  }

  return { current, load, save, saving }
}
