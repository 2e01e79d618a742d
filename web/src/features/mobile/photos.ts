import type { TemplateField } from '@/api'
import type { FieldMode } from '@/features/tickets/ticketActions'
import type { Attachment } from './mobileApi'

/**
 * Where the engineer's photos go: an image field the current node lets them edit (the value is a list of attachment
 * ids, sent with save / submit like any field), else an internal comment showing the pictures — the two places
 * the ticket API takes an attachment.
 */
export type PhotoTarget = { kind: 'field'; key: string } | { kind: 'comment' }

export function photoTarget(
  fields: readonly TemplateField[],
  mode: (key: string) => FieldMode,
  canComment: boolean,
): PhotoTarget | null {
  const field = fields.find((f) => f.type === 'image' && (mode(f.key) === 'edit' || mode(f.key) === 'required'))
  if (field) return { kind: 'field', key: field.key }
  return canComment ? { kind: 'comment' } : null
}

/** The attachment ids an image field holds. */
export function photoIds(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : []
}

/** The field's value with the new uploads appended (kept as ids, as the server stores them). */
export function withPhotos(value: unknown, uploads: readonly Attachment[]): string[] {
  const ids = photoIds(value)
  return [...ids, ...uploads.map((a) => a.id).filter((id) => !ids.includes(id))]
}

/** A comment body with the pictures (thumbnails where the server made one), which the server keeps as they are. */
export function photoComment(uploads: readonly Attachment[]): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  return uploads.map((a) => `<p><img src="${a.thumbnailUrl ?? a.url}" alt="${escape(a.fileName)}"></p>`).join('')
}
