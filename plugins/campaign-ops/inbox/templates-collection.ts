import { APIError, ValidationError } from 'payload'
import type { CollectionConfig, Where } from 'payload'

import { computedByServer } from '../../../src/domain/access'
import { option } from '../../../src/domain/labels'
import { hasRole } from '../../../src/domain/roles'
import { requestLanguage } from '../../../src/i18n/request-language'
import { pluginText } from '../translations'

export const responseTemplatesSlug = 'response-templates'

/** The variables a template may use; anything else in `{{…}}` is refused when it is saved. */
export const templateVariables = ['handle'] as const

const approvers = ['admin', 'ncsc'] as const

/** A community manager edits the templates they proposed while they are not approved. */
const canUpdateTemplate = ({ req }: { req: { user?: { id: number | string; role?: string | null } | null } }) => {
  if (hasRole(req.user, ...approvers)) return true
  if (!hasRole(req.user, 'cm') || !req.user) return false
  const where: Where = { and: [{ proposedBy: { equals: req.user.id } }, { state: { not_equals: 'approved' } }] }
  return where
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
    update: canUpdateTemplate,
    delete: ({ req }) => hasRole(req.user, ...approvers),
  },
  hooks: {
    beforeChange: [
      ({ data, originalDoc, operation, req }) => {
        const nextState = data.state ?? originalDoc?.state ?? 'proposed'
        const previousState = operation === 'create' ? undefined : originalDoc?.state
        if (nextState === 'approved' && previousState !== 'approved' && !hasRole(req.user, ...approvers)) {
          throw new APIError(pluginText('collectionRefusals:approveTemplate')[requestLanguage(req)], 403, null, true)
        }
        const unknown = unknownVariables(data.body)
        if (unknown.length > 0) {
          const message = pluginText('collectionRefusals:templateVariable', { name: unknown[0]! })[requestLanguage(req)]
          throw new ValidationError({ collection: responseTemplatesSlug, errors: [{ path: 'body', message }] }, req.t)
        }
        data.proposedBy = operation === 'create' ? (req.user?.id ?? null) : originalDoc?.proposedBy
        if (nextState === 'approved' && previousState !== 'approved') {
          data.approvedBy = req.user?.id ?? null
          data.approvedAt = new Date().toISOString()
        } else if (nextState !== 'approved') {
          data.approvedBy = null
          data.approvedAt = null
        } else {
          data.approvedBy = originalDoc?.approvedBy ?? null
          data.approvedAt = originalDoc?.approvedAt ?? null
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
