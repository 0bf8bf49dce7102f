'use client'
import React from 'react'

import { usePluginStrings } from '../../translations/use-plugin-strings'
import styles from './inbox.module.css'
import { inboxShortcuts } from './use-inbox-shortcuts'

/** The list of the inbox's keys, in the reader's language. */
export function InboxShortcutsHelp({ onClose }: { onClose: () => void }) {
  const { t } = usePluginStrings()
  return (
    <section className={styles.help} aria-label={t('inboxView:shortcuts:title')} data-testid="inbox-shortcuts">
      <h2>{t('inboxView:shortcuts:title')}</h2>
      <dl>
        {inboxShortcuts.map(({ keys, action }) => (
          <React.Fragment key={action}>
            <dt>
              {keys.map((key) => (
                <kbd key={key} dir="ltr">
                  {key === 'ArrowDown' ? '↓' : key === 'ArrowUp' ? '↑' : key}
                </kbd>
              ))}
            </dt>
            <dd>{t(`inboxView:shortcuts:${action}`)}</dd>
          </React.Fragment>
        ))}
      </dl>
      <button type="button" className={styles.linkButton} onClick={onClose}>
        {t('inboxView:shortcuts:dismiss')}
      </button>
    </section>
  )
}
