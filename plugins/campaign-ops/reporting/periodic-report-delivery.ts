/**
 * Making and sending one subscription's report for one period: the figures once, then per
 * language of its recipients the charts, the document (PDF, or HTML where Chromium is missing)
 * stored in `periodic-reports`, and one e-mail per recipient with the charts in the body and the
 * document attached. A scheduled report is made once per period and language (its delivery key);
 * a retry after a failed sending sends the stored document again rather than making another.
 */
import { randomUUID } from 'node:crypto'

import type { Payload } from 'payload'

import type { User } from '../../../payload-types'

import { audiences, contentFormats } from '../../../src/domain/content-taxonomy'
import { networkLabels } from '../../../src/domain/networks'
import type { Network } from '../../../src/domain/networks'
import { adminLanguageOf } from '../../../src/i18n/catalogue'
import type { AdminLanguage, Localized } from '../../../src/i18n/catalogue'
import { fileStoresOf } from '../../../src/infra/file-store'
import { advisoryLockSpaces } from '../../../src/infra/locks'
import { withSessionLock } from '../publishing/session-lock'
import { pluginText } from '../translations'
import { chartPng, reportCharts } from './periodic-report-charts'
import type { ReportChart } from './periodic-report-charts'
import { periodicReportData } from './periodic-report-data'
import type { PeriodicReportData, PeriodicReportScope } from './periodic-report-data'
import { reportHtml, reportText } from './periodic-report-document'
import type { ReportDocumentText } from './periodic-report-document'
import { periodicReportsSlug } from './periodic-reports-collection'
import type { PeriodicReportKind } from './periodic-reports-collection'
import { recommendationNames } from './recommendation-text'
import type { RecommendationNames } from './recommendation-text'
import { formatDay } from './report-format'
import type { CivilDate } from './report-periods'
import { availableChromium, pdfPrinter } from './report-pdf'
import type { PdfPrinter } from './report-pdf'
import { reportSubscriptionsSlug } from './report-subscriptions-collection'

export type PeriodicReportSettings = {
  /** Chromium's executable for the PDF; missing or not installed: the report is sent as HTML. */
  chromiumPath?: string
}

export type DeliveryRequest = {
  subscriptionId: number
  from: CivilDate
  to: CivilDate
  kind: PeriodicReportKind
  /** Who asked for an on-demand report. */
  requestedBy?: number
  /** Tells one on-demand request from another for the same period. */
  requestId?: string
}

export type DeliveryOutcome = { reports: number; sent: number; failed: number; skipped: number }

type Recipient = { id: number; email: string; name: string; language: AdminLanguage }
type Subscription = {
  id: number
  name: string
  recipients: Recipient[]
  platforms?: string[] | null
  languages?: string[] | null
  themes?: number[]
  audiences?: string[] | null
  formats?: string[] | null
  keyMoments?: number[]
}

const idOf = (value: number | { id: number }) => (typeof value === 'object' ? value.id : value)

async function loadSubscription(payload: Payload, id: number): Promise<Subscription> {
  const doc = await payload.findByID({ collection: reportSubscriptionsSlug, id, depth: 1, overrideAccess: true })
  const recipients = doc.recipients
    .filter((user): user is User => typeof user === 'object' && user.role !== 'integration')
    .map((user) => ({ id: user.id, email: user.email, name: user.name || user.email, language: adminLanguageOf(user.language) }))
  return {
    id,
    name: doc.name,
    recipients,
    platforms: doc.platforms,
    languages: doc.languages,
    themes: (doc.themes ?? []).map(idOf),
    audiences: doc.audiences,
    formats: doc.formats,
    keyMoments: (doc.keyMoments ?? []).map(idOf),
  }
}

function scopeOf(subscription: Subscription, from: CivilDate, to: CivilDate): PeriodicReportScope {
  const some = <T>(values: T[] | null | undefined) => (values && values.length ? values : undefined)
  return {
    from,
    to,
    platform: some(subscription.platforms),
    language: some(subscription.languages),
    theme: some(subscription.themes),
    audience: some(subscription.audiences),
    format: some(subscription.formats),
    keyMoment: some(subscription.keyMoments),
  }
}

const languageNames: Record<string, Localized> = {
  fr: { fr: 'français', ar: 'الفرنسية', en: 'French' },
  ar: { fr: 'arabe', ar: 'العربية', en: 'Arabic' },
  ary: { fr: 'darija', ar: 'الدارجة', en: 'Darija' },
}

