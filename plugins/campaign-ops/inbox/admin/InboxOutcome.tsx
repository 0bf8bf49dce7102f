'use client'
import React from 'react'

import styles from './inbox.module.css'

/** What an action in the thread came to: the server's refusal (announced at once) or what was done. */
export function InboxOutcome({ error, done }: { error: string | null; done?: string | null }) {
  return (
    <>
      {error && (
        <p className={styles.error} role="alert">
          {error}
        </p>
      )}
      {done && (
        <p className={styles.done} role="status">
          {done}
        </p>
      )}
    </>
  )
}
