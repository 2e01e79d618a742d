import { ElMessage } from 'element-plus'
import { isApiError } from '@/api'
import { i18n } from '@/i18n'

/** Human readable text for an error: the server's problem `detail` when there is one. */
export function errorMessage(e: unknown): string {
  const t = i18n.global.t
  if (isApiError(e)) {
    if (e.status === 0) return t('common.networkError')
    const detail = e.problem.detail?.trim()
    if (detail) return detail
    if (e.status === 403) return t('common.forbidden')
    if (e.status === 404) return t('common.notFound')
    if (e.status === 409) return t('common.stale')
    return e.problem.title?.trim() || t('common.unexpectedError', { status: e.status })
  }
  if (e instanceof Error && e.message) return e.message
  return t('common.unexpectedError', { status: '?' })
}

/** Shows an error toast, except for 401 (the app is already redirecting to the login page) and aborts. */
export function notifyError(e: unknown): void {
  if (isApiError(e) && e.status === 401) return
  if (e instanceof DOMException && e.name === 'AbortError') return
  ElMessage({ type: 'error', message: errorMessage(e), showClose: true, duration: 6000, grouping: true })
}

export function notifySuccess(message: string): void {
  ElMessage({ type: 'success', message, grouping: true })
}

/** Toast for a save the server rejected with field errors (shown under the fields). */
export function notifyFixFormErrors(): void {
  ElMessage({ type: 'error', message: i18n.global.t('common.fixFormErrors'), grouping: true })
}

/** Warning after a stale-version conflict, once the latest copy has been loaded into the form. */
export function notifyStaleReloaded(): void {
  ElMessage({ type: 'warning', message: i18n.global.t('common.staleReloaded'), showClose: true, duration: 8000 })
}

/** True for the optimistic-locking conflict: 409 carrying the row's `currentVersion`. */
export function isStaleVersion(e: unknown): boolean {
  return isApiError(e) && e.status === 409 && e.problem.currentVersion != null
}