/** The filters in words, per language: "Facebook, X · français · Travail d’intérêt général". */
async function filterWords(payload: Payload, scope: PeriodicReportScope, themes: Map<number, Localized>): Promise<Record<AdminLanguage, string>> {
  const keyMoments = new Map<number, Localized>()
  if (scope.keyMoment) {
    const read = async (locale: 'fr' | 'ar') =>
      (
        await payload.find({
          collection: 'key-moments',
          where: { id: { in: scope.keyMoment } },
          locale,
          fallbackLocale: 'fr',
          depth: 0,
          pagination: false,
          overrideAccess: true,
        })
      ).docs
    const [french, arabic] = await Promise.all([read('fr'), read('ar')])
    for (const moment of french) {
      const title = arabic.find((entry) => entry.id === moment.id)?.title ?? moment.title
      keyMoments.set(Number(moment.id), { fr: moment.title, en: moment.title, ar: title })
    }
  }
  const words = (language: AdminLanguage) => {
    const option = (options: { value: string; label: Localized }[], value: string) => options.find((entry) => entry.value === value)?.label[language] ?? value
    const parts = [
      scope.platform?.map((network) => networkLabels[network as Network] ?? network),
      scope.language?.map((code) => languageNames[code]?.[language] ?? code),
      scope.theme?.map((id) => themes.get(id)?.[language] ?? `#${id}`),
      scope.audience?.map((value) => option(audiences, value)),
      scope.format?.map((value) => option(contentFormats, value)),
      scope.keyMoment?.map((id) => keyMoments.get(id)?.[language] ?? `#${id}`),
    ].filter((part): part is string[] => Boolean(part?.length))
    return parts.map((part) => part.join(language === 'ar' ? '، ' : ', ')).join(' · ')
  }
  return { fr: words('fr'), ar: words('ar'), en: words('en') }
}

const titleKey = { weekly: 'periodicReport:weekly', monthly: 'periodicReport:monthly', on_demand: 'periodicReport:onDemand' } as const

function deliveryKey(request: DeliveryRequest, language: AdminLanguage): string {
  const base = `${request.subscriptionId}:${request.kind}:${request.from}:${request.to}:${language}`
  return request.kind === 'on_demand' ? `${base}:${request.requestId ?? randomUUID()}` : base
}

type StoredReport = { id: number; status: string; filename: string; mimeType: string }

async function storedReport(payload: Payload, key: string): Promise<StoredReport | null> {
  const { docs } = await payload.find({ collection: periodicReportsSlug, where: { deliveryKey: { equals: key } }, limit: 1, depth: 0, overrideAccess: true })
  const doc = docs[0]
  return doc ? { id: doc.id, status: doc.status, filename: doc.filename ?? '', mimeType: doc.mimeType ?? 'application/pdf' } : null
}

/** Makes the subscription's report for the period and sends it; safe to run again for the same request. */
export async function deliverPeriodicReport(payload: Payload, settings: PeriodicReportSettings, request: DeliveryRequest): Promise<DeliveryOutcome> {
  const outcome = await withSessionLock(payload, { space: advisoryLockSpaces.periodicReport, key: request.subscriptionId, wait: true }, () =>
    deliverLocked(payload, settings, request),
  )
  return outcome.locked ? outcome.value : { reports: 0, sent: 0, failed: 0, skipped: 1 }
}

async function deliverLocked(payload: Payload, settings: PeriodicReportSettings, request: DeliveryRequest): Promise<DeliveryOutcome> {
  const outcome: DeliveryOutcome = { reports: 0, sent: 0, failed: 0, skipped: 0 }
  const subscription = await loadSubscription(payload, request.subscriptionId)
  const byLanguage = new Map<AdminLanguage, Recipient[]>()
  for (const recipient of subscription.recipients) byLanguage.set(recipient.language, [...(byLanguage.get(recipient.language) ?? []), recipient])
  // What is already sent for this period is not made again.
  const pending: AdminLanguage[] = []
  for (const language of byLanguage.keys()) {
    const stored = await storedReport(payload, deliveryKey(request, language))
    if (stored?.status === 'sent') outcome.skipped += 1
    else pending.push(language)
  }
  if (pending.length === 0) return outcome

  const scope = scopeOf(subscription, request.from, request.to)
  const [data, names] = await Promise.all([periodicReportData(payload, scope), recommendationNames(payload)])
  const filters = await filterWords(payload, scope, names.themes)
  const requester = request.requestedBy
    ? ((await payload.findByID({ collection: 'users', id: request.requestedBy, depth: 0, overrideAccess: true, disableErrors: true })) as {
        name?: string
      } | null)
    : null
  const chromium = availableChromium(settings.chromiumPath)
  // One Chromium for the report's languages, started only if a document is to be printed.
  const printer = chromium ? pdfPrinter(chromium) : null
  try {
    await sendEachLanguage(payload, request, { outcome, subscription, byLanguage, pending, data, names, filters, requester, printer })
  } finally {
    await printer?.close()
  }
  if (request.kind !== 'on_demand' && outcome.failed === 0) {
    await payload.update({
      collection: reportSubscriptionsSlug,
      id: subscription.id,
      overrideAccess: true,
      data: { lastPeriodSent: `${request.from} – ${request.to}` },
    })
  }
  // A failed sending fails the job, which retries it: what was sent is not sent again.
  if (outcome.failed > 0) throw new Error(`periodic report ${request.subscriptionId} ${request.from}–${request.to}: ${outcome.failed} e-mail(s) not sent`)
  return outcome
}

