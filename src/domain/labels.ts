import type { Localized } from '../i18n/catalogue'
/** A select option with its labels. */
export const option = <Value extends string>(value: Value, label: Localized) => ({ value, label })

/** Options as a value → labels map: how the admin's server views hand their labels to the browser. */
export const labelsOf = (options: readonly { value: string; label: Localized }[]): Record<string, Localized> =>
  Object.fromEntries(options.map(({ value, label }) => [value, label]))
