import { describe, expect, it } from 'vitest'
import type { TemplateField } from '@/api'
import type { FieldMode } from '@/features/tickets/ticketActions'
import { photoComment, photoIds, photoTarget, withPhotos } from './photos'
import type { Attachment } from './mobileApi'

const field = (key: string, type: TemplateField['type']) => ({ key, type, label: key }) as TemplateField
const photo = (id: string, thumb = true): Attachment => ({
  id,
  fileName: `<${id}>.png`,
  contentType: 'image/png',
  size: 10,
  thumbnailUrl: thumb ? `/api/v1/attachments/${id}/thumbnail` : null,
  url: `/api/v1/attachments/${id}/content`,
})

describe('photoTarget', () => {
  const fields = [field('remarks', 'textarea'), field('site_photos', 'image')]
  it('fills an image field the node lets the engineer edit', () => {
    const mode = (k: string): FieldMode => (k === 'site_photos' ? 'edit' : 'read')
    expect(photoTarget(fields, mode, true)).toEqual({ kind: 'field', key: 'site_photos' })
  })
  it('falls back to a comment, or nowhere when commenting is not allowed either', () => {
    expect(photoTarget(fields, () => 'read', true)).toEqual({ kind: 'comment' })
    expect(photoTarget(fields, () => 'read', false)).toBeNull()
  })
})

describe('withPhotos', () => {
  it('appends the new ids once', () => {
    expect(withPhotos(['a'], [photo('a'), photo('b')])).toEqual(['a', 'b'])
    expect(withPhotos(null, [photo('c')])).toEqual(['c'])
    expect(photoIds('x')).toEqual([])
  })
})

describe('photoComment', () => {
  it('shows each picture by its thumbnail, the content without one, names escaped', () => {
    expect(photoComment([photo('a'), photo('b', false)])).toBe(
      '<p><img src="/api/v1/attachments/a/thumbnail" alt="&lt;a&gt;.png"></p><p><img src="/api/v1/attachments/b/content" alt="&lt;b&gt;.png"></p>',
    )
  })
})
