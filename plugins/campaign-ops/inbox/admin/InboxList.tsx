'use client'
import React, { useEffect, useState } from 'react'

import type { Interaction } from '../../../../payload-types'
import { formatInCasablanca } from '../../../../src/domain/casablanca-time'
import { labelIn } from '../../publishing/admin/publishing-queue-labels'
import { usePluginStrings } from '../../translations/use-plugin-strings'
import { durationParts, isUnreviewed, slaState } from './inbox-badges'
import type { SlaState } from './inbox-badges'
import { memberName } from './inbox-labels'
import type { InboxLabels } from './inbox-labels'
import styles from './inbox.module.css'

/** The clock the answer timers read, ticking once a minute. */
function useMinuteClock(): Date {
  const [now, setNow] = useState(() => new Date())
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000)
    return () => clearInterval(timer)
  }, [])
  return now
}

function SlaBadge({ state }: { state: SlaState }) {
  const { t } = usePluginStrings()
  if (state.kind === 'none') return null
  const { hours, minutes } = durationParts(state.minutes)
  const duration =
    hours > 0 ? t('inboxView:duration:hours', { hours, minutes: String(minutes).padStart(2, '0') }) : t('inboxView:duration:minutes', { minutes })
  const className = state.kind === 'overdue' ? styles.badgeLate : state.kind === 'soon' ? styles.badgeSoon : styles.badgeTime
  return (
    <span className={className} data-sla={state.kind}>
      {state.kind === 'overdue' ? t('inboxView:sla:late', { duration }) : t('inboxView:sla:left', { duration })}
    </span>
  )
}

/** From this risk on, a line says it: the rules' low severity (0.7) or the model more sure than not. */
const shownRisk = 0.5

/** One line of the list: who, where, what, and the badges that say what it needs. */
function InboxRow({
  item,
  labels,
  isNew,
  selected,
  now,
  onSelect,
}: {
  item: Interaction
  labels: InboxLabels
  isNew: boolean
  selected: boolean
  now: Date
  onSelect: () => void
}) {
  const { t, language } = usePluginStrings()
  const category = item.moderation?.category
  return (
    <li>
      <button
        type="button"
        className={selected ? styles.rowSelected : styles.row}
        onClick={onSelect}
        aria-current={selected ? 'true' : undefined}
        data-interaction-id={item.id}
        data-status={item.status}
      >
        <span className={styles.rowHead}>
          {isUnreviewed(item) && <span className={styles.unread} title={t('inboxView:badges:unreviewed')} aria-label={t('inboxView:badges:unreviewed')} />}
          <strong dir="auto">{item.authorHandle || t('inboxView:anonymousAuthor')}</strong>
          <span className={styles.muted}>
            {labels.networks[item.network] ?? item.network} · {labelIn(labels.kinds, item.kind, language)}
          </span>
          <span className={styles.muted}>{formatInCasablanca(item.receivedAt, language)}</span>
        </span>
        <span className={styles.excerpt} dir="auto">
          {item.text || t('inboxView:noText')}
        </span>
        <span className={styles.badges}>
          {isNew && <span className={styles.badgeNew}>{t('inboxView:badges:new')}</span>}
          <span className={styles.badge}>{labelIn(labels.statuses, item.status, language)}</span>
          {category && <span className={styles.badgeCategory}>{labelIn(labels.categories, category, language)}</span>}
          {(item.moderation?.risk ?? 0) >= shownRisk && (
            <span className={styles.badgeSoon} data-testid="inbox-risk-badge">
              {t('triageModels:riskBadge', { risk: Math.round((item.moderation?.risk ?? 0) * 100) })}
            </span>
          )}
          {item.hiddenOnNetwork && <span className={styles.badge}>{t('inboxView:badges:hidden')}</span>}
          {item.removedOnNetworkAt && <span className={styles.badge}>{t('inboxView:badges:removed')}</span>}
          {item.assignee && <span className={styles.badge}>{memberName(labels.team, item.assignee, t('inboxView:unknownMember'))}</span>}
          <SlaBadge state={slaState(item, now)} />
        </span>
      </button>
    </li>
  )
}

export function InboxList({
  items,
  total,
  loading,
  arrived,
  selectedId,
  labels,
  onSelect,
}: {
  items: Interaction[]
  total: number
  loading: boolean
  arrived: ReadonlySet<number>
  selectedId: number | null
  labels: InboxLabels
  onSelect: (id: number) => void
}) {
  const { t } = usePluginStrings()
  const now = useMinuteClock()
  return (
    <section className={styles.list} aria-label={t('inboxView:listLabel')}>
      <p className={styles.muted} aria-live="polite">
        {loading && items.length === 0 ? t('inboxView:loading') : t('inboxView:count', { shown: items.length, total })}
      </p>
      {!loading && items.length === 0 && <p className={styles.empty}>{t('inboxView:emptyList')}</p>}
      <ul data-testid="inbox-list">
        {items.map((item) => (
          <InboxRow
            key={item.id}
            item={item}
            labels={labels}
            isNew={arrived.has(item.id)}
            selected={item.id === selectedId}
            now={now}
            onSelect={() => onSelect(item.id)}
          />
        ))}
      </ul>
    </section>
  )
}
