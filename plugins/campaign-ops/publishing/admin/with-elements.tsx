import React from 'react'

/**
 * A catalogue text whose `{{placeholders}}` hold elements (a network name in <bdi>, an environment
 * variable in <code>). Payload's `t` fills placeholders with strings only, so the text is asked for
 * without values (its placeholders stay as written) and cut at them here. A placeholder given no
 * element is left empty.
 */
export function withElements(template: string, elements: Record<string, React.ReactNode>): React.ReactNode {
  // Odd parts are placeholder names; an empty text part (a placeholder at either end) is dropped.
  const parts = template.split(/\{\{\s*(\w+)\s*\}\}/)
  return <>{parts.map((part, index) => (index % 2 === 1 ? <React.Fragment key={index}>{elements[part]}</React.Fragment> : part || null))}</>
}
