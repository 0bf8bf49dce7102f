/**
 * Builders for lexicon entries, so the rule files read as word lists with their language, script
 * and a note on why each word is there (spelling variants of one word share their note).
 */

import type { Language, RuleTerm, Script } from '../types'

type TermListBuilder = (note: string, texts: readonly string[]) => RuleTerm[]

function builder(language: Language, script: Script): TermListBuilder {
  return (note, texts) => texts.map((text) => ({ text, language, script, note }))
}

/** French, Latin letters. */
export const french = builder('fr', 'latin')

/** Modern Standard Arabic, Arabic letters. */
export const arabic = builder('ar', 'arabic')

/** Moroccan Darija in Arabic letters. */
export const darija = builder('ary', 'arabic')

/** Moroccan Darija in Latin letters with digits (Arabizi). */
export const arabizi = builder('ary', 'latin')
