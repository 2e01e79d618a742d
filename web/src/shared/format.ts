const pad = (n: number) => String(n).padStart(2, '0')

/** Formats an ISO instant as local "YYYY-MM-DD HH:mm" (same in every UI language, compact for tables). */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return ''
  const d = new Date(value)
  if (Number.isNaN(d.getTime())) return value
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}
