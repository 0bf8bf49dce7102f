import type { Localized } from '../i18n/catalogue'
/** A select option with its labels. */
export const option = <Value extends string>(value: Value, label: Localized) => ({ value, label })
