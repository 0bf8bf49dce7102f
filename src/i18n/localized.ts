import type { AdminLanguageCode } from './request-language'

/** A text in each admin language: French, Arabic, English. */
export type Localized = Record<AdminLanguageCode, string>
