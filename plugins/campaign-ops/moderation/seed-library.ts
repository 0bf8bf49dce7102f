import type { Payload } from 'payload'

import { defaultRules as defaultModerationRules } from './default-rules'
import { systemContext } from '../../../src/domain/actor'
import { defaultContentLocale } from '../../../src/domain/languages'
import { factLibrary } from './fact-library'
import type { RuleTerm } from './types'

const termRow = (term: RuleTerm) => ({ text: term.text, language: term.language, script: term.script, note: term.note })

/**
 * On a database without myths or rules: the fact library, and the shipped moderation rules —
 * active in development (so the demo moderates), proposed in production (NCSC reviews each one
 * before it acts on real comments).
 */
export async function seedModerationLibrary(payload: Payload, options: { activateRules: boolean }): Promise<void> {
  const mythIds = new Map<string, number>()
  if ((await payload.count({ collection: 'myths', overrideAccess: true })).totalDocs === 0) {
    for (const entry of factLibrary) {
      const myth = await payload.create({
        collection: 'myths',
        overrideAccess: true,
        locale: 'fr',
        data: { key: entry.key, claim: entry.claim.fr, correction: entry.correction.fr, legalSource: entry.legalSource },
      })
      await payload.update({
        collection: 'myths',
        id: myth.id,
        overrideAccess: true,
        locale: 'ar',
        data: { claim: entry.claim.ar, correction: entry.correction.ar },
      })
      mythIds.set(entry.key, myth.id)
    }
  }
  if ((await payload.count({ collection: 'moderation-rules', overrideAccess: true })).totalDocs > 0) return
  if (mythIds.size === 0) {
    const { docs } = await payload.find({ collection: 'myths', pagination: false, overrideAccess: true, depth: 0 })
    for (const myth of docs) mythIds.set(myth.key, myth.id)
  }
  for (const rule of defaultModerationRules) {
    const created = await payload.create({
      collection: 'moderation-rules',
      overrideAccess: true,
      context: systemContext('seed'),
      locale: defaultContentLocale,
      depth: 0,
      data: {
        name: rule.name,
        category: rule.category,
        action: rule.action,
        severity: rule.severity,
        priority: rule.priority,
        state: options.activateRules ? 'active' : 'proposed',
        terms: rule.terms.map(termRow),
        // Without its proximity conditions a myth rule would fail its own samples, and the seed with it.
        proximity: (rule.proximity ?? []).map((condition) => ({
          anyOf: condition.anyOf.map(termRow),
          nearAnyOf: condition.nearAnyOf.map(termRow),
          within: condition.within,
          note: condition.note,
        })),
        patterns: rule.patterns.map((pattern) => ({ source: pattern.source, view: pattern.view ?? 'base', note: pattern.note })),
        exceptions: rule.exceptions.map((text) => ({ text })),
        conditions: {
          containsLink: rule.conditions?.containsLink ?? false,
          containsEmail: rule.conditions?.containsEmail ?? false,
          containsPhone: rule.conditions?.containsPhone ?? false,
          onlyMentions: rule.conditions?.onlyMentions ?? false,
          onlyEmoji: rule.conditions?.onlyEmoji ?? false,
          minWords: rule.conditions?.minWords,
          maxWords: rule.conditions?.maxWords,
          platforms: rule.conditions?.platforms as never,
          itemFormats: rule.conditions?.itemFormats as never,
        },
        myth: rule.mythId ? mythIds.get(rule.mythId) : undefined,
        samples: {
          shouldMatch: rule.samples.shouldMatch.map((text) => ({ text })),
          shouldNotMatch: rule.samples.shouldNotMatch.map((text) => ({ text })),
        },
      },
    })
    // Its Arabic name in the Arabic locale, so explanations name it in Arabic; there is no English
    // content locale, so its English name stays with the shipped set (rule-names.ts).
    if (rule.names?.ar) {
      await payload.update({
        collection: 'moderation-rules',
        id: created.id,
        overrideAccess: true,
        context: systemContext('seed'),
        locale: 'ar',
        depth: 0,
        data: { name: rule.names.ar },
      })
    }
  }
  payload.logger.info(
    `Seeded ${factLibrary.length} myths and ${defaultModerationRules.length} moderation rules (${options.activateRules ? 'active' : 'proposed, for NCSC review'})`,
  )
}
