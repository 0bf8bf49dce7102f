'use client'
import React from 'react'

import { useAppStrings } from '../i18n/use-app-strings'
import { localizedOptions } from './calendar-options'
import type { CalendarOption, LabelledOption } from './calendar-options'
import styles from './calendar.module.css'
import type { FilterName } from './use-calendar-filters'

function FilterGroup(props: { legend: string; options: LabelledOption[]; selected: string[]; onToggle: (value: string) => void }) {
  return (
    <fieldset className={styles.filter}>
      <legend>{props.legend}</legend>
      {props.options.map((option) => (
        <label key={option.value} className={styles.option}>
          <input type="checkbox" checked={props.selected.includes(option.value)} onChange={() => props.onToggle(option.value)} />
          {option.colour && <span className={styles.swatch} style={{ background: option.colour }} aria-hidden />}
          <span dir="auto">{option.label}</span>
        </label>
      ))}
    </fieldset>
  )
}

/** The calendar's filters (networks, themes, audiences, languages), and a button to clear them when any is ticked. */
export function CalendarFilterPanel(props: {
  filters: Record<FilterName, string[]>
  active: boolean
  platforms: CalendarOption[]
  themes: LabelledOption[]
  audiences: CalendarOption[]
  languages: CalendarOption[]
  onToggle: (name: FilterName, value: string) => void
  onClear: () => void
}) {
  const { filters, onToggle } = props
  const { t, language } = useAppStrings()
  return (
    <>
      <div className={styles.filters}>
        <FilterGroup
          legend={t('calendar:platform')}
          options={localizedOptions(props.platforms, language)}
          selected={filters.platform}
          onToggle={(value) => onToggle('platform', value)}
        />
        <FilterGroup legend={t('calendar:theme')} options={props.themes} selected={filters.theme} onToggle={(value) => onToggle('theme', value)} />
        <FilterGroup
          legend={t('calendar:audience')}
          options={localizedOptions(props.audiences, language)}
          selected={filters.audience}
          onToggle={(value) => onToggle('audience', value)}
        />
        <FilterGroup
          legend={t('calendar:language')}
          options={localizedOptions(props.languages, language)}
          selected={filters.language}
          onToggle={(value) => onToggle('language', value)}
        />
      </div>
      {props.active && (
        <p>
          <button type="button" className={styles.toggle} onClick={() => props.onClear()}>
            {t('calendar:clearFilters')}
          </button>
        </p>
      )}
    </>
  )
}
