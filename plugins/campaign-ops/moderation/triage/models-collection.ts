/**
 * `moderation-models`: every triage model trained on the campaign's own decisions, with what it
 * was trained on, its cross-validated figures per class, and who activated or retired it. Models
 * are written by the training job only; NCSC activates one (when its precision holds) or retires
 * it through the collection's endpoints, which log the change. The weights never leave the server.
 */
import type { CollectionConfig } from 'payload'

import { option } from '../../../../src/domain/labels'
import { hasRole } from '../../../../src/domain/roles'
import { clientComponent } from '../../admin-components'

export const moderationModelsSlug = 'moderation-models'

export const modelStatuses = ['candidate', 'active', 'retired'] as const
export type ModelStatus = (typeof modelStatuses)[number]

/** Who reads the models' figures: those who read the moderation log. */
export const readsModels = (user: Parameters<typeof hasRole>[0]) => hasRole(user, 'admin', 'ncsc', 'cm', 'analyst')

const nobody = () => false

export const triageClassOptions = [
  option('hostile', { fr: 'Propos hostiles', ar: 'كلام عدائي', en: 'Hostile speech' }),
  option('misinformation', { fr: 'Idée reçue', ar: 'فكرة مغلوطة', en: 'Misconception' }),
]

const classStatusOptions = [
  option('ready', { fr: 'Précision atteinte', ar: 'الدقة محققة', en: 'Precision reached' }),
  option('precision_not_reached', { fr: 'Précision non atteinte', ar: 'الدقة غير محققة', en: 'Precision not reached' }),
  option('too_few_examples', { fr: 'Trop peu d’exemples', ar: 'أمثلة غير كافية', en: 'Too few examples' }),
]

const figure = (name: string, label: { fr: string; ar: string; en: string }) => ({ name, type: 'number' as const, label, admin: { readOnly: true } })

