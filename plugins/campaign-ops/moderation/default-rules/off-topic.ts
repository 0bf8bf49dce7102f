/**
 * Off-topic: comments with nothing to moderate or answer (only tagged friends, only emoji). They
 * are marked done so the inbox shows what needs a person.
 */

import type { ShippedRule } from './shipped-rule'

export const offTopicRules: ShippedRule[] = [
  {
    id: 'off-topic-only-mentions',
    names: { fr: 'Seulement des mentions de personnes', ar: 'إشارات إلى أشخاص فقط', en: 'Only tags people' },
    category: 'off_topic',
    action: 'mark_done',
    priority: 10,
    severity: 'low',
    terms: [],
    patterns: [{ source: '@[\\p{L}\\p{N}_.]+', note: 'A mention' }],
    exceptions: [],
    conditions: { onlyMentions: true },
    samples: {
      shouldMatch: ['@amine_b @sara.k', '@yassine'],
      shouldNotMatch: ['@amine_b regarde cette loi', 'Merci pour les explications'],
    },
  },
  {
    id: 'off-topic-only-emoji',
    names: { fr: 'Seulement des émojis', ar: 'رموز تعبيرية فقط', en: 'Only emoji' },
    category: 'off_topic',
    action: 'mark_done',
    priority: 10,
    severity: 'low',
    terms: [],
    patterns: [{ source: '\\p{So}', note: 'A pictographic symbol' }],
    exceptions: [],
    conditions: { onlyEmoji: true },
    samples: {
      shouldMatch: ['👍👍', '❤️🇲🇦', '🙏🏽'],
      shouldNotMatch: ['👍 bravo', 'merci'],
    },
  },
]
