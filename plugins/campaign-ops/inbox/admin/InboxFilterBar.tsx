'use client'
import React, { useEffect, useState } from 'react'

import type { Localized } from '../../../../src/i18n/catalogue'
import { labelIn } from '../../publishing/admin/publishing-queue-labels'
import { usePluginStrings } from '../../translations/use-plugin-strings'
import type { InboxLabels } from './inbox-labels'
import { defaultInboxFilters, openStatusFilter, riskOrder, sameFilters } from './inbox-query'
import type { InboxFilterKey, InboxFilters } from './inbox-query'
import styles from './inbox.module.css'
import { useSavedViews } from './use-saved-views'

type Choice = { value: string; label: string }

function FilterSelect({
  name,
  label,
  value,
  choices,
  anyLabel,
  onChange,
}: {
  name: InboxFilterKey
  label: string
  value: string | undefined
  choices: Choice[]
  anyLabel: string
  onChange: (value: string) => void
}) {
  return (
    <label className={styles.filter}>
      <span>{label}</span>
      <select name={name} value={value ?? ''} onChange={(event) => onChange(event.target.value)}>
        <option value="">{anyLabel}</option>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </label>
  )
}

/** The filters above the list, the search box, and the person's saved views. */
export function InboxFilterBar({ filters, labels, onChange }: { filters: InboxFilters; labels: InboxLabels; onChange: (filters: InboxFilters) => void }) {
  const { t, language } = usePluginStrings()
  const { views, save, remove } = useSavedViews()
  const [search, setSearch] = useState(filters.q ?? '')
  const [naming, setNaming] = useState<string | null>(null)

  // The search applies once typing pauses, not at every key.
  useEffect(() => setSearch(filters.q ?? ''), [filters.q])
  useEffect(() => {
    if ((filters.q ?? '') === search.trim()) return
    const timer = setTimeout(() => onChange({ ...filters, q: search.trim() || undefined }), 400)
    return () => clearTimeout(timer)
  }, [search, filters, onChange])

  const set = (key: InboxFilterKey) => (value: string) => onChange({ ...filters, [key]: value || undefined })
  const choicesOf = (options: Record<string, Localized>): Choice[] => Object.keys(options).map((value) => ({ value, label: labelIn(options, value, language) }))

  return (
    <div className={styles.filterBar} data-testid="inbox-filters">
      <div className={styles.views} aria-label={t('inboxView:views:title')}>
        <button
          type="button"
          className={sameFilters(filters, defaultInboxFilters) ? styles.viewActive : styles.view}
          onClick={() => onChange(defaultInboxFilters)}
        >
          {t('inboxView:views:open')}
        </button>
        <button
          type="button"
          className={filters.assignee === 'me' && filters.status === openStatusFilter ? styles.viewActive : styles.view}
          onClick={() => onChange({ status: openStatusFilter, assignee: 'me' })}
        >
          {t('inboxView:views:mine')}
        </button>
        {views.map((view) => (
          <span key={view.id} className={styles.savedView}>
            <button type="button" className={sameFilters(filters, view.filters) ? styles.viewActive : styles.view} onClick={() => onChange(view.filters)}>
              {view.name}
            </button>
            <button
              type="button"
              className={styles.removeView}
              aria-label={t('inboxView:views:remove', { name: view.name })}
              onClick={() => void remove(view.id)}
            >
              ×
            </button>
          </span>
        ))}
        {naming === null ? (
          <button type="button" className={styles.linkButton} onClick={() => setNaming('')}>
            {t('inboxView:views:save')}
          </button>
        ) : (
          <form
            className={styles.saveView}
            onSubmit={(event) => {
              event.preventDefault()
              void save(naming, filters).then(() => setNaming(null))
            }}
          >
            <input
              autoFocus
              value={naming}
              maxLength={80}
              placeholder={t('inboxView:views:namePlaceholder')}
              aria-label={t('inboxView:views:nameLabel')}
              onChange={(event) => setNaming(event.target.value)}
            />
            <button type="submit" disabled={!naming.trim()}>
              {t('inboxView:views:confirm')}
            </button>
            <button type="button" className={styles.linkButton} onClick={() => setNaming(null)}>
              {t('inboxView:cancel')}
            </button>
          </form>
        )}
      </div>

      <div className={styles.filters}>
        <label className={styles.filter}>
          <span>{t('inboxView:filters:search')}</span>
          <input type="search" name="q" dir="auto" value={search} onChange={(event) => setSearch(event.target.value)} />
        </label>
        <label className={styles.filter}>
          <span>{t('triageModels:sortLabel')}</span>
          <select name="order" value={filters.order ?? ''} onChange={(event) => set('order')(event.target.value)} data-testid="inbox-order">
            <option value="">{t('triageModels:sortNewest')}</option>
            <option value={riskOrder}>{t('triageModels:sortRisk')}</option>
          </select>
        </label>
        <FilterSelect
          name="status"
          label={t('inboxView:filters:status')}
          value={filters.status}
          anyLabel={t('inboxView:filters:any')}
          choices={[{ value: openStatusFilter, label: t('inboxView:filters:openStatuses') }, ...choicesOf(labels.statuses)]}
          onChange={set('status')}
        />
        <FilterSelect
          name="network"
          label={t('inboxView:filters:network')}
          value={filters.network}
          anyLabel={t('inboxView:filters:any')}
          choices={Object.entries(labels.networks).map(([value, label]) => ({ value, label }))}
          onChange={set('network')}
        />
        <FilterSelect
          name="kind"
          label={t('inboxView:filters:kind')}
          value={filters.kind}
          anyLabel={t('inboxView:filters:any')}
          choices={choicesOf(labels.kinds)}
          onChange={set('kind')}
        />
        <FilterSelect
          name="category"
          label={t('inboxView:filters:category')}
          value={filters.category}
          anyLabel={t('inboxView:filters:any')}
          choices={choicesOf(labels.categories)}
          onChange={set('category')}
        />
        <FilterSelect
          name="language"
          label={t('inboxView:filters:language')}
          value={filters.language}
          anyLabel={t('inboxView:filters:any')}
          choices={choicesOf(labels.languages)}
          onChange={set('language')}
        />
        <FilterSelect
          name="assignee"
          label={t('inboxView:filters:assignee')}
          value={filters.assignee}
          anyLabel={t('inboxView:filters:anyone')}
          choices={[
            { value: 'me', label: t('inboxView:filters:me') },
            { value: 'none', label: t('inboxView:filters:nobody') },
            ...labels.team.map((member) => ({ value: String(member.id), label: member.name })),
          ]}
          onChange={set('assignee')}
        />
        {labels.keyMoments.length > 0 && (
          <FilterSelect
            name="keyMoment"
            label={t('inboxView:filters:keyMoment')}
            value={filters.keyMoment}
            anyLabel={t('inboxView:filters:any')}
            choices={labels.keyMoments.map((moment) => ({ value: String(moment.id), label: moment.title }))}
            onChange={set('keyMoment')}
          />
        )}
        <label className={styles.check}>
          <input type="checkbox" name="flagged" checked={filters.flagged === 'true'} onChange={(event) => set('flagged')(event.target.checked ? 'true' : '')} />
          <span>{t('inboxView:filters:flagged')}</span>
        </label>
        {filters.post && (
          <span className={styles.chip}>
            {t('inboxView:filters:onePost')}
            <button type="button" aria-label={t('inboxView:filters:allPosts')} onClick={() => set('post')('')}>
              ×
            </button>
          </span>
        )}
        <button type="button" className={styles.linkButton} onClick={() => onChange({})}>
          {t('inboxView:filters:clear')}
        </button>
      </div>
    </div>
  )
}
