import type { CollectionConfig } from 'payload'

import { hasRole } from '../../../src/domain/roles'

/**
 * The fact library: a misconception seen in the debate, its correction and its legal source.
 * Misinformation moderation rules link to it; reply templates (later) answer with it.
 */
export const Myths: CollectionConfig = {
  slug: 'myths',
  labels: {
    singular: { fr: 'Idée reçue', ar: 'مغالطة شائعة', en: 'Myth' },
    plural: { fr: 'Idées reçues', ar: 'المغالطات الشائعة', en: 'Myths' },
  },
  admin: {
    useAsTitle: 'claim',
    defaultColumns: ['key', 'claim', 'legalSource'],
    group: { fr: 'Modération', ar: 'الإشراف', en: 'Moderation' },
  },
  access: {
    read: ({ req }) => Boolean(req.user) && !hasRole(req.user, 'integration'),
    create: ({ req }) => hasRole(req.user, 'admin', 'ncsc', 'legal'),
    update: ({ req }) => hasRole(req.user, 'admin', 'ncsc', 'legal'),
    delete: ({ req }) => hasRole(req.user, 'admin', 'ncsc'),
  },
  fields: [
    {
      name: 'key',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      label: { fr: 'Identifiant', ar: 'المعرّف', en: 'Key' },
      admin: { description: { fr: 'Ex. impunity, rich-buy-freedom', ar: 'مثال: impunity', en: 'E.g. impunity, rich-buy-freedom' } },
    },
    { name: 'claim', type: 'textarea', required: true, localized: true, label: { fr: 'Idée reçue', ar: 'الادعاء', en: 'Claim' } },
    { name: 'correction', type: 'textarea', required: true, localized: true, label: { fr: 'Correction', ar: 'التصحيح', en: 'Correction' } },
    { name: 'legalSource', type: 'text', label: { fr: 'Source juridique', ar: 'المرجع القانوني', en: 'Legal source' } },
  ],
}
