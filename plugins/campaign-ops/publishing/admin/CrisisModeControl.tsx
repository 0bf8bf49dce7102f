'use client'
import { Button, toast, useAuth, useConfig, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import Link from 'next/link'
import React, { useEffect, useState } from 'react'

import { formatInCasablanca } from '../../../../src/domain/casablanca-time'
import { announceCrisisChange, callApi, crisisActorName, crisisRoles, normalizeCrisis, onCrisisChange, pickLanguage } from './publishing-client'
import type { ApiError, CrisisState, Lang } from './publishing-client'
import styles from './publishing.module.css'

export type CrisisModeControlProps = {
  /** The state already known to the page (the queue has it); fetched otherwise. */
  initial?: CrisisState | null
  /** Called after a switch, with the new state (the queue reloads). */
  onChanged?: (state: CrisisState) => void
  /** On the crisis-mode global's page, whose title already says "Crisis mode". */
  hideTitle?: boolean
}

const strings = {
  fr: {
    title: 'Mode crise',
    active: 'Publication suspendue — mode crise',
    inactive: 'Publication active',
    reason: 'Raison',
    since: 'Depuis',
    by: 'Par',
    lastChange: 'Dernier changement',
    explainActivate:
      'Le mode crise suspend toutes les publications : les variantes qui arrivent à échéance sont retenues jusqu’à la levée, aucune ne part sur les réseaux.',
    explainRelease: 'À la levée, les variantes retenues ne partent pas d’elles-mêmes : chacune attend d’être publiée, reprogrammée ou annulée.',
    reasonActivate: 'Raison de la suspension (obligatoire, consignée au journal)',
    reasonRelease: 'Raison de la reprise (obligatoire, consignée au journal)',
    activate: 'Suspendre la publication',
    release: 'Reprendre la publication',
    confirmActivate: 'Suspendre toute publication maintenant ?',
    confirmRelease: 'Reprendre la publication maintenant ?',
    confirm: 'Confirmer',
    back: 'Retour',
    needsReason: 'La raison est obligatoire.',
    activated: 'Mode crise activé : publication suspendue.',
    released: 'Publication reprise.',
    held: (count: number) =>
      `${count} variante${count > 1 ? 's' : ''} retenue${count > 1 ? 's' : ''} pendant la pause attend${count > 1 ? 'ent' : ''} d’être publiée${count > 1 ? 's' : ''}, reprogrammée${count > 1 ? 's' : ''} ou annulée${count > 1 ? 's' : ''}.`,
    seeQueue: 'Voir la file de publication',
    readOnly: 'Seuls le NCSC et les administrateurs peuvent changer le mode crise.',
    loadFailed: 'L’état du mode crise n’a pas pu être chargé :',
    loading: 'Chargement…',
  },
  ar: {
    title: 'وضع الأزمة',
    active: 'النشر موقوف — وضع الأزمة',
    inactive: 'النشر مفعّل',
    reason: 'السبب',
    since: 'منذ',
    by: 'بواسطة',
    lastChange: 'آخر تغيير',
    explainActivate: 'يوقف وضع الأزمة كل عمليات النشر: تُحتجز الصيغ التي يحين موعدها إلى حين رفعه، ولا يُنشر شيء على المنصات.',
    explainRelease: 'عند الرفع، لا تُنشر الصيغ المحتجزة تلقائيا: تنتظر كل واحدة منها النشر أو إعادة البرمجة أو الإلغاء.',
    reasonActivate: 'سبب الإيقاف (إلزامي، يُسجَّل في السجل)',
    reasonRelease: 'سبب الاستئناف (إلزامي، يُسجَّل في السجل)',
    activate: 'إيقاف النشر',
    release: 'استئناف النشر',
    confirmActivate: 'إيقاف كل عمليات النشر الآن؟',
    confirmRelease: 'استئناف النشر الآن؟',
    confirm: 'تأكيد',
    back: 'رجوع',
    needsReason: 'السبب إلزامي.',
    activated: 'تم تفعيل وضع الأزمة: النشر موقوف.',
    released: 'تم استئناف النشر.',
    held: (count: number) => `صيغ محتجزة أثناء التوقف تنتظر النشر أو إعادة البرمجة أو الإلغاء: ${count}`,
    seeQueue: 'عرض قائمة النشر',
    readOnly: 'لا يغيّر وضع الأزمة إلا فريق الحملة والمديرون.',
    loadFailed: 'تعذّر تحميل حالة وضع الأزمة:',
    loading: 'جارٍ التحميل…',
  },
  en: {
    title: 'Crisis mode',
    active: 'Publishing suspended — crisis mode',
    inactive: 'Publishing active',
    reason: 'Reason',
    since: 'Since',
    by: 'By',
    lastChange: 'Last change',
    explainActivate: 'Crisis mode suspends all publishing: variants that fall due are held until it is released, nothing goes out to the networks.',
    explainRelease: 'On release, held variants do not go out by themselves: each waits to be published, rescheduled or cancelled.',
    reasonActivate: 'Reason for suspending (required, logged)',
    reasonRelease: 'Reason for resuming (required, logged)',
    activate: 'Suspend publishing',
    release: 'Resume publishing',
    confirmActivate: 'Suspend all publishing now?',
    confirmRelease: 'Resume publishing now?',
    confirm: 'Confirm',
    back: 'Back',
    needsReason: 'The reason is required.',
    activated: 'Crisis mode on: publishing suspended.',
    released: 'Publishing resumed.',
    held: (count: number) =>
      `${count} variant${count > 1 ? 's' : ''} held during the pause wait${count > 1 ? '' : 's'} to be published, rescheduled or cancelled.`,
    seeQueue: 'Open the publishing queue',
    readOnly: 'Only NCSC and administrators can switch crisis mode.',
    loadFailed: 'The crisis mode state could not be loaded:',
    loading: 'Loading…',
  },
} satisfies Record<Lang, unknown>

/**
 * Shows crisis mode and, for NCSC and administrators, switches it with a required reason and a
 * confirmation (`POST /api/publishing/crisis`). Used in the publishing queue and on the
 * crisis-mode global's page.
 */
export function CrisisModeControl({ initial, onChanged, hideTitle }: CrisisModeControlProps) {
  const { user } = useAuth<{ role?: string }>()
  const { i18n } = useTranslation()
  const { config } = useConfig()
  const router = useRouter()
  const lang = pickLanguage(i18n.language)
  const t = strings[lang]
  const api = config.routes.api
  const canSwitch = crisisRoles.includes(user?.role ?? '')

  const [crisis, setCrisis] = useState<CrisisState | null>(initial ?? null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [reason, setReason] = useState('')
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const [heldAfterRelease, setHeldAfterRelease] = useState<number | null>(null)

  // The page's copy wins when it is newer (the queue reloads every few seconds).
  useEffect(() => {
    if (initial) setCrisis(initial)
  }, [initial])

  useEffect(() => {
    if (initial !== undefined) return
    const controller = new AbortController()
    callApi<unknown>(`${api}/publishing/crisis`, { signal: controller.signal })
      .then((result) => {
        if (!result.ok) return setLoadError(result.message)
        setCrisis(normalizeCrisis(result.body))
      })
      .catch(() => undefined)
    return () => controller.abort()
  }, [api, initial])

  useEffect(() => onCrisisChange(setCrisis), [])

  function requestSwitch() {
    setError(null)
    if (!reason.trim()) return setError({ status: 0, message: t.needsReason, field: 'reason' })
    setConfirming(true)
  }

  async function switchMode() {
    if (!crisis) return
    const activate = !crisis.active
    setBusy(true)
    setError(null)
    const result = await callApi<unknown>(`${api}/publishing/crisis`, { method: 'POST', body: { active: activate, reason: reason.trim() } })
    setBusy(false)
    setConfirming(false)
    if (!result.ok) return setError(result)
    const next = normalizeCrisis(result.body) ?? { active: activate, reason: reason.trim(), changedAt: new Date().toISOString(), changedBy: null }
    setCrisis(next)
    setReason('')
    setHeldAfterRelease(activate ? null : (next.heldVariants ?? null))
    toast.success(activate ? t.activated : t.released)
    announceCrisisChange(next)
    onChanged?.(next)
    // The banner above every page and the global's read-only fields are server-rendered.
    router.refresh()
  }

  const dir = lang === 'ar' ? 'rtl' : 'ltr'
  const actor = crisis ? crisisActorName(crisis.changedBy) : null
  const reasonError = error?.field === 'reason' ? error : null
  const generalError = error && error.field !== 'reason' ? error : null

  return (
    <section id="crisis-control" dir={dir} lang={lang} data-testid="crisis-mode-control" aria-label={t.title} style={{ marginBlock: '0 1.5rem' }}>
      {!hideTitle && <h2 style={{ marginBlock: '0 0.75rem' }}>{t.title}</h2>}
      {loadError && (
        <p className={styles.error} role="alert">
          {t.loadFailed} {loadError}
        </p>
      )}
      {!crisis && !loadError && <p className={styles.muted}>{t.loading}</p>}
      {crisis && (
        <div className={styles.crisisState} data-active={crisis.active} data-testid="crisis-state" role="status">
          <strong>{crisis.active ? t.active : t.inactive}</strong>
          {(crisis.reason || crisis.changedAt) && (
            <dl className={styles.facts} style={{ marginBlockStart: '0.5rem' }}>
              {crisis.reason && (
                <>
                  <dt>{crisis.active ? t.reason : `${t.lastChange} · ${t.reason}`}</dt>
                  <dd dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
                    {crisis.reason}
                  </dd>
                </>
              )}
              {crisis.changedAt && (
                <>
                  <dt>{t.since}</dt>
                  <dd>{formatInCasablanca(crisis.changedAt, lang)}</dd>
                </>
              )}
              {actor && (
                <>
                  <dt>{t.by}</dt>
                  <dd dir="auto">{actor}</dd>
                </>
              )}
            </dl>
          )}
        </div>
      )}
      {heldAfterRelease !== null && heldAfterRelease > 0 && (
        <p className={styles.warning} role="status">
          {t.held(heldAfterRelease)} <Link href={`${config.routes.admin}/publishing-queue#attention`}>{t.seeQueue}</Link>
        </p>
      )}
      {crisis && !canSwitch && <p className={styles.muted}>{t.readOnly}</p>}
      {crisis && canSwitch && (
        <div className={styles.form}>
          <p style={{ margin: 0 }}>{crisis.active ? t.explainRelease : t.explainActivate}</p>
          <label htmlFor="crisis-reason">{crisis.active ? t.reasonRelease : t.reasonActivate}</label>
          <textarea
            id="crisis-reason"
            className={styles.input}
            rows={3}
            dir="auto"
            required
            value={reason}
            disabled={busy || confirming}
            aria-invalid={Boolean(reasonError)}
            aria-describedby={reasonError ? 'crisis-reason-error' : undefined}
            onChange={(event) => setReason(event.target.value)}
          />
          {reasonError && (
            <span className={styles.fieldError} id="crisis-reason-error" role="alert">
              {reasonError.message}
            </span>
          )}
          {confirming ? (
            <div className={styles.actions} role="group" aria-label={crisis.active ? t.confirmRelease : t.confirmActivate}>
              <strong style={{ flexBasis: '100%' }}>{crisis.active ? t.confirmRelease : t.confirmActivate}</strong>
              <Button
                buttonStyle="primary"
                className={crisis.active ? undefined : styles.danger}
                size="small"
                disabled={busy}
                onClick={() => void switchMode()}
              >
                {t.confirm}
              </Button>
              <Button buttonStyle="secondary" size="small" disabled={busy} onClick={() => setConfirming(false)}>
                {t.back}
              </Button>
            </div>
          ) : (
            <div className={styles.actions}>
              <Button buttonStyle="primary" className={crisis.active ? undefined : styles.danger} size="small" disabled={busy} onClick={requestSwitch}>
                {crisis.active ? t.release : t.activate}
              </Button>
            </div>
          )}
        </div>
      )}
      {generalError && (
        <p className={styles.error} role="alert">
          {generalError.message}
        </p>
      )}
    </section>
  )
}
