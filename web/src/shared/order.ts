/** Moves the item at `index` by `delta` places (−1 up, +1 down); the same array back when it cannot move. */
export function moveItem<T>(items: readonly T[], index: number, delta: number): T[] {
  const to = index + delta
  if (index < 0 || index >= items.length || to < 0 || to >= items.length || delta === 0) return [...items]
  const next = [...items]
  const [item] = next.splice(index, 1)
  next.splice(to, 0, item)
  return next
}
