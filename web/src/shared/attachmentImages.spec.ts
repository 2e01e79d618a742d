import { describe, expect, it } from 'vitest'
import { deferAttachmentImages } from './attachmentImages'

describe('deferAttachmentImages', () => {
  it('moves the source of attachment pictures aside, leaving other pictures alone', () => {
    const html = '<p><img src="/api/v1/attachments/Ab_1/thumbnail" alt="a.png"></p><p><img src="https://x.test/b.png"></p>'
    expect(deferAttachmentImages(html)).toBe(
      '<p><img data-attachment-src="/api/v1/attachments/Ab_1/thumbnail" alt="a.png"></p><p><img src="https://x.test/b.png"></p>',
    )
  })
  it('keeps attributes before the source', () => {
    expect(deferAttachmentImages('<img alt="x" src="/api/v1/attachments/k">')).toBe('<img alt="x" data-attachment-src="/api/v1/attachments/k">')
  })
})
