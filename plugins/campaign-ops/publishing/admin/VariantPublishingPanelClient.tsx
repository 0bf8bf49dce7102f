'use client'
import { Button, toast, useAuth, useConfig, useDocumentInfo, useFormModified, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React, { useCallback, useEffect, useRef, useState } from 'react'

import { formatInCasablanca } from '../../../../src/domain/casablanca-time'
import { reasonInLanguage } from '../../../../src/i18n/stored-reason'
import { callApi, casablancaInputValue, downloadFile, idOf, isHttpUrl, parseCasablancaInput, pickLanguage, publishingRoles } from './publishing-client'
import type { ApiError, Id, Lang, Localized } from './publishing-client'
import styles from './publishing.module.css'

export type VariantPublishingPanelProps = {
  stateLabels: Record<string, Localized>
  accountStatusLabels: Record<string, Localized>
  networkOfPlatform: Record<string, string>
  networkLabels: Record<string, string>
}

type VariantDoc = {
  id: Id
  platform?: string | null
  language?: string | null
  publicationState?: string | null
  scheduledAt?: string | null
  networkAccount?: Id | { id: Id } | null
  remoteId?: string | null
  permalink?: string | null
  attempts?: number | null
  lastError?: string | null
  publishedAt?: string | null
  nextAttemptAt?: string | null
  updatedAt?: string
}

type Account = { id: Id; name?: string | null; status?: string | null; connection?: string | null }
type AccountInfo = { account: Account | null; isDefault: boolean; candidates: number } | null

/** The inline form or confirmation open under the buttons. */
type Mode = 'publish' | 'reschedule' | 'cancel' | 'published' | 'not_published' | 'failed' | 'posted' | null

const strings = {
  fr: {
    title: 'Publication',
    notSaved: 'Enregistrez la variante pour pouvoir la programmer ou la publier.',
    loadFailed: 'L’état de publication n’a pas pu être chargé :',
    state: 'État',
    live: 'mise à jour automatique',
    scheduledAt: 'Prévue le',
    publishedAt: 'Publiée le',
    permalink: 'Publication',
    openPost: 'Voir sur le réseau',
    remoteId: 'Identifiant distant',
    attempts: 'Tentatives',
    nextAttempt: 'Prochain essai',
    lastError: 'Dernière erreur',
    heldReason: 'Raison',
    account: 'Compte',
    defaultAccount: 'compte par défaut du réseau',
    noAccount: 'Aucun compte pour ce réseau : la publication échouera tant qu’un administrateur n’en a pas ajouté.',
    severalAccounts: 'Plusieurs comptes pour ce réseau : choisissez-en un dans le champ « Compte ».',
    manual: 'publication manuelle',
    draftHint: 'Passez la variante à « Prête » ou programmez-la pour la publier.',
    publishingHint: 'Publication en cours sur le réseau…',
    heldHint: 'Retenue (mode crise, ou contenu ou texte plus approuvé : voir la raison). Elle ne partira pas seule : publiez, reprogrammez ou annulez.',
    failedHint: 'La publication a échoué : corrigez la cause, puis publiez maintenant ou reprogrammez.',
    unknownHint:
      'Le réseau n’a pas confirmé la publication et la vérification automatique n’a pas pu trancher. Vérifiez sur le réseau, puis indiquez ce que vous avez constaté.',
    manualHint: 'Compte manuel : téléchargez le kit, publiez-le vous-même sur le réseau, puis collez le lien de la publication.',
    publishNow: 'Publier maintenant',
    publishConfirm: (target: string) => `Publier cette variante maintenant sur ${target} ?`,
    schedule: 'Programmer',
    reschedule: 'Reprogrammer',
    newTime: 'Date et heure de publication (heure de Casablanca)',
    timeNote: (offset: string) => `Heure de Casablanca (${offset} à cette date).`,
    skipped: (time: string) => `Cette heure n’existe pas ce jour-là (changement d’heure) : la publication partira à ${time}.`,
    repeated: 'Cette heure a lieu deux fois ce jour-là (changement d’heure) : la première est retenue.',
    invalidTime: 'Indiquez une date et une heure.',
    pastTime: 'Choisissez une heure à venir.',
    cancel: 'Annuler la publication',
    cancelConfirm: 'Annuler cette publication ? Elle ne partira pas.',
    reasonOptional: 'Motif (facultatif)',
    reasonRequired: 'Motif (obligatoire)',
    needsReason: 'Indiquez un motif.',
    resolvePublished: 'Trouvée sur le réseau',
    resolveNotPublished: 'Absente : republier',
    resolveFailed: 'Abandonner (échec)',
    publishedExplain: 'Vous avez trouvé la publication sur le réseau : collez son lien.',
    notPublishedExplain: 'La publication n’est pas sur le réseau : la variante sera publiée à nouveau.',
    failedExplain: 'La variante passe en échec et ne sera pas publiée.',
    permalinkInput: 'Lien de la publication (https://…)',
    remoteIdInput: 'Identifiant distant (facultatif)',
    needsPermalink: 'Collez le lien complet de la publication (https://…).',
    kit: 'Télécharger le kit',
    markPosted: 'Marquer comme publiée',
    confirm: 'Confirmer',
    back: 'Retour',
    unsaved: 'Les modifications non enregistrées de ce formulaire seront perdues.',
    stale: 'Cette variante a changé sur le serveur pendant que vous la modifiiez.',
    reload: 'Recharger (abandonner mes modifications)',
    done: {
      publish: 'Publication lancée',
      reschedule: 'Variante reprogrammée',
      cancel: 'Publication annulée',
      resolve: 'Résultat enregistré',
      posted: 'Variante marquée comme publiée',
    },
  },
  ar: {
    title: 'النشر',
    notSaved: 'احفظ الصيغة لتتمكن من برمجتها أو نشرها.',
    loadFailed: 'تعذّر تحميل حالة النشر:',
    state: 'الحالة',
    live: 'تحديث تلقائي',
    scheduledAt: 'موعد النشر',
    publishedAt: 'نُشرت في',
    permalink: 'المنشور',
    openPost: 'عرض على المنصة',
    remoteId: 'المعرّف على المنصة',
    attempts: 'المحاولات',
    nextAttempt: 'المحاولة التالية',
    lastError: 'آخر خطأ',
    heldReason: 'السبب',
    account: 'الحساب',
    defaultAccount: 'الحساب الافتراضي للمنصة',
    noAccount: 'لا يوجد حساب لهذه المنصة: سيفشل النشر ما لم يُضف مدير حسابا.',
    severalAccounts: 'توجد عدة حسابات لهذه المنصة: اختر واحدا في حقل «الحساب».',
    manual: 'نشر يدوي',
    draftHint: 'اجعل الصيغة «جاهزة» أو برمجها لنشرها.',
    publishingHint: 'النشر جارٍ على المنصة…',
    heldHint: 'محتجزة (وضع الأزمة، أو محتوى أو نص لم يعد معتمدا: انظر السبب). لن تُنشر من تلقاء نفسها: انشرها أو أعد برمجتها أو ألغها.',
    failedHint: 'فشل النشر: عالج السبب، ثم انشر الآن أو أعد البرمجة.',
    unknownHint: 'لم تؤكد المنصة النشر ولم يتمكن التحقق التلقائي من الحسم. تحقق على المنصة، ثم بيّن ما وجدته.',
    manualHint: 'حساب يدوي: نزّل حزمة النشر، وانشرها بنفسك على المنصة، ثم الصق رابط المنشور.',
    publishNow: 'انشر الآن',
    publishConfirm: (target: string) => `نشر هذه الصيغة الآن على ${target}؟`,
    schedule: 'برمجة',
    reschedule: 'إعادة البرمجة',
    newTime: 'تاريخ النشر وساعته (بتوقيت الدار البيضاء)',
    timeNote: (offset: string) => `بتوقيت الدار البيضاء (\u2066${offset}\u2069 في هذا التاريخ).`,
    skipped: (time: string) => `هذه الساعة غير موجودة في ذلك اليوم (تغيير الساعة): سيتم النشر في ${time}.`,
    repeated: 'هذه الساعة تتكرر في ذلك اليوم (تغيير الساعة): تُعتمد الأولى.',
    invalidTime: 'أدخل تاريخا وساعة.',
    pastTime: 'اختر موعدا لاحقا.',
    cancel: 'إلغاء النشر',
    cancelConfirm: 'إلغاء هذا النشر؟ لن يتم نشره.',
    reasonOptional: 'السبب (اختياري)',
    reasonRequired: 'السبب (إلزامي)',
    needsReason: 'أدخل السبب.',
    resolvePublished: 'موجودة على المنصة',
    resolveNotPublished: 'غير موجودة: أعد النشر',
    resolveFailed: 'التخلي (فشل)',
    publishedExplain: 'وجدت المنشور على المنصة: الصق رابطه.',
    notPublishedExplain: 'المنشور غير موجود على المنصة: ستُنشر الصيغة من جديد.',
    failedExplain: 'تنتقل الصيغة إلى حالة الفشل ولن تُنشر.',
    permalinkInput: 'رابط المنشور (https://…)',
    remoteIdInput: 'المعرّف على المنصة (اختياري)',
    needsPermalink: 'الصق الرابط الكامل للمنشور (https://…).',
    kit: 'تنزيل حزمة النشر',
    markPosted: 'تأكيد النشر اليدوي',
    confirm: 'تأكيد',
    back: 'رجوع',
    unsaved: 'ستضيع التعديلات غير المحفوظة في هذا النموذج.',
    stale: 'تغيّرت هذه الصيغة على الخادم أثناء تعديلك لها.',
    reload: 'إعادة التحميل (التخلي عن تعديلاتي)',
    done: {
      publish: 'بدأ النشر',
      reschedule: 'أعيدت برمجة الصيغة',
      cancel: 'أُلغي النشر',
      resolve: 'سُجّلت النتيجة',
      posted: 'سُجّلت الصيغة كمنشورة',
    },
  },
  en: {
    title: 'Publishing',
    notSaved: 'Save the variant to schedule or publish it.',
    loadFailed: 'The publication state could not be loaded:',
    state: 'State',
    live: 'live',
    scheduledAt: 'Scheduled for',
    publishedAt: 'Published at',
    permalink: 'Post',
    openPost: 'View on the network',
    remoteId: 'Remote id',
    attempts: 'Attempts',
    nextAttempt: 'Next attempt',
    lastError: 'Last error',
    heldReason: 'Reason',
    account: 'Account',
    defaultAccount: 'the network’s default account',
    noAccount: 'No account for this network: publishing will fail until an administrator adds one.',
    severalAccounts: 'Several accounts for this network: choose one in the “Account” field.',
    manual: 'manual posting',
    draftHint: 'Set the variant to “Ready” or schedule it to publish it.',
    publishingHint: 'Publishing to the network…',
    heldHint: 'Held (crisis mode, or the item or text is no longer approved: see the reason). It will not go out on its own: publish, reschedule or cancel.',
    failedHint: 'Publishing failed: fix the cause, then publish now or reschedule.',
    unknownHint: 'The network did not confirm the post and the automatic check could not settle it. Check on the network, then say what you found.',
    manualHint: 'Manual account: download the kit, post it yourself on the network, then paste the link to the post.',
    publishNow: 'Publish now',
    publishConfirm: (target: string) => `Publish this variant now on ${target}?`,
    schedule: 'Schedule',
    reschedule: 'Reschedule',
    newTime: 'Publication date and time (Casablanca time)',
    timeNote: (offset: string) => `Casablanca time (${offset} on that date).`,
    skipped: (time: string) => `This time does not exist that day (clock change): it will go out at ${time}.`,
    repeated: 'This time happens twice that day (clock change): the first one is used.',
    invalidTime: 'Enter a date and a time.',
    pastTime: 'Choose a time in the future.',
    cancel: 'Cancel publication',
    cancelConfirm: 'Cancel this publication? It will not go out.',
    reasonOptional: 'Reason (optional)',
    reasonRequired: 'Reason (required)',
    needsReason: 'Give a reason.',
    resolvePublished: 'Found on the network',
    resolveNotPublished: 'Not there: publish again',
    resolveFailed: 'Give up (failed)',
    publishedExplain: 'You found the post on the network: paste its link.',
    notPublishedExplain: 'The post is not on the network: the variant will be published again.',
    failedExplain: 'The variant becomes failed and will not be published.',
    permalinkInput: 'Link to the post (https://…)',
    remoteIdInput: 'Remote id (optional)',
    needsPermalink: 'Paste the full link to the post (https://…).',
    kit: 'Download kit',
    markPosted: 'Mark as posted',
    confirm: 'Confirm',
    back: 'Back',
    unsaved: 'Unsaved changes in this form will be lost.',
    stale: 'This variant changed on the server while you were editing it.',
    reload: 'Reload (discard my changes)',
    done: {
      publish: 'Publishing started',
      reschedule: 'Variant rescheduled',
      cancel: 'Publication cancelled',
      resolve: 'Outcome recorded',
      posted: 'Variant marked as posted',
    },
  },
} satisfies Record<Lang, unknown>

/** States the panel follows live, and how often it asks. */
const fastPollMs = 5_000
const slowPollMs = 30_000
const soonMs = 15 * 60_000

function pollDelay(doc: VariantDoc): number | null {
  const state = doc.publicationState
  if (state === 'publishing' || state === 'outcome_unknown') return fastPollMs
  if (state !== 'scheduled') return null
  const due = doc.scheduledAt ? Date.parse(doc.scheduledAt) : Number.NaN
  // Far ahead, a slower pace; close to (or past) its time, every few seconds.
  return Number.isFinite(due) && due - Date.now() > soonMs ? slowPollMs : fastPollMs
}

/** States from which each action is offered, as the endpoints accept them (a refusal still shows inline). */
const publishNowStates = ['draft', 'ready', 'scheduled', 'failed', 'held']
const rescheduleStates = publishNowStates
const cancelStates = publishNowStates
const markPostedStates = ['ready', 'scheduled', 'held', 'failed', 'outcome_unknown']
const kitHiddenStates = ['cancelled', 'published']

const later = (iso: string | undefined, than: string | undefined) => Boolean(iso && (!than || iso > than))

function defaultWallTime(scheduledAt: string | null | undefined): string {
  const planned = scheduledAt ? Date.parse(scheduledAt) : Number.NaN
  if (Number.isFinite(planned) && planned > Date.now()) return casablancaInputValue(new Date(planned))
  const step = 5 * 60_000
  return casablancaInputValue(new Date(Math.ceil((Date.now() + 60 * 60_000) / step) * step))
}

export function VariantPublishingPanelClient(props: VariantPublishingPanelProps) {
  const { id, data: savedData } = useDocumentInfo()
  const { user } = useAuth<{ role?: string }>()
  const { i18n } = useTranslation()
  const { config } = useConfig()
  const router = useRouter()
  const modified = useFormModified()
  const lang = pickLanguage(i18n.language)
  const t = strings[lang]
  const api = config.routes.api
  const canAct = publishingRoles.includes(user?.role ?? '')

  const [doc, setDoc] = useState<VariantDoc | null>(() => (savedData && id ? ({ ...savedData, id } as VariantDoc) : null))
  const [loadError, setLoadError] = useState<string | null>(null)
  const [stale, setStale] = useState(false)
  const [accountInfo, setAccountInfo] = useState<AccountInfo>(null)
  const [mode, setMode] = useState<Mode>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const [when, setWhen] = useState('')
  const [reason, setReason] = useState('')
  const [permalink, setPermalink] = useState('')
  const [remoteId, setRemoteId] = useState('')

  const modifiedRef = useRef(modified)
  modifiedRef.current = modified
  const seenUpdatedAt = useRef<string | undefined>(savedData?.updatedAt as string | undefined)
  const docRef = useRef(doc)
  docRef.current = doc

  /**
   * Takes a fresh copy of the variant. When the server changed it (the scheduler moved it on, or
   * an action here), the form is reloaded too (router.refresh, as Payload does for stale data) so
   * that a later save does not send old values; unless the person has unsaved edits: then they
   * are told and choose.
   */
  const accept = useCallback(
    (next: VariantDoc, origin: 'poll' | 'action') => {
      setDoc(next)
      const changed = Boolean(seenUpdatedAt.current) && later(next.updatedAt, seenUpdatedAt.current)
      if (later(next.updatedAt, seenUpdatedAt.current)) seenUpdatedAt.current = next.updatedAt
      if (origin === 'action' || (changed && !modifiedRef.current)) {
        setStale(false)
        router.refresh()
      } else if (changed) {
        setStale(true)
      }
    },
    [router],
  )

  const load = useCallback(
    async (signal?: AbortSignal) => {
      if (!id) return
      const result = await callApi<VariantDoc>(`${api}/platform-variants/${id}?depth=0&joins[attemptHistory]=false`, { signal }).catch(() => null)
      if (!result) return
      if (!result.ok) return setLoadError(result.message)
      setLoadError(null)
      accept(result.body, 'poll')
    },
    [accept, api, id],
  )

  // First load, and again after each save of the form (its updatedAt moves on).
  const savedUpdatedAt = savedData?.updatedAt as string | undefined
  useEffect(() => {
    if (later(savedUpdatedAt, seenUpdatedAt.current)) seenUpdatedAt.current = savedUpdatedAt
    const controller = new AbortController()
    void load(controller.signal)
    return () => controller.abort()
  }, [load, savedUpdatedAt])

  // Live state while the scheduler may move the variant: every few seconds, only in a visible tab.
  const state = doc?.publicationState ?? 'draft'
  useEffect(() => {
    if (!id) return
    let timer: ReturnType<typeof setTimeout> | undefined
    let stopped = false
    const schedule = () => {
      const delay = docRef.current ? pollDelay(docRef.current) : null
      if (delay === null || stopped) return
      timer = setTimeout(async () => {
        if (document.visibilityState === 'visible') await load()
        schedule()
      }, delay)
    }
    schedule()
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [id, load, state])

  // The account the scheduler will use: the chosen one, or the network's only account.
  const network = doc?.platform ? props.networkOfPlatform[doc.platform] : undefined
  const accountId = idOf(doc?.networkAccount)
  useEffect(() => {
    if (!canAct || !network) return
    const controller = new AbortController()
    const url =
      accountId !== null
        ? `${api}/network-accounts/${accountId}?depth=0`
        : `${api}/network-accounts?where[network][equals]=${encodeURIComponent(network)}&depth=0&limit=2`
    callApi<Account | { docs: Account[]; totalDocs: number }>(url, { signal: controller.signal })
      .then((result) => {
        if (!result.ok) return setAccountInfo(null)
        if ('docs' in result.body) {
          const { docs, totalDocs } = result.body
          setAccountInfo({ account: totalDocs === 1 ? (docs[0] ?? null) : null, isDefault: true, candidates: totalDocs })
        } else {
          setAccountInfo({ account: result.body, isDefault: false, candidates: 1 })
        }
      })
      .catch(() => undefined)
    return () => controller.abort()
  }, [api, canAct, network, accountId])

  function open(next: Mode) {
    setError(null)
    setReason('')
    setPermalink('')
    setRemoteId('')
    if (next === 'reschedule') setWhen(defaultWallTime(doc?.scheduledAt))
    setMode(next)
  }

  async function act(path: string, body: unknown, success: string) {
    setBusy(true)
    setError(null)
    const result = await callApi<{ variant?: VariantDoc }>(`${api}/platform-variants/${id}/${path}`, { method: 'POST', body })
    setBusy(false)
    if (!result.ok) return setError(result)
    toast.success(success)
    setMode(null)
    if (result.body?.variant) {
      accept({ ...result.body.variant, networkAccount: idOf(result.body.variant.networkAccount) }, 'action')
    } else {
      await load()
      router.refresh()
    }
  }

  function close() {
    setMode(null)
    setError(null)
  }

  function reloadForm() {
    setStale(false)
    router.refresh()
  }

  const invalid = (message: string, field?: string) => setError({ status: 0, message, field })

  function submit() {
    const trimmedReason = reason.trim()
    const trimmedLink = permalink.trim()
    const trimmedRemoteId = remoteId.trim() || undefined
    switch (mode) {
      case 'publish':
        return act('publish-now', {}, t.done.publish)
      case 'reschedule': {
        const parsed = parseCasablancaInput(when)
        if (!parsed) return invalid(t.invalidTime, 'scheduledAt')
        if (parsed.utc.getTime() <= Date.now()) return invalid(t.pastTime, 'scheduledAt')
        return act('reschedule', { scheduledAt: parsed.utc.toISOString() }, t.done.reschedule)
      }
      case 'cancel':
        return act('cancel', trimmedReason ? { reason: trimmedReason } : {}, t.done.cancel)
      case 'published':
        if (!isHttpUrl(trimmedLink)) return invalid(t.needsPermalink, 'permalink')
        return act('resolve', { resolution: 'published', permalink: trimmedLink, remoteId: trimmedRemoteId }, t.done.resolve)
      case 'not_published':
        return act('resolve', { resolution: 'not_published', ...(trimmedReason ? { reason: trimmedReason } : {}) }, t.done.resolve)
      case 'failed':
        if (!trimmedReason) return invalid(t.needsReason, 'reason')
        return act('resolve', { resolution: 'failed', reason: trimmedReason }, t.done.resolve)
      case 'posted':
        if (!isHttpUrl(trimmedLink)) return invalid(t.needsPermalink, 'permalink')
        return act('mark-posted', { permalink: trimmedLink, remoteId: trimmedRemoteId }, t.done.posted)
      default:
        return undefined
    }
  }

  async function downloadKit() {
    setBusy(true)
    setError(null)
    const result = await downloadFile(`${api}/platform-variants/${id}/kit`, `kit-${id}.zip`)
    setBusy(false)
    if (!result.ok) setError(result)
  }

  const dir = lang === 'ar' ? 'rtl' : 'ltr'
  if (!id) {
    return (
      <div className={styles.panel} dir={dir} lang={lang} data-testid="variant-publishing-panel">
        <h4>{t.title}</h4>
        <p className={styles.muted}>{t.notSaved}</p>
      </div>
    )
  }

  const format = (iso: string | null | undefined) => (iso ? formatInCasablanca(iso, lang) : '')
  const stateLabel = props.stateLabels[state]?.[lang] ?? state
  const live = pollDelay(doc ?? { id, publicationState: state }) !== null
  const account = accountInfo?.account ?? null
  const manual = account?.connection === 'manual'
  const networkName = network ? (props.networkLabels[network] ?? network) : (doc?.platform ?? '')
  const target = account?.name ? `${networkName} (${account.name})` : networkName
  const hints: Record<string, string> = {
    draft: t.draftHint,
    publishing: t.publishingHint,
    held: t.heldHint,
    failed: t.failedHint,
    outcome_unknown: t.unknownHint,
  }
  const hint = hints[state]
  // Never scheduled yet: "Schedule" rather than "Reschedule".
  const firstSchedule = state === 'draft' || state === 'ready'
  const fieldError = (field: string) =>
    error && error.field === field ? (
      <span className={styles.fieldError} id={`publishing-${field}-error`} role="alert">
        {error.message}
      </span>
    ) : null
  const generalError = error && !['scheduledAt', 'reason', 'permalink', 'remoteId'].includes(error.field ?? '') ? error : null
  const parsedWhen = mode === 'reschedule' && when ? parseCasablancaInput(when) : null

  const reasonInput = (required: boolean) => (
    <>
      <label htmlFor="publishing-reason">{required ? t.reasonRequired : t.reasonOptional}</label>
      <textarea
        id="publishing-reason"
        className={styles.input}
        rows={3}
        value={reason}
        required={required}
        dir="auto"
        aria-invalid={error?.field === 'reason'}
        aria-describedby={error?.field === 'reason' ? 'publishing-reason-error' : undefined}
        onChange={(event) => setReason(event.target.value)}
      />
      {fieldError('reason')}
    </>
  )
  const linkInputs = (
    <>
      <label htmlFor="publishing-permalink">{t.permalinkInput}</label>
      <input
        id="publishing-permalink"
        className={styles.input}
        type="url"
        inputMode="url"
        dir="ltr"
        required
        value={permalink}
        aria-invalid={error?.field === 'permalink'}
        aria-describedby={error?.field === 'permalink' ? 'publishing-permalink-error' : undefined}
        onChange={(event) => setPermalink(event.target.value)}
      />
      {fieldError('permalink')}
      <label htmlFor="publishing-remote-id">{t.remoteIdInput}</label>
      <input
        id="publishing-remote-id"
        className={styles.input}
        type="text"
        dir="ltr"
        value={remoteId}
        aria-invalid={error?.field === 'remoteId'}
        onChange={(event) => setRemoteId(event.target.value)}
      />
      {fieldError('remoteId')}
    </>
  )

  const forms: Record<Exclude<Mode, null>, { intro?: string; body?: React.ReactNode; danger?: boolean }> = {
    publish: { intro: t.publishConfirm(target) },
    reschedule: {
      body: (
        <>
          <label htmlFor="publishing-when">{t.newTime}</label>
          <input
            id="publishing-when"
            className={styles.input}
            type="datetime-local"
            dir="ltr"
            step={60}
            min={casablancaInputValue(new Date())}
            value={when}
            required
            aria-invalid={error?.field === 'scheduledAt'}
            aria-describedby={error?.field === 'scheduledAt' ? 'publishing-scheduledAt-error' : undefined}
            onChange={(event) => setWhen(event.target.value)}
          />
          {fieldError('scheduledAt')}
          {parsedWhen && (
            <span className={styles.muted}>
              {parsedWhen.kind === 'skipped'
                ? t.skipped(format(parsedWhen.utc.toISOString()))
                : parsedWhen.kind === 'repeated'
                  ? t.repeated
                  : t.timeNote(parsedWhen.offset)}
            </span>
          )}
        </>
      ),
    },
    cancel: { intro: t.cancelConfirm, body: reasonInput(false), danger: true },
    published: { intro: t.publishedExplain, body: linkInputs },
    not_published: { intro: t.notPublishedExplain, body: reasonInput(false) },
    failed: { intro: t.failedExplain, body: reasonInput(true), danger: true },
    posted: { intro: t.manualHint, body: linkInputs },
  }
  const openForm = mode ? forms[mode] : null
  const formTitles: Record<Exclude<Mode, null>, string> = {
    publish: t.publishNow,
    reschedule: firstSchedule ? t.schedule : t.reschedule,
    cancel: t.cancel,
    published: t.resolvePublished,
    not_published: t.resolveNotPublished,
    failed: t.resolveFailed,
    posted: t.markPosted,
  }

  return (
    <div className={styles.panel} dir={dir} lang={lang} data-testid="variant-publishing-panel" data-state={state}>
      <h4>{t.title}</h4>
      {loadError && (
        <p className={styles.error} role="alert">
          {t.loadFailed} {loadError}
        </p>
      )}
      {stale && (
        <div className={styles.warning} role="status">
          {t.stale}{' '}
          <Button buttonStyle="secondary" size="small" onClick={reloadForm}>
            {t.reload}
          </Button>
        </div>
      )}
      <dl className={styles.facts}>
        <dt>{t.state}</dt>
        <dd aria-live="polite">
          <span className={styles.badge} data-state={state} data-testid="publication-state">
            {stateLabel}
          </span>
          {live && <span className={styles.muted}> · {t.live}</span>}
        </dd>
        {doc?.scheduledAt && (
          <>
            <dt>{t.scheduledAt}</dt>
            <dd>{format(doc.scheduledAt)}</dd>
          </>
        )}
        {canAct && accountInfo && (
          <>
            <dt>{t.account}</dt>
            <dd>
              {account ? (
                <>
                  <span dir="auto">{account.name}</span>
                  {accountInfo.isDefault && <span className={styles.muted}> ({t.defaultAccount})</span>}{' '}
                  {account.status && (
                    <span className={styles.badge} data-status={account.status}>
                      {props.accountStatusLabels[account.status]?.[lang] ?? account.status}
                    </span>
                  )}
                  {manual && <span className={styles.muted}> · {t.manual}</span>}
                </>
              ) : (
                <span className={styles.fieldError}>{accountInfo.candidates > 1 ? t.severalAccounts : t.noAccount}</span>
              )}
            </dd>
          </>
        )}
        {doc?.publishedAt && (
          <>
            <dt>{t.publishedAt}</dt>
            <dd>{format(doc.publishedAt)}</dd>
          </>
        )}
        {doc?.permalink && (
          <>
            <dt>{t.permalink}</dt>
            <dd dir="ltr">
              {isHttpUrl(doc.permalink) ? (
                <a href={doc.permalink} target="_blank" rel="noopener noreferrer" title={t.openPost} data-testid="variant-permalink">
                  {doc.permalink}
                </a>
              ) : (
                doc.permalink
              )}
            </dd>
          </>
        )}
        {doc?.remoteId && (
          <>
            <dt>{t.remoteId}</dt>
            <dd dir="ltr">
              <code>{doc.remoteId}</code>
            </dd>
          </>
        )}
        {(doc?.attempts ?? 0) > 0 && (
          <>
            <dt>{t.attempts}</dt>
            <dd>{doc?.attempts}</dd>
          </>
        )}
        {doc?.nextAttemptAt && ['scheduled', 'publishing', 'outcome_unknown'].includes(state) && (
          <>
            <dt>{t.nextAttempt}</dt>
            <dd>{format(doc.nextAttemptAt)}</dd>
          </>
        )}
      </dl>
      {doc?.lastError && state !== 'published' && (
        <div className={styles.error} data-testid="variant-last-error">
          <strong>{state === 'held' ? t.heldReason : t.lastError}</strong>
          <br />
          <span dir="auto">{reasonInLanguage(doc.lastError, lang)}</span>
        </div>
      )}
      {hint && <p className={styles.muted}>{hint}</p>}
      {manual && markPostedStates.includes(state) && !openForm && <p className={styles.muted}>{t.manualHint}</p>}

      {canAct && !openForm && (
        <div className={styles.actions}>
          {!manual && publishNowStates.includes(state) && (
            <Button buttonStyle="primary" size="small" disabled={busy} onClick={() => open('publish')}>
              {t.publishNow}
            </Button>
          )}
          {rescheduleStates.includes(state) && (
            <Button buttonStyle="secondary" size="small" disabled={busy} onClick={() => open('reschedule')}>
              {firstSchedule ? t.schedule : t.reschedule}
            </Button>
          )}
          {cancelStates.includes(state) && (
            <Button buttonStyle="secondary" size="small" disabled={busy} onClick={() => open('cancel')}>
              {t.cancel}
            </Button>
          )}
          {state === 'outcome_unknown' && (
            <>
              <Button buttonStyle="primary" size="small" disabled={busy} onClick={() => open('published')}>
                {t.resolvePublished}
              </Button>
              <Button buttonStyle="secondary" size="small" disabled={busy} onClick={() => open('not_published')}>
                {t.resolveNotPublished}
              </Button>
              <Button buttonStyle="secondary" size="small" disabled={busy} onClick={() => open('failed')}>
                {t.resolveFailed}
              </Button>
            </>
          )}
          {manual && !kitHiddenStates.includes(state) && (
            <Button buttonStyle="secondary" size="small" disabled={busy} onClick={() => void downloadKit()}>
              {t.kit}
            </Button>
          )}
          {manual && markPostedStates.includes(state) && (
            <Button buttonStyle="primary" size="small" disabled={busy} onClick={() => open('posted')}>
              {t.markPosted}
            </Button>
          )}
        </div>
      )}

      {canAct && openForm && (
        // Not a <form>: the panel sits inside Payload's document form, and forms do not nest.
        <div
          className={styles.form}
          role="group"
          aria-label={formTitles[mode!]}
          data-testid={`publishing-form-${mode}`}
          onKeyDown={(event) => {
            // Enter in a one-line input confirms this action instead of saving the document.
            if (event.key === 'Enter' && (event.target as HTMLElement).tagName === 'INPUT') {
              event.preventDefault()
              void submit()
            }
          }}
        >
          {openForm.intro && <p style={{ margin: 0 }}>{openForm.intro}</p>}
          {openForm.body}
          {modified && <span className={styles.muted}>{t.unsaved}</span>}
          <div className={styles.actions}>
            <Button buttonStyle="primary" className={openForm.danger ? styles.danger : undefined} size="small" disabled={busy} onClick={() => void submit()}>
              {t.confirm}
            </Button>
            <Button buttonStyle="secondary" size="small" disabled={busy} onClick={close}>
              {t.back}
            </Button>
          </div>
        </div>
      )}
      {generalError && (
        <p className={styles.error} role="alert" data-testid="publishing-error">
          {generalError.message}
        </p>
      )}
    </div>
  )
}
