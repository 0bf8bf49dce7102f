/**
 * What a watched series is called, in each language: "Hostile comments on Facebook", or the
 * misconception's claim. Made when the alert is raised (the claim may change later; the alert
 * keeps what it was about).
 */
import { networkLabels } from '../../../../src/domain/networks'
import type { Network } from '../../../../src/domain/networks'
import type { Localized } from '../../../../src/i18n/catalogue'
import { pluginText, pluginTextByLanguage } from '../../translations'
import { overallScope } from './crisis-stream'

const claimLength = 80

/** The series' name in fr/ar/en; a myth's claim comes from the fact library (`claims`, by myth key). */
export function seriesSubject(series: string, claims: ReadonlyMap<string, Partial<Localized>>): Localized {
  const [kind, scope = ''] = series.split(':', 2)
  if (kind === 'hostile') {
    return scope === overallScope
      ? pluginText('crisisAlert:hostileAll')
      : pluginText('crisisAlert:hostileOn', { network: networkLabels[scope as Network] ?? scope })
  }
  const claim = claims.get(scope) ?? {}
  const short = (text: string | undefined) => {
    const value = (text ?? claim.fr ?? scope).trim()
    return value.length > claimLength ? `${value.slice(0, claimLength - 1)}…` : value
  }
  return pluginTextByLanguage('crisisAlert:myth', (language) => ({ claim: short(claim[language]) }))
}
