import type { AdminLanguage, Localized } from '../i18n/catalogue'

/** A value the calendar filters on or labels (a network, an audience, a language, a state), named in every language. */
export type CalendarOption = { value: string; label: Localized; colour?: string }

/** An option named in the reader's language. */
export type LabelledOption = { value: string; label: string; colour?: string }

/** The name of a value in one language; the value itself when it is not an option. */
export const labelOf = (options: CalendarOption[], value: string, language: AdminLanguage) =>
  options.find((option) => option.value === value)?.label[language] ?? value

export const localizedOptions = (options: CalendarOption[], language: AdminLanguage): LabelledOption[] =>
  options.map((option) => ({ ...option, label: option.label[language] }))
