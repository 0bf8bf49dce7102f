'use client'
import React from 'react'

import { useAppStrings } from '../i18n/use-app-strings'
import { VariantIssueList } from './VariantIssueList'
import { VariantPostPreview } from './VariantPostPreview'
import { useVariantReport } from './use-variant-report'

/**
 * The variant's validation report, recomputed by the server as the CM types (the same code that
 * checks on save), and a preview of the post: where the feed truncates the text, how the first
 * image is cropped, right to left for Arabic and Darija.
 */
export function VariantReportField() {
  const { t } = useAppStrings()
  const { picked, result } = useVariantReport()

  if (!picked) return <p>{t('variantReport:pick')}</p>
  if (!result) return null
  const { report, composedText, preview } = result
  return (
    <div data-testid="variant-report" style={{ border: '1px solid var(--theme-elevation-150)', borderRadius: 4, padding: '1rem', marginBlock: '1rem' }}>
      <h4 style={{ marginTop: 0 }}>{t('variantReport:title')}</h4>
      <p>
        {t('variantReport:length')}: <strong>{report.measures.textLength}</strong>
        {report.measures.textLimit ? ` / ${report.measures.textLimit}` : ''} ({report.measures.countingMethod}) · {t('variantReport:hashtags')}:{' '}
        {report.measures.hashtagCount} · {t('variantReport:mentions')}: {report.measures.mentionCount}
      </p>
      {report.errors.length === 0 && report.warnings.length === 0 && <p style={{ color: 'var(--theme-success-600)' }}>✔ {t('variantReport:ok')}</p>}
      <VariantIssueList heading={t('variantReport:errors')} colour="var(--theme-error-600)" issues={report.errors} />
      <VariantIssueList heading={t('variantReport:warnings')} colour="var(--theme-warning-600)" issues={report.warnings} />
      <VariantPostPreview composedText={composedText} truncationIndex={report.measures.truncationIndex} preview={preview} />
    </div>
  )
}
