// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest'
import { ApiError } from '@/api/http'
import { i18n } from '@/i18n'
import { loginFailure } from './loginFailure'

describe('loginFailure', () => {
  beforeEach(() => {
    i18n.global.locale.value = 'en'
  })

  it('keeps the password while Baton is still starting and shows the server\'s reason', () => {
    const f = loginFailure(new ApiError(503, { status: 503, detail: 'Baton is still starting up; try again in 2 seconds.' }))
    expect(f).toEqual({ message: 'Baton is still starting up; try again in 2 seconds.', keepPassword: true })
  })

  it('drops the password when it was refused', () => {
    const f = loginFailure(new ApiError(401, { status: 401 }))
    expect(f.keepPassword).toBe(false)
    expect(f.message).toBe(i18n.global.t('auth.loginFailed'))
  })

  it('says the log-ins are throttled', () => {
    expect(loginFailure(new ApiError(429, { status: 429 })).message).toBe(i18n.global.t('auth.throttled'))
  })
})
