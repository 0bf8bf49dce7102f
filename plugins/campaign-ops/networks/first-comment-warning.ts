import { NetworkError } from './types'
import type { Localized } from '../../../src/i18n/catalogue'
import { pluginTextByLanguage } from '../translations'

/**
 * The warning left on a publication whose first comment (or first reply, on X) failed: the post is
 * live, so this never fails the publication; the network's reason is given in each language.
 */
export function firstCommentWarning(error: unknown): Localized {
  return pluginTextByLanguage('publishWarnings:firstCommentFailed', (language) => ({
    detail: error instanceof NetworkError ? error.reason[language] : error instanceof Error ? error.message : String(error),
  }))
}
