'use client'
import { useFormFields, useTranslation } from '@payloadcms/ui'
import React, { useEffect, useMemo, useState } from 'react'

type Issue = { code: string; field: string; message: { fr: string; ar: string; en: string } }
type Report = {
  ok: boolean
  errors: Issue[]
  warnings: Issue[]
  measures: { textLength: number; textLimit: number | null; countingMethod: string; hashtagCount: number; mentionCount: number; truncationIndex?: number }
}
type Preview = { rtl: boolean; rendition: string; aspectRatio: number; mediaUrl: string | null; mediaKind: string | null }

const strings = {
  fr: {
    title: 'Contrôle des limites (en direct)',
    errors: 'Erreurs',
    warnings: 'Avertissements',
    ok: 'Conforme aux limites du réseau',
    length: 'Longueur',
    hashtags: 'Hashtags',
    mentions: 'Mentions',
    preview: 'Aperçu',
    more: '… voir plus',
    pick: 'Choisissez un réseau et une langue.',
  },
  ar: {
    title: 'فحص الحدود (مباشر)',
    errors: 'أخطاء',
    warnings: 'تنبيهات',
    ok: 'مطابق لحدود المنصة',
    length: 'الطول',
    hashtags: 'الوسوم',
    mentions: 'الإشارات',
    preview: 'معاينة',
    more: '… عرض المزيد',
    pick: 'اختر المنصة واللغة.',
  },
  en: {
    title: 'Limit checks (live)',
    errors: 'Errors',
    warnings: 'Warnings',
    ok: 'Within the network’s limits',
    length: 'Length',
    hashtags: 'Hashtags',
    mentions: 'Mentions',
    preview: 'Preview',
    more: '… see more',
    pick: 'Choose a network and a language.',
  },
}

const idOf = (value: unknown) => (value && typeof value === 'object' ? (value as { id: unknown }).id : value)

/**
 * The variant's validation report, recomputed by the server as the CM types (the same code that
 * checks on save), and a preview of the post: where the feed truncates the text, how the first
 * image is cropped, right to left for Arabic and Darija.
 */
export function VariantReportField() {
  const { i18n } = useTranslation()
  const lang = (['fr', 'ar', 'en'].includes(i18n.language) ? i18n.language : 'fr') as keyof typeof strings
  const t = strings[lang]
  const values = useFormFields(([fields]) => ({
    platform: fields.platform?.value,
    language: fields.language?.value,
    text: fields.text?.value,
    title: fields.title?.value,
    hashtags: fields.hashtags?.value,
    link: fields.link?.value,
    firstComment: fields.firstComment?.value,
    media: fields.media?.value,
  }))
  const body = useMemo(
    () =>
      JSON.stringify({
        ...values,
        media: Array.isArray(values.media) ? values.media.map(idOf) : [],
        hashtags: Array.isArray(values.hashtags) ? values.hashtags : [],
      }),
    [values],
  )
  const [result, setResult] = useState<{ report: Report; composedText: string; preview: Preview } | null>(null)

  useEffect(() => {
    if (!values.platform || !values.language) return
    const controller = new AbortController()
    const timer = setTimeout(() => {
      fetch('/api/platform-variants/validate', {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body,
        signal: controller.signal,
      })
        .then((response) => (response.ok ? response.json() : null))
        .then((json) => json && setResult(json))
        .catch(() => undefined)
    }, 300)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [body, values.platform, values.language])

  if (!values.platform || !values.language) return <p>{t.pick}</p>
  if (!result) return null
  const { report, composedText, preview } = result
  const cut = report.measures.truncationIndex
  return (
    <div data-testid="variant-report" style={{ border: '1px solid var(--theme-elevation-150)', borderRadius: 4, padding: '1rem', marginBlock: '1rem' }}>
      <h4 style={{ marginTop: 0 }}>{t.title}</h4>
      <p>
        {t.length}: <strong>{report.measures.textLength}</strong>
        {report.measures.textLimit ? ` / ${report.measures.textLimit}` : ''} ({report.measures.countingMethod}) · {t.hashtags}: {report.measures.hashtagCount} ·{' '}
        {t.mentions}: {report.measures.mentionCount}
      </p>
      {report.errors.length === 0 && report.warnings.length === 0 && <p style={{ color: 'var(--theme-success-600)' }}>✔ {t.ok}</p>}
      {report.errors.length > 0 && (
        <>
          <strong style={{ color: 'var(--theme-error-600)' }}>{t.errors}</strong>
          <ul>
            {report.errors.map((issue, index) => (
              <li key={index} data-code={issue.code}>
                {issue.message[lang]} <code>{issue.field}</code>
              </li>
            ))}
          </ul>
        </>
      )}
      {report.warnings.length > 0 && (
        <>
          <strong style={{ color: 'var(--theme-warning-600)' }}>{t.warnings}</strong>
          <ul>
            {report.warnings.map((issue, index) => (
              <li key={index} data-code={issue.code}>
                {issue.message[lang]} <code>{issue.field}</code>
              </li>
            ))}
          </ul>
        </>
      )}
      <h4>{t.preview}</h4>
      <div dir={preview.rtl ? 'rtl' : 'ltr'} style={{ maxWidth: 420, border: '1px solid var(--theme-elevation-100)', borderRadius: 8, padding: 12 }}>
        <p style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', marginTop: 0 }}>
          {cut !== undefined && cut < composedText.length ? (
            <>
              {composedText.slice(0, cut)}
              <span style={{ opacity: 0.6 }}>{t.more}</span>
            </>
          ) : (
            composedText
          )}
        </p>
        {preview.mediaUrl && preview.mediaKind !== 'video' && (
          <div style={{ aspectRatio: String(preview.aspectRatio), overflow: 'hidden', borderRadius: 4, background: '#eee' }}>
            <img alt="" src={preview.mediaUrl} style={{ width: '100%', height: '100%', objectFit: 'cover' }} />
          </div>
        )}
      </div>
    </div>
  )
}
