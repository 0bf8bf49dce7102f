import type { AdminLanguage } from './catalogue'

const order: AdminLanguage[] = ['fr', 'ar', 'en']

/**
 * A reason the publishing engine stored for people (a variant's last error, an attempt's reason)
 * is written in the three admin languages, one line each (fr, ar, en), repeated when it joins two
 * reasons. This keeps the reader's language; any other text is shown as it is.
 */
export function reasonInLanguage(stored: string, language: AdminLanguage): string {
  const lines = stored.split('\n')
  if (lines.length < 3 || lines.length % 3 !== 0) return stored
  const index = order.indexOf(language)
  return lines.filter((_line, position) => position % 3 === index).join(' ')
}
