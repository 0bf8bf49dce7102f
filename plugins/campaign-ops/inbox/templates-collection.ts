import { ValidationError } from 'payload'
import type { CollectionConfig } from 'payload'

import { computedByServer } from '../../../src/domain/access'
import { option } from '../../../src/domain/labels'
import { hasRole } from '../../../src/domain/roles'
import { requestLanguage } from '../../../src/i18n/request-language'
import { pluginText } from '../translations'
import { proposalUpdateAccess, recordProposal } from '../moderation/proposals'
import type { ProposalRules } from '../moderation/proposals'

export const responseTemplatesSlug = 'response-templates'

/** The variables a template may use; anything else in `{{…}}` is refused when it is saved. */
export const templateVariables = ['handle'] as const

const approvers = ['admin', 'ncsc'] as const

/** A community manager proposes and edits their proposals until NCSC approves them. */
const templateProposals: ProposalRules = {
  decidedState: 'approved',
  deciders: approvers,
  refusal: pluginText('collectionRefusals:approveTemplate'),
  decidedByField: 'approvedBy',
  decidedAtField: 'approvedAt',
  // A template taken back to proposal is no longer approved by anyone.
  forgetDecisionWhenLeft: true,
}

const unknownVariables = (text: string | null | undefined): string[] =>
  [...(text ?? '').matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)].map((match) => match[1]!).filter((name) => !(templateVariables as readonly string[]).includes(name))

/**
 * Approved replies and interaction guidelines, in French, Arabic and Darija (the content locales):
 * proposed by community managers, approved by NCSC, linked to the myth they correct so a
 * misinformation match suggests the approved correction with its legal source. `{{handle}}` is
 * replaced by the author's name when the reply is sent.
 */
export const responseTemplatesCollection: CollectionConfig = {
  slug: responseTemplatesSlug,
  labels: {
    singular: { fr: 'Modèle de réponse', ar: 'نموذج رد', en: 'Response template' },
    plural: { fr: 'Modèles de réponse', ar: 'نماذج الردود', en: 'Response templates' },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'purpose', 'myth', 'state'],
    group: { fr: 'Modération', ar: 'الإشراف', en: 'Moderation' },
  },
  access: {
    read: ({ req }) => hasRole(req.user, 'admin', 'ncsc', 'cm', 'legal'),
    create: ({ req }) => hasRole(req.user, 'admin', 'ncsc', 'cm'),
    update: proposalUpdateAccess(templateProposals),
    delete: ({ req }) => hasRole(req.user, ...approvers),
  },
  hooks: {
    beforeChange: [
      recordProposal(templateProposals),
      ({ data, req }) => {
        const unknown = unknownVariables(data.body)
        if (unknown.length > 0) {
          const message = pluginText('collectionRefusals:templateVariable', { name: unknown[0]! })[requestLanguage(req)]
          throw new ValidationError({ collection: responseTemplatesSlug, errors: [{ path: 'body', message }] }, req.t)
        }
        return data
      },
    ],
  },
  fields: [
    { name: 'name', type: 'text', required: true, label: { fr: 'Nom', ar: 'الاسم', en: 'Name' } },
    {
      name: 'purpose',
      type: 'select',
      required: true,
      defaultValue: 'correction',
      options: [
        option('correction', { fr: 'Corriger une idée reçue', ar: 'تصحيح فكرة خاطئة', en: 'Correct a misconception' }),
        option('answer', { fr: 'Répondre à une question', ar: 'الإجابة عن سؤال', en: 'Answer a question' }),
        option('thanks', { fr: 'Remercier', ar: 'الشكر', en: 'Thank' }),
        option('notice', { fr: 'Rappeler les règles du débat', ar: 'التذكير بقواعد النقاش', en: 'Recall the debate rules' }),
      ],
      label: { fr: 'Usage', ar: 'الاستعمال', en: 'Purpose' },
    },
    {
      name: 'myth',
      type: 'relationship',
      relationTo: 'myths',
      index: true,
      label: { fr: 'Idée reçue corrigée', ar: 'الفكرة الخاطئة المصححة', en: 'Myth corrected' },
    },
    {
      name: 'body',
      type: 'textarea',
      required: true,
      localized: true,
      label: { fr: 'Texte de la réponse', ar: 'نص الرد', en: 'Reply text' },
      admin: {
        description: {
          fr: '{{handle}} : le nom de la personne à qui l’on répond.',
          ar: '{{handle}}: اسم الشخص الذي نرد عليه.',
          en: '{{handle}}: the name of the person answered.',
        },
      },
    },
    {
      name: 'state',
      type: 'select',
      required: true,
      defaultValue: 'proposed',
      index: true,
      options: [
        option('proposed', { fr: 'Proposé', ar: 'مقترح', en: 'Proposed' }),
        option('approved', { fr: 'Approuvé', ar: 'معتمد', en: 'Approved' }),
        option('retired', { fr: 'Retiré', ar: 'متوقف', en: 'Retired' }),
      ],
      label: { fr: 'État', ar: 'الحالة', en: 'State' },
      admin: { position: 'sidebar' },
    },
    {
      name: 'proposedBy',
      type: 'relationship',
      relationTo: 'users',
      access: computedByServer,
      label: { fr: 'Proposé par', ar: 'اقترحه', en: 'Proposed by' },
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'approvedBy',
      type: 'relationship',
      relationTo: 'users',
      access: computedByServer,
      label: { fr: 'Approuvé par', ar: 'اعتمده', en: 'Approved by' },
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'approvedAt',
      type: 'date',
      access: computedByServer,
      label: { fr: 'Approuvé le', ar: 'تاريخ الاعتماد', en: 'Approved at' },
      admin: { position: 'sidebar', readOnly: true },
    },
  ],
}
