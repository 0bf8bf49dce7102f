/**
 * Badil's strings live in catalogues read through Payload's i18n (`req.t` on the server,
 * `useTranslation().t` in the admin): one namespace for the app (`badil`, src/i18n/translations.ts)
 * and one for the plugin (`campaignOps`, plugins/campaign-ops/translations/). A catalogue is
 * written in English first; French and Arabic must have the same keys (the type says so) and the
 * same `{{placeholders}}` (tests/foundation/string-catalogue.test.ts checks it).
 */

export const adminLanguages = ['fr', 'ar', 'en'] as const

/** A language of the admin interface (chosen per user); French by default. */
export type AdminLanguage = (typeof adminLanguages)[number]

/** A text in each admin language. */
export type Localized = Record<AdminLanguage, string>

export const isAdminLanguage = (code: unknown): code is AdminLanguage => adminLanguages.includes(code as AdminLanguage)

/** The admin language for a code Payload or the browser gives: French unless Arabic or English. */
export const adminLanguageOf = (code: unknown): AdminLanguage => (isAdminLanguage(code) ? code : 'fr')

export type CatalogueTree = { readonly [key: string]: string | CatalogueTree }

/** The same keys as `T`, each holding a string: what the French and Arabic catalogues must be. */
export type SameKeys<T> = { readonly [K in keyof T]: T[K] extends string ? string : SameKeys<T[K]> }

/** The keys of a catalogue tree as Payload's `t` reads them: `group:key`. */
export type CatalogueKey<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : CatalogueKey<T[K], `${Prefix}${K}:`>
}[keyof T & string]

export type TranslationVars = Record<string, string | number>

type AnyTranslate = (key: never, vars?: never) => string

/**
 * A `t` for one namespace of a catalogue, typed by its English tree, over Payload's own `t` (typed
 * for Payload's keys only, hence the one cast here).
 */
export function namespacedTranslate<Tree>(namespace: string, t: AnyTranslate): (key: CatalogueKey<Tree>, vars?: TranslationVars) => string {
  const translate = t as unknown as (key: string, vars?: TranslationVars) => string
  return (key, vars) => translate(`${namespace}:${key}`, vars)
}

/** Every leaf of a tree, by its `a:b` path. */
export function catalogueLeaves(tree: CatalogueTree, prefix = ''): Map<string, string> {
  const leaves = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') leaves.set(`${prefix}${key}`, value)
    else for (const [path, text] of catalogueLeaves(value, `${prefix}${key}:`)) leaves.set(path, text)
  }
  return leaves
}

const placeholdersOf = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort()

/**
 * What is wrong with a catalogue: a key missing in a language, an empty text, placeholders that
 * differ from the English ones, an Arabic text with no Arabic letter (left in another language).
 */
export function catalogueProblems(catalogue: Record<AdminLanguage, CatalogueTree>): string[] {
  const problems: string[] = []
  const leaves = Object.fromEntries(adminLanguages.map((language) => [language, catalogueLeaves(catalogue[language])])) as Record<
    AdminLanguage,
    Map<string, string>
  >
  const allKeys = new Set(adminLanguages.flatMap((language) => [...leaves[language].keys()]))
  for (const key of allKeys) {
    for (const language of adminLanguages) {
      const text = leaves[language].get(key)
      if (text === undefined) problems.push(`${language}: "${key}" is missing`)
      else if (!text.trim()) problems.push(`${language}: "${key}" is empty`)
      else if (placeholdersOf(text).join() !== placeholdersOf(leaves.en.get(key) ?? '').join()) {
        problems.push(
          `${language}: "${key}" has placeholders ${placeholdersOf(text).join(', ') || 'none'}, English has ${placeholdersOf(leaves.en.get(key) ?? '').join(', ') || 'none'}`,
        )
      }
    }
    const arabic = leaves.ar.get(key)
    if (arabic && /[A-Za-z]/.test(arabic.replace(/\{\{\s*\w+\s*\}\}/g, '')) && !/[\u0600-\u06FF]/.test(arabic))
      problems.push(`ar: "${key}" has no Arabic letter`)
  }
  return problems
}

function lookup(tree: CatalogueTree, key: string): string {
  let node: string | CatalogueTree | undefined = tree
  for (const part of key.split(':')) node = typeof node === 'object' ? node[part] : undefined
  if (typeof node !== 'string') throw new Error(`No text "${key}" in the catalogue`)
  return node
}

/** `{{name}}` filled in from `vars`, as Payload's `t` does. */
export function fillPlaceholders(text: string, vars: TranslationVars = {}): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole))
}

/**
 * A text of a catalogue in the three languages at once, for what is answered or stored before
 * anyone reads it (an error to be shown in the reader's language, a reason kept with a document).
 */
export function localizedTexts<Tree extends CatalogueTree>(catalogue: Record<AdminLanguage, SameKeys<Tree>>) {
  return (key: CatalogueKey<Tree>, vars?: TranslationVars): Localized => ({
    fr: fillPlaceholders(lookup(catalogue.fr as CatalogueTree, key), vars),
    ar: fillPlaceholders(lookup(catalogue.ar as CatalogueTree, key), vars),
    en: fillPlaceholders(lookup(catalogue.en as CatalogueTree, key), vars),
  })
}

/** Several texts as one, sentence after sentence, in each language. */
export function joinLocalized(texts: readonly Localized[]): Localized {
  const join = (language: AdminLanguage) => texts.map((text) => text[language]).join(' ')
  return { fr: join('fr'), ar: join('ar'), en: join('en') }
}