export const moderationModelsCollection: CollectionConfig = {
  slug: moderationModelsSlug,
  labels: {
    singular: { fr: 'Modèle d’aide au tri', ar: 'نموذج المساعدة على الفرز', en: 'Triage model' },
    plural: { fr: 'Modèles d’aide au tri', ar: 'نماذج المساعدة على الفرز', en: 'Triage models' },
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'status', 'activatable', 'trainingSize', 'trainedAt'],
    group: { fr: 'Modération', ar: 'الإشراف', en: 'Moderation' },
    components: { beforeList: [clientComponent('TrainModelButton')] },
  },
  defaultSort: '-version',
  access: {
    read: ({ req }) => readsModels(req.user),
    create: nobody,
    update: nobody,
    delete: nobody,
  },
  fields: [
    {
      name: 'version',
      type: 'number',
      required: true,
      unique: true,
      index: true,
      label: { fr: 'Version', ar: 'الإصدار', en: 'Version' },
      admin: { readOnly: true },
    },
    { name: 'title', type: 'text', required: true, label: { fr: 'Modèle', ar: 'النموذج', en: 'Model' }, admin: { readOnly: true } },
    {
      name: 'status',
      type: 'select',
      required: true,
      index: true,
      defaultValue: 'candidate',
      options: [
        option('candidate', { fr: 'Entraîné, pas en service', ar: 'مدرَّب، غير مفعّل', en: 'Trained, not in use' }),
        option('active', { fr: 'En service', ar: 'مفعّل', en: 'In use' }),
        option('retired', { fr: 'Retiré', ar: 'متقاعد', en: 'Retired' }),
      ],
      label: { fr: 'État', ar: 'الحالة', en: 'Status' },
      admin: { readOnly: true },
    },
    {
      name: 'activatable',
      type: 'checkbox',
      defaultValue: false,
      label: { fr: 'Peut être mis en service', ar: 'يمكن تفعيله', en: 'Can be put in use' },
      admin: {
        readOnly: true,
        description: {
          fr: 'Au moins une catégorie atteint la précision visée en validation croisée.',
          ar: 'فئة واحدة على الأقل تبلغ الدقة المستهدفة في التحقق المتقاطع.',
          en: 'At least one class reaches the target precision in cross-validation.',
        },
      },
    },
    {
      name: 'trigger',
      type: 'select',
      required: true,
      options: [
        option('schedule', { fr: 'Entraînement hebdomadaire', ar: 'تدريب أسبوعي', en: 'Weekly training' }),
        option('request', { fr: 'Demandé par une personne', ar: 'بطلب من شخص', en: 'Asked by a person' }),
      ],
      label: { fr: 'Origine', ar: 'المصدر', en: 'Trigger' },
      admin: { readOnly: true },
    },
    {
      name: 'requestedBy',
      type: 'relationship',
      relationTo: 'users',
      label: { fr: 'Demandé par', ar: 'بطلب من', en: 'Requested by' },
      admin: { readOnly: true },
    },
    {
      name: 'trainedAt',
      type: 'date',
      required: true,
      index: true,
      label: { fr: 'Entraîné le', ar: 'تاريخ التدريب', en: 'Trained at' },
      admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
    },
    figure('trainingSeconds', { fr: 'Durée de l’entraînement (s)', ar: 'مدة التدريب (ث)', en: 'Training time (s)' }),
    figure('trainingSize', { fr: 'Décisions apprises', ar: 'القرارات المتعلَّمة', en: 'Decisions learned from' }),
    {
      name: 'labelCounts',
      type: 'group',
      label: { fr: 'Décisions par étiquette', ar: 'القرارات حسب التصنيف', en: 'Decisions per label' },
      fields: [
        figure('hostile', { fr: 'Masqués ou supprimés (hostiles)', ar: 'مخفية أو محذوفة (عدائية)', en: 'Hidden or deleted (hostile)' }),
        figure('misinformation', {
          fr: 'Corrigés par une réponse sur une idée reçue',
          ar: 'صُحّحت برد على فكرة مغلوطة',
          en: 'Answered with a misconception reply',
        }),
        figure('ok', { fr: 'Gardés ou rétablis', ar: 'أُبقيت أو أُعيدت', en: 'Kept or restored' }),
      ],
    },
    figure('targetPrecision', { fr: 'Précision visée', ar: 'الدقة المستهدفة', en: 'Target precision' }),
    {
      name: 'classes',
      type: 'array',
      label: { fr: 'Résultats par catégorie (validation croisée)', ar: 'النتائج حسب الفئة (تحقق متقاطع)', en: 'Results per class (cross-validation)' },
      labels: { singular: { fr: 'Catégorie', ar: 'فئة', en: 'Class' }, plural: { fr: 'Catégories', ar: 'فئات', en: 'Classes' } },
      admin: { readOnly: true },
      fields: [
        { name: 'className', type: 'select', required: true, options: triageClassOptions, label: { fr: 'Catégorie', ar: 'الفئة', en: 'Class' } },
        { name: 'status', type: 'select', required: true, options: classStatusOptions, label: { fr: 'Résultat', ar: 'النتيجة', en: 'Result' } },
        figure('positives', { fr: 'Exemples de la catégorie', ar: 'أمثلة الفئة', en: 'Examples of the class' }),
        figure('negatives', { fr: 'Autres exemples', ar: 'أمثلة أخرى', en: 'Other examples' }),
        figure('precision', { fr: 'Précision', ar: 'الدقة', en: 'Precision' }),
        figure('recall', { fr: 'Rappel', ar: 'الاستدعاء', en: 'Recall' }),
        figure('f1', { fr: 'F1', ar: 'F1', en: 'F1' }),
        figure('threshold', { fr: 'Seuil', ar: 'العتبة', en: 'Threshold' }),
      ],
    },
    {
      name: 'activatedAt',
      type: 'date',
      label: { fr: 'Mis en service le', ar: 'تاريخ التفعيل', en: 'Activated at' },
      admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'activatedBy',
      type: 'relationship',
      relationTo: 'users',
      label: { fr: 'Mis en service par', ar: 'فعّله', en: 'Activated by' },
      admin: { readOnly: true },
    },
    {
      name: 'retiredAt',
      type: 'date',
      label: { fr: 'Retiré le', ar: 'تاريخ السحب', en: 'Retired at' },
      admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
    },
    { name: 'retiredBy', type: 'relationship', relationTo: 'users', label: { fr: 'Retiré par', ar: 'سحبه', en: 'Retired by' }, admin: { readOnly: true } },
    {
      name: 'activation',
      type: 'ui',
      admin: { position: 'sidebar', components: { Field: clientComponent('ModelActivation') } },
    },
    {
      // The model file itself (several MB): read by the server only, never sent to a browser or a tool.
      name: 'model',
      type: 'json',
      access: { read: nobody, create: nobody, update: nobody },
      admin: { hidden: true },
    },
  ],
}
