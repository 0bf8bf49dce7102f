import React from 'react'

/** A matched passage: UTF-16 start and end offsets in the original text, as the moderation engine gives them. */
export type Span = [number, number]

/** Keeps the spans that fit the text, in order and without overlap, so a stale or odd decision never breaks the display. */
function usableSpans(text: string, spans: readonly Span[]): Span[] {
  const sorted = spans
    .filter(([start, end]) => Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= text.length)
    .sort((a, b) => a[0] - b[0])
  const kept: Span[] = []
  for (const span of sorted) {
    const last = kept[kept.length - 1]
    if (last && span[0] < last[1]) last[1] = Math.max(last[1], span[1])
    else kept.push([span[0], span[1]])
  }
  return kept
}

/** The text with its matched passages in <mark>; its direction follows its own script (Arabic reads right to left). */
export function Highlighted({ text, spans }: { text: string; spans: readonly Span[] }) {
  const parts: React.ReactNode[] = []
  let cursor = 0
  usableSpans(text, spans).forEach(([start, end], index) => {
    if (start > cursor) parts.push(text.slice(cursor, start))
    parts.push(
      <mark key={index} style={{ background: '#ffd54f', padding: '0 2px' }}>
        {text.slice(start, end)}
      </mark>,
    )
    cursor = end
  })
  if (cursor < text.length) parts.push(text.slice(cursor))
  return <span dir="auto">{parts}</span>
}
