'use client'
import { useAuth, useConfig } from '@payloadcms/ui'
import { usePathname, useRouter, useSearchParams } from 'next/navigation'
import React, { useCallback, useEffect, useMemo, useRef, useState } from 'react'

import type { Interaction } from '../../../../payload-types'
import { usePluginStrings } from '../../translations/use-plugin-strings'
import { inboxApi } from './inbox-actions'
import { InboxFilterBar } from './InboxFilterBar'
import type { InboxLabels } from './inbox-labels'
import { InboxList } from './InboxList'
import { filtersFromSearch, searchFromFilters } from './inbox-query'
import type { InboxFilters } from './inbox-query'
import { InboxShortcutsHelp } from './InboxShortcutsHelp'
import { InboxThread } from './InboxThread'
import type { ThreadCommand } from './InboxThread'
import styles from './inbox.module.css'
import { useInboxList } from './use-inbox-list'
import { useInboxShortcuts } from './use-inbox-shortcuts'

/**
 * The inbox page's content: the filters (kept in the address, so a view can be shared or saved),
 * the list kept fresh without a reload, and the selected interaction's thread with its actions.
 */
export function Inbox({ labels }: { labels: InboxLabels }) {
  const { t, language } = usePluginStrings()
  const { config } = useConfig()
  const { user } = useAuth<{ id: number; role?: string }>()
  const router = useRouter()
  const pathname = usePathname()
  const searchParams = useSearchParams()
  const search = searchParams.toString()
  const filters = useMemo(() => filtersFromSearch(search), [search])
  const api = config.routes.api
  const actions = useMemo(() => inboxApi(api), [api])
  const userId = user?.id ?? 0
  const { items, total, error, loading, arrived, load, markOpened, replaceItem } = useInboxList(api, filters, userId)
  const [selectedId, setSelectedId] = useState<number | null>(null)
  const [helpOpen, setHelpOpen] = useState(false)
  const commandRef = useRef<((command: ThreadCommand) => void) | null>(null)

  const setFilters = useCallback((next: InboxFilters) => router.replace(`${pathname}${searchFromFilters(next)}`), [pathname, router])

  // The open thread stays open when it leaves the list (answered, closed, hidden: the filters no
  // longer match), so its last message can be read; the person moves on when they choose.
  const [kept, setKept] = useState<Interaction | null>(null)
  const fromList = items.find((item) => item.id === selectedId) ?? null
  const selected = fromList ?? (kept?.id === selectedId ? kept : null)
  useEffect(() => {
    if (fromList) setKept(fromList)
  }, [fromList])

  // The first row is opened when nothing is.
  useEffect(() => {
    if (selectedId === null && items.length > 0) setSelectedId(items[0]!.id)
  }, [items, selectedId])
  useEffect(() => {
    if (selectedId !== null) markOpened(selectedId)
  }, [selectedId, markOpened])

  const move = useCallback(
    (step: number) => {
      if (items.length === 0) return
      const index = items.findIndex((item) => item.id === selectedId)
      // From a thread that left the list, the next one is the list's first.
      const next = index < 0 ? items[0]! : items[Math.min(items.length - 1, Math.max(0, index + step))]!
      setSelectedId(next.id)
      document.querySelector(`[data-interaction-id="${next.id}"]`)?.scrollIntoView({ block: 'nearest' })
    },
    [items, selectedId],
  )

  useInboxShortcuts({
    next: () => move(1),
    previous: () => move(-1),
    command: (command) => commandRef.current?.(command),
    help: () => setHelpOpen((open) => !open),
  })

  const onUpdated = useCallback(
    (updated: Interaction) => {
      replaceItem(updated)
      setKept((previous) => (previous?.id === updated.id ? { ...previous, ...updated, variant: previous.variant, account: previous.account } : previous))
      void load()
    },
    [replaceItem, load],
  )

  return (
    <div className={styles.inbox} dir={language === 'ar' ? 'rtl' : 'ltr'} lang={language} data-testid="inbox">
      <div className={styles.header}>
        <h1>{t('inboxView:title')}</h1>
        <button type="button" className={styles.linkButton} onClick={() => setHelpOpen((open) => !open)} aria-expanded={helpOpen}>
          {t('inboxView:shortcuts:show')}
        </button>
      </div>
      {helpOpen && <InboxShortcutsHelp onClose={() => setHelpOpen(false)} />}
      <InboxFilterBar filters={filters} labels={labels} onChange={setFilters} />
      {error && (
        <p className={styles.error} role="alert">
          {t('inboxView:loadFailed')} {error}
        </p>
      )}
      <div className={styles.columns}>
        <InboxList items={items} total={total} loading={loading} arrived={arrived} selectedId={selectedId} labels={labels} onSelect={setSelectedId} />
        {selected ? (
          <InboxThread
            key={selected.id}
            interaction={selected}
            labels={labels}
            api={api}
            actions={actions}
            userId={userId}
            userRole={user?.role ?? ''}
            commandRef={commandRef}
            onUpdated={onUpdated}
            onShowPost={(variantId) => setFilters({ ...filters, post: String(variantId) })}
          />
        ) : (
          <p className={styles.empty}>{loading ? t('inboxView:loading') : t('inboxView:nothingSelected')}</p>
        )}
      </div>
    </div>
  )
}
