'use client'
import { Button, useConfig, useTranslation } from '@payloadcms/ui'
import Link from 'next/link'
import React, { useCallback, useEffect, useMemo, useState } from 'react'

import { formatInCasablanca } from '../../../../src/domain/casablanca-time'
import { reasonInLanguage } from '../../../../src/i18n/stored-reason'
import { CrisisModeControl } from './CrisisModeControl'
import { callApi, localize, normalizeCrisis, onCrisisChange, pickLanguage } from './publishing-client'
import type { Id, Lang, Localized } from './publishing-client'
import styles from './publishing.module.css'

export type PublishingQueueProps = {
  stateLabels: Record<string, Localized>
  accountStatusLabels: Record<string, Localized>
  platformLabels: Record<string, Localized>
  languageLabels: Record<string, Localized>
}

type QueueAccount = { id: Id; name?: string | null; status?: string | null; connection?: string | null }
type QueueItem = {
  id: Id
  label?: string | null
  platform: string
  language?: string | null
  scheduledAt?: string | null
  publicationState: string
  /** Scheduled, and its time has passed (the scheduler has not taken it yet). */
  overdue?: boolean
  account: QueueAccount | null
  contentItem?: { id: Id; title?: unknown } | null
}
type QueueNetwork = { network: string; label?: unknown; items: QueueItem[] }
type AttentionItem = {
  id: Id
  label?: string | null
  platform: string
  publicationState: string
  lastError?: string | null
  scheduledAt?: string | null
}
type Queue = { now?: string; crisis?: unknown; networks: QueueNetwork[]; attention: AttentionItem[] }

const hours = 24
const refreshMs = 30_000

const strings = {
  fr: {
    title: 'File de publication',
    upcoming: `Dans les ${hours} prochaines heures`,
    attention: 'À traiter',
    attentionIntro:
      'Résultat inconnu, échec, retenue (crise ou approbation retirée), publication bloquée ou compte à reconnecter : chacune attend une personne.',
    nothingUpcoming: `Rien de programmé dans les ${hours} prochaines heures.`,
    nothingOnNetwork: 'Rien de prévu.',
    nothingToDo: 'Rien à traiter.',
    time: 'Heure',
    variant: 'Variante',
    content: 'Contenu',
    language: 'Langue',
    state: 'État',
    account: 'Compte',
    defaultAccount: 'compte par défaut du réseau',
    overdue: 'en retard',
    manual: 'manuelle',
    scheduledFor: 'prévue le',
    lastError: 'Dernière erreur',
    refresh: 'Actualiser',
    updatedAt: 'Mis à jour :',
    loading: 'Chargement…',
    failed: 'La file de publication n’a pas pu être chargée :',
    timeNote: 'Heures de Casablanca (le Maroc change d’heure pendant le Ramadan).',
    count: (count: number) => `${count} publication${count > 1 ? 's' : ''}`,
  },
  ar: {
    title: 'قائمة النشر',
    upcoming: `خلال ${hours} ساعة القادمة`,
    attention: 'تحتاج إلى تدخل',
    attentionIntro: 'نتيجة غير معروفة، أو فشل، أو احتجاز (أزمة أو سحب اعتماد)، أو نشر متوقف، أو حساب يحتاج إعادة الربط: كل واحدة تنتظر تدخل شخص.',
    nothingUpcoming: `لا شيء مبرمج خلال ${hours} ساعة القادمة.`,
    nothingOnNetwork: 'لا شيء مبرمج.',
    nothingToDo: 'لا شيء يحتاج إلى تدخل.',
    time: 'الساعة',
    variant: 'الصيغة',
    content: 'المحتوى',
    language: 'اللغة',
    state: 'الحالة',
    account: 'الحساب',
    defaultAccount: 'الحساب الافتراضي للمنصة',
    overdue: 'متأخرة',
    manual: 'يدوي',
    scheduledFor: 'موعدها',
    lastError: 'آخر خطأ',
    refresh: 'تحديث',
    updatedAt: 'آخر تحديث:',
    loading: 'جارٍ التحميل…',
    failed: 'تعذّر تحميل قائمة النشر:',
    timeNote: 'الأوقات بتوقيت الدار البيضاء (يتغير توقيت المغرب خلال رمضان).',
    count: (count: number) => `منشورات: ${count}`,
  },
  en: {
    title: 'Publishing queue',
    upcoming: `In the next ${hours} hours`,
    attention: 'Needs attention',
    attentionIntro: 'Unknown outcome, failed, held (crisis or approval withdrawn), stuck publishing, or an account to reconnect: each one waits for a person.',
    nothingUpcoming: `Nothing scheduled in the next ${hours} hours.`,
    nothingOnNetwork: 'Nothing planned.',
    nothingToDo: 'Nothing needs attention.',
    time: 'Time',
    variant: 'Variant',
    content: 'Content',
    language: 'Language',
    state: 'State',
    account: 'Account',
    defaultAccount: 'the network’s default account',
    overdue: 'overdue',
    manual: 'manual',
    scheduledFor: 'scheduled for',
    lastError: 'Last error',
    refresh: 'Refresh',
    updatedAt: 'Updated:',
    loading: 'Loading…',
    failed: 'The publishing queue could not be loaded:',
    timeNote: 'Casablanca time (Morocco changes its clocks around Ramadan).',
    count: (count: number) => `${count} post${count > 1 ? 's' : ''}`,
  },
} satisfies Record<Lang, unknown>

