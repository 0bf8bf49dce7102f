import type { CollectionConfig, Field } from 'payload'

import { computedByServer } from '../../../src/domain/access'
import { option } from '../../../src/domain/labels'
import { contentLocales } from '../../../src/domain/languages'
import { actingSystem } from '../../../src/domain/actor'
import { hasRole } from '../../../src/domain/roles'
import { pluginText } from '../translations'
import { moderationActionOptions, moderationCategoryOptions, severityOptions } from './option-labels'
import { logRuleChange, logRuleDeletion, validateRuleBeforeChange } from './rule-hooks'
import { MAX_PROXIMITY_WORDS, MIN_PROXIMITY_WORDS } from './proximity'
import { proposalUpdateAccess, recordProposal } from './proposals'
import type { ProposalRules } from './proposals'

const ruleStateOptions = [
  option('proposed', { fr: 'Proposée', ar: 'مقترحة', en: 'Proposed' }),
  option('active', { fr: 'Active', ar: 'مفعّلة', en: 'Active' }),
  option('retired', { fr: 'Retirée', ar: 'متوقفة', en: 'Retired' }),
]

const platformOptions = ['facebook', 'instagram', 'x', 'linkedin', 'youtube', 'tiktok']
const itemFormatOptions = ['post', 'infographic', 'short_video', 'animated_video', 'story', 'carousel', 'article', 'live']

const moderators = ['admin', 'ncsc'] as const

/** A term as the engine reads it (types.ts RuleTerm): rule terms and both groups of a proximity condition. */
const termFields: Field[] = [
  {
    type: 'row',
    fields: [
      { name: 'text', type: 'text', required: true, label: { fr: 'Terme', ar: 'اللفظ', en: 'Term' } },
      {
        name: 'language',
        type: 'select',
        required: true,
        defaultValue: 'fr',
        options: contentLocales.map((locale) => ({ value: locale.code, label: locale.label })),
        label: { fr: 'Langue', ar: 'اللغة', en: 'Language' },
      },
      {
        name: 'script',
        type: 'select',
        required: true,
        defaultValue: 'latin',
        options: [
          option('latin', { fr: 'Latin (dont arabizi)', ar: 'لاتيني (بما فيه العربيزي)', en: 'Latin (incl. Arabizi)' }),
          option('arabic', { fr: 'Arabe', ar: 'عربي', en: 'Arabic' }),
        ],
        label: { fr: 'Écriture', ar: 'الخط', en: 'Script' },
      },
    ],
  },
  { name: 'note', type: 'text', label: { fr: 'Note', ar: 'ملاحظة', en: 'Note' } },
]

const termLabels = { singular: { fr: 'Terme', ar: 'لفظ', en: 'Term' }, plural: { fr: 'Termes', ar: 'ألفاظ', en: 'Terms' } }

/** A CM proposes; NCSC or an admin activates — the system too, when it seeds the shipped rules. */
const ruleProposals: ProposalRules = {
  decidedState: 'active',
  deciders: moderators,
  refusal: pluginText('collectionRefusals:activateRule'),
  decidedByField: 'activatedBy',
  decidedAtField: 'activatedAt',
  // A retired rule keeps who activated it.
  forgetDecisionWhenLeft: false,
  alsoDecides: (req) => actingSystem(req) === 'seed',
}

/**
 * Moderation rules: explainable, per-language terms and safe patterns that the CM proposes and
 * NCSC activates; each is validated by the engine (samples included), logged, and the active
 * ones recompiled.
 */
