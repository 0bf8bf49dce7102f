import { randomBytes } from 'node:crypto'
import type { Localized } from '../../../src/i18n/catalogue'
import { pluginText, pluginTextByLanguage } from '../translations'

/**
 * A post that cannot go out for a reason people can act on (no account, not cleared, a limit):
 * nothing was sent. Its reason is safe to show and to send in webhooks.
 */
export class PreparationError extends Error {
  constructor(readonly reason: Localized) {
    super(reason.en)
    this.name = 'PreparationError'
  }
}

/**
 * The reference under which an internal error's details are logged: people and webhook receivers
 * get this code and a safe message, never the error's own text.
 */
export function internalErrorReference(): string {
  return `internal_error:${randomBytes(4).toString('hex')}`
}

/** The engine's own reasons (the networks' come from the adapters), in the admin languages. */
export const reasons = {
  noAccount: (network: string, candidates: number): Localized => pluginText(candidates === 0 ? 'reasons:noAccount' : 'reasons:severalAccounts', { network }),
  needsReconnect: (name: string): Localized => pluginText('reasons:needsReconnect', { name }),
  unreadableToken: (name: string): Localized => pluginText('reasons:unreadableToken', { name }),
  accountOfOtherNetwork: (name: string, accountNetwork: string, variantNetwork: string): Localized =>
    pluginText('reasons:accountOfOtherNetwork', { name, accountNetwork, variantNetwork }),
  manualAccount: (name: string): Localized => pluginText('reasons:manualAccount', { name }),
  vetoed: (why: string): Localized => pluginText('reasons:vetoed', { why }),
  invalidRequest: (issues: { field: string; message: Localized }[]): Localized => {
    const separator = pluginText('reasons:invalidIssueSeparator')
    return pluginTextByLanguage('reasons:invalidRequest', (language) => ({
      issues: issues
        .map((issue) => pluginText('reasons:invalidIssue', { field: issue.field, message: issue.message[language] })[language])
        .join(separator[language]),
    }))
  },
  preparationFailed: (reference: string): Localized => pluginText('reasons:preparationFailed', { reference }),
  unexpected: (reference: string): Localized => pluginText('reasons:unexpected', { reference }),
  lookupFailed: (reference: string): Localized => pluginText('reasons:lookupFailed', { reference }),
  gaveUp: (attempts: number, last: Localized): Localized => pluginTextByLanguage('reasons:gaveUp', (language) => ({ attempts, last: last[language] })),
  lookupUnsupported: pluginText('reasons:lookupUnsupported'),
  lookupGaveUp: pluginText('reasons:lookupGaveUp'),
  notFoundRequeued: pluginText('reasons:notFoundRequeued'),
}