/** The queue page's content: loads `GET /api/publishing/queue?hours=24` and keeps it fresh. */
export function PublishingQueue(props: PublishingQueueProps) {
  const { i18n } = useTranslation()
  const { config } = useConfig()
  const lang = pickLanguage(i18n.language)
  const t = strings[lang]
  const { api, admin } = config.routes

  const [queue, setQueue] = useState<Queue | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [loading, setLoading] = useState(false)

  const load = useCallback(
    async (signal?: AbortSignal) => {
      setLoading(true)
      const result = await callApi<Queue>(`${api}/publishing/queue?hours=${hours}`, { signal }).catch(() => null)
      if (!result) return
      setLoading(false)
      if (!result.ok) return setError(result.message)
      setError(null)
      setQueue({ ...result.body, networks: result.body.networks ?? [], attention: result.body.attention ?? [] })
    },
    [api],
  )

  useEffect(() => {
    const controller = new AbortController()
    void load(controller.signal)
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void load(controller.signal)
    }, refreshMs)
    return () => {
      clearInterval(timer)
      controller.abort()
    }
  }, [load])

  // A switch from the crisis control (here or elsewhere in this tab): what is held changes.
  useEffect(() => onCrisisChange(() => void load()), [load])

  const crisis = useMemo(() => (queue ? normalizeCrisis(queue.crisis) : null), [queue])
  const upcomingCount = queue?.networks.reduce((total, network) => total + network.items.length, 0) ?? 0

  const format = (iso: string | null | undefined) => (iso ? formatInCasablanca(iso, lang) : '—')
  const label = (labels: Record<string, Localized>, value: string | null | undefined) => (value ? (labels[value]?.[lang] ?? value) : '')
  const stateBadge = (state: string) => (
    <span className={styles.badge} data-state={state}>
      {label(props.stateLabels, state)}
    </span>
  )
  const variantLink = (item: { id: Id; label?: string | null; platform: string }) => (
    <Link href={`${admin}/collections/platform-variants/${item.id}`} dir="auto">
      {item.label || `${label(props.platformLabels, item.platform)} #${item.id}`}
    </Link>
  )

  return (
    <div className={styles.queue} dir={lang === 'ar' ? 'rtl' : 'ltr'} lang={lang} data-testid="publishing-queue">
      <h1>{t.title}</h1>

      {/* Before the first answer the control waits for the queue's copy; if the queue fails it asks on its own. */}
      <CrisisModeControl initial={queue ? crisis : error ? undefined : null} />

      <div className={styles.toolbar}>
        <Button buttonStyle="secondary" size="small" disabled={loading} onClick={() => void load()}>
          {t.refresh}
        </Button>
        {queue?.now && (
          <span className={styles.muted}>
            {t.updatedAt} {format(queue.now)}
          </span>
        )}
        {loading && !queue && <span className={styles.muted}>{t.loading}</span>}
      </div>
      <p className={styles.muted}>{t.timeNote}</p>
      {error && (
        <p className={styles.error} role="alert">
          {t.failed} {error}
        </p>
      )}

      {queue && (
        <>
          <section aria-labelledby="queue-upcoming" data-testid="queue-upcoming">
            <h2 id="queue-upcoming">
              {t.upcoming} <span className={styles.muted}>({t.count(upcomingCount)})</span>
            </h2>
            {upcomingCount === 0 && <p>{t.nothingUpcoming}</p>}
            {queue.networks.map((network) => (
              <section key={network.network} className={styles.network} data-network={network.network}>
                <h3>
                  {localize(network.label, lang) || network.network} <span className={styles.muted}>({t.count(network.items.length)})</span>
                </h3>
                {network.items.length === 0 ? (
                  <p className={styles.muted}>{t.nothingOnNetwork}</p>
                ) : (
                  <table className={styles.table}>
                    <thead>
                      <tr>
                        <th scope="col">{t.time}</th>
                        <th scope="col">{t.variant}</th>
                        <th scope="col">{t.content}</th>
                        <th scope="col">{t.language}</th>
                        <th scope="col">{t.state}</th>
                        <th scope="col">{t.account}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {network.items.map((item) => (
                        <tr key={String(item.id)} data-variant-id={item.id}>
                          <td style={{ whiteSpace: 'nowrap' }}>
                            {format(item.scheduledAt)}
                            {item.overdue && <div className={styles.fieldError}>{t.overdue}</div>}
                          </td>
                          <td>
                            {variantLink(item)}
                            <div className={styles.muted}>{label(props.platformLabels, item.platform)}</div>
                          </td>
                          <td>
                            {item.contentItem ? (
                              <Link href={`${admin}/collections/content-items/${item.contentItem.id}`} dir="auto">
                                {localize(item.contentItem.title, lang) || `#${item.contentItem.id}`}
                              </Link>
                            ) : (
                              '—'
                            )}
                          </td>
                          <td>{label(props.languageLabels, item.language)}</td>
                          <td>{stateBadge(item.publicationState)}</td>
                          <td>
                            {item.account ? (
                              <>
                                <span dir="auto">{item.account.name || `#${item.account.id}`}</span>{' '}
                                {item.account.status && (
                                  <span className={styles.badge} data-status={item.account.status}>
                                    {label(props.accountStatusLabels, item.account.status)}
                                  </span>
                                )}
                                {item.account.connection === 'manual' && <div className={styles.muted}>{t.manual}</div>}
                              </>
                            ) : (
                              // No account chosen: the scheduler uses the network's one account.
                              <span className={styles.muted}>{t.defaultAccount}</span>
                            )}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </section>
            ))}
          </section>

          <section id="attention" aria-labelledby="queue-attention" data-testid="queue-attention">
            <h2 id="queue-attention">
              {t.attention} <span className={styles.muted}>({queue.attention.length})</span>
            </h2>
            <p className={styles.muted}>{t.attentionIntro}</p>
            {queue.attention.length === 0 ? (
              <p>{t.nothingToDo}</p>
            ) : (
              <ul className={styles.attention}>
                {queue.attention.map((item) => (
                  <li key={String(item.id)} data-variant-id={item.id}>
                    {variantLink(item)} {stateBadge(item.publicationState)}{' '}
                    <span className={styles.muted}>
                      {label(props.platformLabels, item.platform)}
                      {item.scheduledAt && ` · ${t.scheduledFor} ${format(item.scheduledAt)}`}
                    </span>
                    {item.lastError && (
                      <div className={styles.error}>
                        <strong>{t.lastError}</strong>
                        <br />
                        <span dir="auto">{reasonInLanguage(item.lastError, lang)}</span>
                      </div>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </div>
  )
}
