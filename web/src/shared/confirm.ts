import { ElMessageBox } from 'element-plus'
import { i18n } from '@/i18n'

/** Asks before a destructive action (red confirm button). Resolves false when the box is cancelled or closed. */
export async function confirmDanger(message: string, title: string, confirmText: string): Promise<boolean> {
  try {
    await ElMessageBox.confirm(message, title, {
      type: 'warning',
      confirmButtonText: confirmText,
      cancelButtonText: i18n.global.t('common.cancel'),
      confirmButtonClass: 'el-button--danger',
    })
    return true
  } catch {
    return false
  }
}

/** `confirmDanger` with the "Delete" title and button. */
export function confirmDelete(message: string): Promise<boolean> {
  const t = i18n.global.t
  return confirmDanger(message, t('common.deleteTitle'), t('common.delete'))
}
