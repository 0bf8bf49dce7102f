'use client'
import { useEffect, useRef } from 'react'

import type { ThreadCommand } from './InboxThread'

/** The keys of the inbox, read where no text field has the focus. */
export const inboxShortcuts: ReadonlyArray<{ keys: string[]; action: 'next' | 'previous' | 'help' | ThreadCommand }> = [
  { keys: ['j', 'ArrowDown'], action: 'next' },
  { keys: ['k', 'ArrowUp'], action: 'previous' },
  { keys: ['r'], action: 'reply' },
  { keys: ['a'], action: 'assignMe' },
  { keys: ['h'], action: 'hide' },
  { keys: ['e'], action: 'escalate' },
  { keys: ['c'], action: 'close' },
  { keys: ['n'], action: 'note' },
  { keys: ['?'], action: 'help' },
]

type Handlers = { next: () => void; previous: () => void; help: () => void; command: (command: ThreadCommand) => void }

/** True when the key belongs to what the person is typing, not to the inbox. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

export function useInboxShortcuts(handlers: Handlers): void {
  const current = useRef(handlers)
  current.current = handlers
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return
      const shortcut = inboxShortcuts.find(({ keys }) => keys.includes(event.key))
      if (!shortcut) return
      event.preventDefault()
      const { action } = shortcut
      if (action === 'next' || action === 'previous' || action === 'help') current.current[action]()
      else current.current.command(action)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}
