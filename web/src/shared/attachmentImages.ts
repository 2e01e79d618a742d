import { nextTick, onBeforeUnmount, watch, type Ref } from 'vue'
import { request } from '@/api'

/**
 * Pictures of this system's attachments inside HTML the server sanitised (comments): their URLs need the bearer
 * token, which an `<img src>` cannot send. The HTML is shown with the source moved aside (`deferAttachmentImages`),
 * and `useAttachmentImages` loads each picture with the token and shows it from an object URL.
 */

const ATTACHMENT_SRC = /(<img\b[^>]*?)\ssrc="(\/api\/v1\/attachments\/[A-Za-z0-9_-]+(?:\/content|\/thumbnail)?)"/g

export function deferAttachmentImages(html: string): string {
  return html.replace(ATTACHMENT_SRC, '$1 data-attachment-src="$2"')
}

export function useAttachmentImages(root: Ref<HTMLElement | { $el: HTMLElement } | null | undefined>, source: () => unknown) {
  const urls: string[] = []
  async function resolve() {
    await nextTick()
    const r = root.value
    const el = r instanceof HTMLElement ? r : r?.$el
    if (!el) return
    for (const img of el.querySelectorAll<HTMLImageElement>('img[data-attachment-src]')) {
      const src = img.dataset.attachmentSrc!
      delete img.dataset.attachmentSrc
      try {
        const url = URL.createObjectURL(await request<Blob>(src, { absolute: true, blob: true }))
        urls.push(url)
        img.src = url
      } catch {
        img.alt = img.alt || src
      }
    }
  }
  watch(source, () => void resolve(), { immediate: true })
  onBeforeUnmount(() => urls.forEach((u) => URL.revokeObjectURL(u)))
}
