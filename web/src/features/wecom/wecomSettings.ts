import type { WeComSettingsCommand, WeComSettingsView } from './wecomApi'

/** What the form edits; the secrets start empty and stay write-only. */
export interface WeComSettingsForm {
  corpId: string
  agentId: number | null
  secret: string
  token: string
  encodingAesKey: string
}

export function formFromView(view: WeComSettingsView): WeComSettingsForm {
  return { corpId: view.corpId ?? '', agentId: view.agentId, secret: '', token: '', encodingAesKey: '' }
}

/**
 * The PUT body: a secret, token or AES key left blank is left out, so the stored one is kept (the form cannot show
 * it, so it cannot send it back); the version read guards against a concurrent save.
 */
export function commandFromForm(form: WeComSettingsForm, version: number | null): WeComSettingsCommand {
  const body: WeComSettingsCommand = { corpId: form.corpId.trim(), agentId: form.agentId, version }
  const secret = form.secret.trim()
  const token = form.token.trim()
  const aesKey = form.encodingAesKey.trim()
  if (secret) body.secret = secret
  if (token) body.token = token
  if (aesKey) body.encodingAesKey = aesKey
  return body
}

/** One row of a sync result: a dotted path (e.g. `customers.created`) and its number. */
export interface CountRow {
  key: string
  value: number
}

/**
 * Every number in a sync answer, by dotted path, in the answer's order: the customer sync's counts are shown
 * without this page knowing their exact shape.
 */
export function countRows(answer: unknown, prefix = ''): CountRow[] {
  if (typeof answer === 'number') return prefix ? [{ key: prefix, value: answer }] : []
  if (!answer || typeof answer !== 'object' || Array.isArray(answer)) return []
  return Object.entries(answer as Record<string, unknown>).flatMap(([k, v]) => countRows(v, prefix ? `${prefix}.${k}` : k))
}
