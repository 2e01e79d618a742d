// What the log-in page says when a log-in fails, and whether the typed password survives it.
import { isApiError } from '@/api'
import { i18n } from '@/i18n'
import { errorMessage } from '@/shared/errors'

export interface LoginFailure {
  message: string
  /** Baton was still starting (503): the password was never refused, so it stays for the retry. */
  keepPassword: boolean
}

export function loginFailure(e: unknown): LoginFailure {
  const t = i18n.global.t
  const starting = isApiError(e) && e.status === 503
  let message: string
  if (isApiError(e) && e.status === 429 && !e.problem.detail) message = t('auth.throttled')
  else if (isApiError(e) && e.status === 401 && !e.problem.detail) message = t('auth.loginFailed')
  else message = errorMessage(e)
  return { message, keepPassword: starting }
}
