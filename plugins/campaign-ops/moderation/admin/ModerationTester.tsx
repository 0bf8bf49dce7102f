'use client'
import { Button } from '@payloadcms/ui'
import React, { useState } from 'react'

import { usePluginStrings } from '../../translations/use-plugin-strings'
import { moderationActionOptions, moderationCategoryOptions, optionLabel } from '../option-labels'
import { ruleNameIn } from '../rule-names'
import type { RuleNames } from '../types'
import { Highlighted } from './Highlighted'
import type { Span } from './Highlighted'

type Decision = {
  text: string
  flagged: boolean
  action: string | null
  category: string | null
  spans: Span[]
  explanation: string
  rules: { id: string; name: string; names?: RuleNames; category: string; action: string }[]
}

export function ModerationTester() {
  const { t, language } = usePluginStrings()
  const [input, setInput] = useState('')
  const [rules, setRules] = useState<'active' | 'default'>('active')
  const [decisions, setDecisions] = useState<Decision[]>([])
  const [error, setError] = useState<string | null>(null)

  async function run() {
    setError(null)
    const comments = input
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
    const response = await fetch('/api/moderation/check', {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ comments, rules }),
    })
    const body = await response.json()
    if (!response.ok) {
      setError(body.errors?.[0]?.message ?? t('moderationTester:failed'))
      setDecisions([])
      return
    }
    setDecisions(body.decisions)
  }

  return (
    <div style={{ paddingBlock: '2rem' }}>
      <h1>{t('moderationTester:title')}</h1>
      <p>{t('moderationTester:intro')}</p>
      <textarea
        aria-label={t('moderationTester:title')}
        dir="auto"
        rows={8}
        style={{ width: '100%', fontSize: '1rem' }}
        value={input}
        onChange={(event) => setInput(event.target.value)}
      />
      <div style={{ display: 'flex', gap: '1rem', alignItems: 'center', marginBlock: '1rem' }}>
        <label>
          {t('moderationTester:ruleSet')}{' '}
          <select value={rules} onChange={(event) => setRules(event.target.value as 'active' | 'default')}>
            <option value="active">{t('moderationTester:active')}</option>
            <option value="default">{t('moderationTester:shipped')}</option>
          </select>
        </label>
        <Button onClick={() => void run()}>{t('moderationTester:run')}</Button>
      </div>
      {error && <p role="alert">{error}</p>}
      <ol data-testid="moderation-decisions">
        {decisions.map((decision, index) => (
          <li key={index} style={{ marginBlock: '0.75rem' }}>
            <Highlighted text={decision.text} spans={decision.spans} />
            <div style={{ opacity: 0.8, fontSize: '0.9em' }}>
              {decision.flagged
                ? // The reader's words, not the codes: labels, and each rule's name in their language.
                  [
                    decision.action && optionLabel(moderationActionOptions, decision.action, language),
                    decision.category && optionLabel(moderationCategoryOptions, decision.category, language),
                    decision.rules.map((rule) => ruleNameIn(rule, language)).join(t('decisionExplanation:separator')),
                  ]
                    .filter(Boolean)
                    .join(' · ')
                : t('moderationTester:clean')}
            </div>
            {decision.flagged && <div style={{ fontSize: '0.85em' }}>{decision.explanation}</div>}
          </li>
        ))}
      </ol>
    </div>
  )
}
