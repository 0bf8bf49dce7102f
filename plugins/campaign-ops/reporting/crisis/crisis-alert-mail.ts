/**
 * The e-mail of a raised or escalated crisis alert, to the NCSC team and the community managers,
 * each in their admin language (right to left in Arabic): what rose, how far above normal, from
 * how many people, a few pseudonymized examples, and the link to the alert. Queued on the
 * reporting queue and retried until sent.
 */
import type { TaskConfig } from 'payload'

import { networkLabels } from '../../../../src/domain/networks'
import type { Network } from '../../../../src/domain/networks'
import type { AdminLanguage } from '../../../../src/i18n/catalogue'
import { mailStaff } from '../../../../src/infra/staff-mail'
import { pluginText } from '../../translations'
import { crisisAlertsSlug } from './crisis-alerts-collection'
import { readCrisisSettings } from './crisis-settings-global'
import type { CrisisAlert } from '../../../../payload-types'

export const crisisAlertMailTask = 'mailCrisisAlert'

type Example = { network: string; excerpt: string }

const numberIn = (language: AdminLanguage, value: number, options: Intl.NumberFormatOptions = {}) =>
  new Intl.NumberFormat(language === 'ar' ? 'ar-MA' : language === 'fr' ? 'fr-MA' : 'en-GB', options).format(value)

/** The alert's subject line and text in one language. */
export function crisisAlertMessage(alert: CrisisAlert, language: AdminLanguage, watchWindowHours: number): { subject: string; body: string } {
  const subject = (alert.subject ?? {}) as Partial<Record<AdminLanguage, string>>
  const series = subject[language] ?? subject.fr ?? ''
  const percent = (value: number | null | undefined) =>
    value === null || value === undefined ? '—' : numberIn(language, value, { style: 'percent', maximumFractionDigits: 0 })
  const separator = language === 'fr' ? ' : ' : ': '
  const examples = ((alert.examples as Example[] | null) ?? []).map(
    (example) => `— ${networkLabels[example.network as Network] ?? example.network}${separator}${example.excerpt}`,
  )
  const vars = {
    series,
    observed: numberIn(language, alert.observed ?? 0),
    expected: numberIn(language, alert.expected ?? 0, { maximumFractionDigits: 1 }),
    authors: numberIn(language, alert.authors ?? 0),
    window:
      alert.window === 'sustained' ? pluginText('crisisAlert:sustained', { hours: watchWindowHours })[language] : pluginText('crisisAlert:hour')[language],
    share: percent(alert.share),
    usualShare: percent(alert.baselineShare),
    examples: examples.length ? examples.join('\n') : '—',
  }
  return {
    subject: pluginText(alert.level === 'crisis' ? 'crisisAlert:subjectCrisis' : 'crisisAlert:subjectWatch', { series })[language],
    body: pluginText('crisisAlert:body', vars)[language],
  }
}

export function crisisAlertMailTaskConfig(): TaskConfig {
  return {
    slug: crisisAlertMailTask,
    retries: 5,
    inputSchema: [
      { name: 'alertId', type: 'number', required: true },
      { name: 'event', type: 'text' },
    ],
    outputSchema: [{ name: 'sent', type: 'number' }],
    handler: async ({ input, req }) => {
      const payload = req.payload
      const { alertId, event = 'raised' } = input as { alertId: number; event?: string }
      const alert = await payload.findByID({ collection: crisisAlertsSlug, id: alertId, depth: 0, overrideAccess: true })
      const { parameters } = await readCrisisSettings(payload)
      const sent = await mailStaff(payload, {
        roles: ['ncsc', 'cm'],
        link: `${payload.config.serverURL}/admin/crisis-room?alert=${alertId}`,
        onceKey: `crisis-alert:${alertId}:${event}`,
        compose: (language) => ({ ...crisisAlertMessage(alert, language, parameters.watchWindowHours), linkLabel: pluginText('crisisAlert:open')[language] }),
      })
      return { output: { sent } }
    },
  }
}
