import type { CollectionConfig, PayloadRequest } from 'payload'

import { option } from '../../../src/domain/labels'
import { hasRole, isStaff } from '../../../src/domain/roles'
import { requestLanguage } from '../../../src/i18n/request-language'
import { pluginText } from '../translations'

/** How an article speaks of the alternatives to incarceration. */
export const pressToneOptions = [
  option('positive', { fr: 'Favorable', ar: 'إيجابي', en: 'Positive' }),
  option('neutral', { fr: 'Neutre', ar: 'محايد', en: 'Neutral' }),
  option('mixed', { fr: 'Nuancé', ar: 'متباين', en: 'Mixed' }),
  option('negative', { fr: 'Défavorable', ar: 'سلبي', en: 'Negative' }),
]

export const pressMentionsSlug = 'press-mentions'

const editors = ['admin', 'ncsc', 'cm'] as const

/**
 * The campaign's appearances in the media ("mettre en valeur les passages médiatiques"): outlet,
 * date, link, language, a summary, the tone, and the themes and myths it touched, so the team can
 * highlight them and reports can count them.
 */
export const pressMentionsCollection: CollectionConfig = {
  slug: pressMentionsSlug,
  labels: {
    singular: { fr: 'Passage média', ar: 'ظهور إعلامي', en: 'Press mention' },
    plural: { fr: 'Passages médias', ar: 'الظهور الإعلامي', en: 'Press mentions' },
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'outlet', 'publishedAt', 'tone', 'highlighted'],
    group: { fr: 'Communauté', ar: 'المجتمع', en: 'Community' },
  },
  access: {
    read: ({ req }) => isStaff(req.user),
    create: ({ req }) => hasRole(req.user, ...editors),
    update: ({ req }) => hasRole(req.user, ...editors),
    delete: ({ req }) => hasRole(req.user, 'admin', 'ncsc'),
  },
  defaultSort: '-publishedAt',
  fields: [
    { name: 'title', type: 'text', required: true, label: { fr: 'Titre', ar: 'العنوان', en: 'Title' }, admin: { rtl: false } },
    { name: 'outlet', type: 'text', required: true, index: true, label: { fr: 'Média', ar: 'الوسيلة الإعلامية', en: 'Outlet' } },
    { name: 'publishedAt', type: 'date', required: true, index: true, label: { fr: 'Date de parution', ar: 'تاريخ النشر', en: 'Published on' } },
    {
      name: 'url',
      type: 'text',
      label: { fr: 'Lien', ar: 'الرابط', en: 'Link' },
      validate: (value: unknown, { req }: { req: PayloadRequest }) =>
        !value || (typeof value === 'string' && /^https?:\/\/[^\s]+$/i.test(value) && URL.canParse(value))
          ? true
          : pluginText('pressMentions:url')[requestLanguage(req)],
    },
    {
      name: 'language',
      type: 'select',
      required: true,
      defaultValue: 'fr',
      options: [
        option('fr', { fr: 'Français', ar: 'الفرنسية', en: 'French' }),
        option('ar', { fr: 'Arabe', ar: 'العربية', en: 'Arabic' }),
        option('ary', { fr: 'Darija', ar: 'الدارجة', en: 'Moroccan Darija' }),
        option('other', { fr: 'Autre', ar: 'أخرى', en: 'Other' }),
      ],
      label: { fr: 'Langue', ar: 'اللغة', en: 'Language' },
    },
    { name: 'summary', type: 'textarea', label: { fr: 'Résumé', ar: 'ملخص', en: 'Summary' } },
    {
      name: 'tone',
      type: 'select',
      required: true,
      defaultValue: 'neutral',
      options: pressToneOptions,
      label: { fr: 'Ton', ar: 'النبرة', en: 'Tone' },
    },
    { name: 'themes', type: 'relationship', relationTo: 'themes', hasMany: true, label: { fr: 'Thèmes', ar: 'المحاور', en: 'Themes' } },
    {
      name: 'myths',
      type: 'relationship',
      relationTo: 'myths',
      hasMany: true,
      label: { fr: 'Idées reçues abordées', ar: 'الأفكار الخاطئة المتناولة', en: 'Myths addressed' },
    },
    {
      name: 'highlighted',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      label: { fr: 'À mettre en valeur', ar: 'للإبراز', en: 'To highlight' },
      admin: { position: 'sidebar' },
    },
  ],
}
