/** A label in each admin language. */
export type Labels = { fr: string; ar: string; en: string }

/** A select option with its labels. */
export const option = <Value extends string>(value: Value, label: Labels) => ({ value, label })