export const ModerationRules: CollectionConfig = {
  slug: 'moderation-rules',
  labels: {
    singular: { fr: 'Règle de modération', ar: 'قاعدة إشراف', en: 'Moderation rule' },
    plural: { fr: 'Règles de modération', ar: 'قواعد الإشراف', en: 'Moderation rules' },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'category', 'action', 'severity', 'priority', 'state'],
    group: { fr: 'Modération', ar: 'الإشراف', en: 'Moderation' },
    listSearchableFields: ['name'],
  },
  access: {
    read: ({ req }) => hasRole(req.user, 'admin', 'ncsc', 'cm', 'analyst', 'legal'),
    create: ({ req }) => hasRole(req.user, 'admin', 'ncsc', 'cm'),
    update: proposalUpdateAccess(ruleProposals),
    delete: ({ req }) => hasRole(req.user, ...moderators),
  },
  hooks: {
    beforeChange: [
      recordProposal(ruleProposals),
      // The engine validates the rule against its own samples before it is stored.
      validateRuleBeforeChange,
    ],
    // Every change is logged, and the active rule set recompiled.
    afterChange: [logRuleChange],
    afterDelete: [logRuleDeletion],
  },
  fields: [
    // Explanations name the rule in each reader's language (rule-names.ts); French is the fallback.
    { name: 'name', type: 'text', required: true, localized: true, label: { fr: 'Nom', ar: 'الاسم', en: 'Name' } },
    {
      type: 'row',
      fields: [
        { name: 'category', type: 'select', required: true, options: moderationCategoryOptions, label: { fr: 'Catégorie', ar: 'الفئة', en: 'Category' } },
        {
          name: 'action',
          type: 'select',
          required: true,
          defaultValue: 'flag',
          options: moderationActionOptions,
          label: { fr: 'Action', ar: 'الإجراء', en: 'Action' },
        },
        {
          name: 'severity',
          type: 'select',
          required: true,
          defaultValue: 'medium',
          options: severityOptions,
          label: { fr: 'Gravité', ar: 'الخطورة', en: 'Severity' },
        },
        { name: 'priority', type: 'number', required: true, defaultValue: 50, min: 0, max: 1000, label: { fr: 'Priorité', ar: 'الأولوية', en: 'Priority' } },
      ],
    },
    {
      name: 'state',
      type: 'select',
      required: true,
      defaultValue: 'proposed',
      options: ruleStateOptions,
      index: true,
      label: { fr: 'État', ar: 'الحالة', en: 'State' },
      admin: { position: 'sidebar' },
    },
    {
      name: 'terms',
      type: 'array',
      labels: termLabels,
      label: { fr: 'Termes et expressions', ar: 'الألفاظ والعبارات', en: 'Terms and phrases' },
      admin: {
        description: {
          fr: 'Mots entiers après normalisation ; « * » final = préfixe (ex. « encul* »).',
          ar: 'كلمات كاملة بعد التوحيد؛ «*» في النهاية = بادئة.',
          en: 'Whole words after normalization; a trailing "*" makes a prefix (e.g. "encul*").',
        },
      },
      fields: termFields,
    },
    {
      name: 'proximity',
      type: 'array',
      labels: { singular: pluginText('ruleFields:proximityRow'), plural: pluginText('ruleFields:proximity') },
      label: pluginText('ruleFields:proximity'),
      admin: { description: pluginText('ruleFields:proximityDescription') },
      fields: [
        { name: 'anyOf', type: 'array', labels: termLabels, label: pluginText('ruleFields:anyOf'), fields: termFields },
        { name: 'nearAnyOf', type: 'array', labels: termLabels, label: pluginText('ruleFields:nearAnyOf'), fields: termFields },
        {
          type: 'row',
          fields: [
            {
              name: 'within',
              type: 'number',
              required: true,
              defaultValue: 6,
              min: MIN_PROXIMITY_WORDS,
              max: MAX_PROXIMITY_WORDS,
              label: pluginText('ruleFields:within'),
              admin: { step: 1, description: pluginText('ruleFields:withinDescription', { max: MAX_PROXIMITY_WORDS }) },
            },
            { name: 'note', type: 'text', label: pluginText('ruleFields:note') },
          ],
        },
      ],
    },
    {
      name: 'patterns',
      type: 'array',
      labels: { singular: { fr: 'Motif', ar: 'نمط', en: 'Pattern' }, plural: { fr: 'Motifs', ar: 'أنماط', en: 'Patterns' } },
      label: { fr: 'Motifs (syntaxe RE2)', ar: 'أنماط (صيغة RE2)', en: 'Patterns (RE2 syntax)' },
      fields: [
        { name: 'source', type: 'text', required: true, label: { fr: 'Motif', ar: 'النمط', en: 'Pattern' } },
        {
          name: 'view',
          type: 'select',
          defaultValue: 'base',
          options: [
            option('base', { fr: 'Texte normalisé', ar: 'النص الموحد', en: 'Normalized text' }),
            option('arabizi', { fr: 'Vue arabizi', ar: 'عرض العربيزي', en: 'Arabizi view' }),
          ],
          label: { fr: 'Appliqué à', ar: 'يُطبق على', en: 'Applied to' },
        },
        { name: 'note', type: 'text', label: { fr: 'Note', ar: 'ملاحظة', en: 'Note' } },
      ],
    },
    {
      name: 'exceptions',
      type: 'array',
      labels: { singular: { fr: 'Exception', ar: 'استثناء', en: 'Exception' }, plural: { fr: 'Exceptions', ar: 'استثناءات', en: 'Exceptions' } },
      label: { fr: 'Exceptions (annulent la règle)', ar: 'استثناءات (تلغي القاعدة)', en: 'Exceptions (cancel the rule)' },
      fields: [{ name: 'text', type: 'text', required: true, label: { fr: 'Terme', ar: 'اللفظ', en: 'Term' } }],
    },
    {
      name: 'conditions',
      type: 'group',
      label: { fr: 'Conditions', ar: 'الشروط', en: 'Conditions' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'containsLink', type: 'checkbox', label: { fr: 'Contient un lien', ar: 'يتضمن رابطا', en: 'Contains a link' } },
            { name: 'containsEmail', type: 'checkbox', label: { fr: 'Contient un e-mail', ar: 'يتضمن بريدا', en: 'Contains an email' } },
            { name: 'containsPhone', type: 'checkbox', label: { fr: 'Contient un téléphone', ar: 'يتضمن هاتفا', en: 'Contains a phone' } },
            { name: 'onlyMentions', type: 'checkbox', label: { fr: 'Seulement des mentions', ar: 'إشارات فقط', en: 'Only mentions' } },
            { name: 'onlyEmoji', type: 'checkbox', label: { fr: 'Seulement des emoji', ar: 'رموز تعبيرية فقط', en: 'Only emoji' } },
          ],
        },
        {
          type: 'row',
          fields: [
            { name: 'minWords', type: 'number', min: 0, label: { fr: 'Mots (min.)', ar: 'الكلمات (أدنى)', en: 'Words (min)' } },
            { name: 'maxWords', type: 'number', min: 0, label: { fr: 'Mots (max.)', ar: 'الكلمات (أقصى)', en: 'Words (max)' } },
          ],
        },
        { name: 'platforms', type: 'select', hasMany: true, options: platformOptions, label: { fr: 'Plateformes', ar: 'المنصات', en: 'Platforms' } },
        { name: 'itemFormats', type: 'select', hasMany: true, options: itemFormatOptions, label: { fr: 'Formats', ar: 'الأشكال', en: 'Item formats' } },
      ],
    },
    {
      name: 'myth',
      type: 'relationship',
      relationTo: 'myths',
      label: { fr: 'Idée reçue liée', ar: 'المغالطة المرتبطة', en: 'Linked myth' },
      admin: { condition: (data) => data?.category === 'misinformation' },
    },
    {
      name: 'samples',
      type: 'group',
      label: { fr: 'Exemples de commentaires', ar: 'أمثلة تعليقات', en: 'Sample comments' },
      admin: {
        description: {
          fr: 'La règle doit attraper les premiers et laisser passer les seconds ; sinon elle est refusée.',
          ar: 'يجب أن تلتقط القاعدة الأولى وتترك الثانية؛ وإلا تُرفض.',
          en: 'The rule must catch the first and let the second through, or it is refused.',
        },
      },
      fields: [
        {
          name: 'shouldMatch',
          type: 'array',
          label: { fr: 'Doivent être attrapés', ar: 'يجب التقاطها', en: 'Must match' },
          fields: [{ name: 'text', type: 'textarea', required: true, label: { fr: 'Commentaire', ar: 'تعليق', en: 'Comment' } }],
        },
        {
          name: 'shouldNotMatch',
          type: 'array',
          label: { fr: 'Ne doivent pas être attrapés', ar: 'يجب ألا تُلتقط', en: 'Must not match' },
          fields: [{ name: 'text', type: 'textarea', required: true, label: { fr: 'Commentaire', ar: 'تعليق', en: 'Comment' } }],
        },
      ],
    },
    {
      name: 'proposedBy',
      type: 'relationship',
      access: computedByServer,
      relationTo: 'users',
      label: { fr: 'Proposée par', ar: 'اقترحها', en: 'Proposed by' },
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'activatedBy',
      type: 'relationship',
      access: computedByServer,
      relationTo: 'users',
      label: { fr: 'Activée par', ar: 'فعّلها', en: 'Activated by' },
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'activatedAt',
      type: 'date',
      access: computedByServer,
      label: { fr: 'Activée le', ar: 'تاريخ التفعيل', en: 'Activated at' },
      admin: { position: 'sidebar', readOnly: true },
    },
  ],
}
