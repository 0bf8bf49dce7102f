/**
 * The rule set Badil ships with: seeded as proposed rules that NCSC reviews and activates.
 * Written as TypeScript data so Node ESM, jest and Next.js load it alike, typed at compile time.
 */

import type { RuleDefinition } from '../types'
import { defamationRules } from './defamation'
import { harassmentRules } from './harassment'
import { hateRules } from './hate'
import { misinformationRules } from './misinformation'
import { offTopicRules } from './off-topic'
import { personalDataRules } from './personal-data'
import { shippedRuleDefinition } from './shipped-rule'
import { spamRules } from './spam'

export const defaultRules: RuleDefinition[] = [
  ...harassmentRules,
  ...hateRules,
  ...defamationRules,
  ...personalDataRules,
  ...spamRules,
  ...misinformationRules,
  ...offTopicRules,
].map(shippedRuleDefinition)
