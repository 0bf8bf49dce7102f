'use client'
import React from 'react'

import { useAppStrings } from '../i18n/use-app-strings'
import type { Preview } from './use-variant-report'

/** The post as the network's feed shows it: the text cut where the feed cuts it, the first image cropped, right to left for Arabic and Darija. */
export function VariantPostPreview(props: { composedText: string; truncationIndex: number | undefined; preview: Preview }) {
  const { composedText, preview } = props
  const cut = props.truncationIndex
  const { t } = useAppStrings()
  return (
    <>
      <h4>{t('variantReport:preview')}</h4>
      <div dir={preview.rtl ? 'rtl' : 'ltr'} style={{ maxWidth: 420, border: '1px solid var(--theme-elevation-100)', borderRadius: 8, padding: 12 }}>
        <p style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', marginTop: 0 }}>
          {cut !== undefined && cut < composedText.length ? (
            <>
              {composedText.slice(0, cut)}
              <span style={{ opacity: 0.6 }}>{t('variantReport:more')}</span>
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
    </>
  )
}