type Delivery = {
  outcome: DeliveryOutcome
  subscription: Subscription
  byLanguage: Map<AdminLanguage, Recipient[]>
  pending: AdminLanguage[]
  data: PeriodicReportData
  names: RecommendationNames
  filters: Record<AdminLanguage, string>
  requester: { name?: string } | null
  printer: PdfPrinter | null
}

/** For each language still to send: the charts, the document stored once, and one e-mail per recipient. */
async function sendEachLanguage(payload: Payload, request: DeliveryRequest, delivery: Delivery): Promise<void> {
  const { outcome, subscription, byLanguage, pending, data, names, filters, requester, printer } = delivery
  const serverUrl = payload.config.serverURL || 'http://localhost:3000'
  const reportFiles = fileStoresOf(payload).reports

  for (const language of pending) {
    const recipients = byLanguage.get(language)!
    const key = deliveryKey(request, language)
    const title = pluginText(titleKey[request.kind])[language]
    const footer =
      request.kind === 'on_demand' && requester?.name
        ? pluginText('periodicReport:onDemandBy', { name: requester.name })[language]
        : pluginText('periodicReport:why', { name: subscription.name })[language]
    const text: ReportDocumentText = { title, filters: filters[language], footer, dashboardUrl: `${serverUrl}/admin` }
    const charts = reportCharts(data, language, names.myths)
    const fileBase = `badil-${request.kind}-${request.from}-${request.to}-${language}`

    let stored = await storedReport(payload, key)
    let document: { data: Buffer; mimetype: string; name: string }
    if (stored) {
      const data = await reportFiles.read(stored.filename)
      if (!data) throw new Error(`report file ${stored.filename} is missing from the reports storage`)
      document = { data, mimetype: stored.mimeType, name: stored.filename }
    } else {
      const inline = (chart: ReportChart) => `data:image/svg+xml;base64,${Buffer.from(chart.svg).toString('base64')}`
      const html = reportHtml(data, language, text, charts, inline)
      document = printer
        ? { data: await printer.print(html), mimetype: 'application/pdf', name: `${fileBase}.pdf` }
        : { data: Buffer.from(html), mimetype: 'text/html', name: `${fileBase}.html` }
      const created = await payload.create({
        collection: periodicReportsSlug,
        overrideAccess: true,
        data: {
          title: `${title} — ${formatDay(request.from, language)} – ${formatDay(request.to, language)}`,
          kind: request.kind,
          subscription: subscription.id,
          periodFrom: request.from,
          periodTo: request.to,
          language,
          recipients: recipients.map((recipient) => recipient.id),
          status: 'stored',
          pdf: document.mimetype === 'application/pdf',
          requestedBy: request.requestedBy ?? null,
          deliveryKey: key,
        },
        file: { data: document.data, mimetype: document.mimetype, name: document.name, size: document.data.length },
      })
      stored = { id: Number(created.id), status: 'stored', filename: String(created.filename), mimeType: document.mimetype }
      outcome.reports += 1
    }

    const pngs = await Promise.all(charts.filter((chart) => !chart.empty).map(async (chart) => ({ chart, png: await chartPng(chart) })))
    const attachmentNote = pluginText(document.mimetype === 'application/pdf' ? 'periodicReport:attachedPdf' : 'periodicReport:attachedHtml')[language]
    const mailText = { ...text, attachmentNote }
    const html = reportHtml(data, language, mailText, charts, (chart) => `cid:chart-${chart.id}@badil`)
    const failures: string[] = []
    for (const recipient of recipients) {
      try {
        await payload.sendEmail({
          to: recipient.email,
          subject: pluginText('periodicReport:subject', { title, from: formatDay(request.from, language), to: formatDay(request.to, language) })[language],
          html,
          text: reportText(data, language, mailText),
          attachments: [
            ...pngs.map(({ chart, png }) => ({ filename: `${chart.id}.png`, content: png, contentType: 'image/png', cid: `chart-${chart.id}@badil` })),
            { filename: document.name, content: document.data, contentType: document.mimetype },
          ],
        })
        outcome.sent += 1
      } catch (error) {
        failures.push(`${recipient.email}: ${error instanceof Error ? error.message : String(error)}`)
        outcome.failed += 1
      }
    }
    await payload.update({
      collection: periodicReportsSlug,
      id: stored.id,
      overrideAccess: true,
      data: failures.length ? { status: 'failed', failure: failures.join('\n') } : { status: 'sent', sentAt: new Date().toISOString(), failure: null },
    })
  }
}
