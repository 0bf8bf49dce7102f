import type { CollectionConfig, CollectionSlug } from 'payload'

import { computedByServer } from '../../../src/domain/access'
import { option } from '../../../src/domain/labels'
import { networkLabels, networks } from '../../../src/domain/networks'
import { hasRole } from '../../../src/domain/roles'
import { moderationActionOptions, moderationCategoryOptions, severityOptions } from '../moderation/option-labels'

export const interactionsSlug = 'interactions'

export const interactionKinds = ['comment', 'reply', 'dm', 'mention', 'review'] as const
export type InteractionKind = (typeof interactionKinds)[number]

export const interactionStatuses = ['new', 'assigned', 'waiting', 'answered', 'escalated', 'hidden', 'closed'] as const
export type InteractionStatus = (typeof interactionStatuses)[number]

/** The language guessed from the text: Darija is told apart by its script, since the two read differently. */
export const interactionLanguages = ['fr', 'ar', 'ary_arabic', 'ary_latin', 'other'] as const
export type InteractionLanguage = (typeof interactionLanguages)[number]

export const interactionKindOptions = [
  option('comment', { fr: 'Commentaire', ar: 'تعليق', en: 'Comment' }),
  option('reply', { fr: 'Réponse', ar: 'رد', en: 'Reply' }),
  option('dm', { fr: 'Message privé', ar: 'رسالة خاصة', en: 'Direct message' }),
  option('mention', { fr: 'Mention', ar: 'إشارة', en: 'Mention' }),
  option('review', { fr: 'Avis', ar: 'تقييم', en: 'Review' }),
]

export const interactionStatusOptions = [
  option('new', { fr: 'Nouveau', ar: 'جديد', en: 'New' }),
  option('assigned', { fr: 'Attribué', ar: 'مسند', en: 'Assigned' }),
  option('waiting', { fr: 'En attente', ar: 'في الانتظار', en: 'Waiting' }),
  option('answered', { fr: 'Répondu', ar: 'تم الرد', en: 'Answered' }),
  option('escalated', { fr: 'Escaladé', ar: 'مُصعّد', en: 'Escalated' }),
  option('hidden', { fr: 'Masqué', ar: 'مخفي', en: 'Hidden' }),
  option('closed', { fr: 'Clos', ar: 'مغلق', en: 'Closed' }),
]

export const interactionLanguageOptions = [
  option('fr', { fr: 'Français', ar: 'الفرنسية', en: 'French' }),
  option('ar', { fr: 'Arabe', ar: 'العربية', en: 'Arabic' }),
  option('ary_arabic', { fr: 'Darija (lettres arabes)', ar: 'الدارجة (بالحروف العربية)', en: 'Darija (Arabic letters)' }),
  option('ary_latin', { fr: 'Darija (lettres latines)', ar: 'الدارجة (بالحروف اللاتينية)', en: 'Darija (Latin letters)' }),
  option('other', { fr: 'Autre ou indéterminée', ar: 'أخرى أو غير محددة', en: 'Other or unknown' }),
]

const arrivalOptions = [
  option('webhook', { fr: 'Notification du réseau', ar: 'إشعار من الشبكة', en: 'Network notification' }),
  option('poll', { fr: 'Relevé périodique', ar: 'جلب دوري', en: 'Periodic fetch' }),
  option('import', { fr: 'Import de fichier', ar: 'استيراد ملف', en: 'File import' }),
]

/** Who works the inbox: the community managers, NCSC, the administrator. */
/** Who works the inbox: reads and handles interactions. */
export const inboxTeam = ['admin', 'ncsc', 'cm'] as const

type InteractionsOptions = { variantsSlug: string; hooks?: CollectionConfig['hooks']; endpoints?: CollectionConfig['endpoints'] }

/**
 * Every comment, reply, message and mention that reaches Badil, one row per remote id and network.
 * Written by the inbox's server code (webhooks, polling, import); people change only how it is
 * worked (status, assignee, tags). The author is kept as a keyed pseudonym; the handle only as
 * long as the retention allows.
 */
export function interactionsCollection({ variantsSlug, hooks, endpoints }: InteractionsOptions): CollectionConfig {
  return {
    slug: interactionsSlug,
    ...(hooks ? { hooks } : {}),
    ...(endpoints ? { endpoints } : {}),
    labels: {
      singular: { fr: 'Interaction', ar: 'تفاعل', en: 'Interaction' },
      plural: { fr: 'Boîte de réception', ar: 'صندوق الوارد', en: 'Inbox' },
    },
    admin: {
      useAsTitle: 'text',
      defaultColumns: ['text', 'network', 'kind', 'status', 'language', 'receivedAt'],
      group: { fr: 'Modération', ar: 'الإشراف', en: 'Moderation' },
    },
    access: {
      read: ({ req }) => hasRole(req.user, ...inboxTeam),
      create: () => false,
      update: ({ req }) => hasRole(req.user, ...inboxTeam),
      delete: () => false,
    },
    defaultSort: '-receivedAt',
    indexes: [{ fields: ['network', 'remoteId'], unique: true }],
    fields: [
      {
        name: 'network',
        type: 'select',
        required: true,
        index: true,
        options: networks.map((network) => option(network, { fr: networkLabels[network], ar: networkLabels[network], en: networkLabels[network] })),
        access: computedByServer,
        label: { fr: 'Réseau', ar: 'الشبكة', en: 'Network' },
      },
      { name: 'account', type: 'relationship', relationTo: 'network-accounts', access: computedByServer, label: { fr: 'Compte', ar: 'الحساب', en: 'Account' } },
      {
        name: 'accountRemoteId',
        type: 'text',
        required: true,
        access: computedByServer,
        label: { fr: 'Identifiant du compte sur le réseau', ar: 'معرّف الحساب على الشبكة', en: 'Account id on the network' },
      },
      {
        name: 'kind',
        type: 'select',
        required: true,
        options: interactionKindOptions,
        access: computedByServer,
        label: { fr: 'Type', ar: 'النوع', en: 'Kind' },
      },
      {
        name: 'remoteId',
        type: 'text',
        required: true,
        access: computedByServer,
        label: { fr: 'Identifiant sur le réseau', ar: 'المعرّف على الشبكة', en: 'Id on the network' },
      },
      { name: 'parentRemoteId', type: 'text', index: true, access: computedByServer, label: { fr: 'Répond à', ar: 'ردّ على', en: 'In reply to' } },
      { name: 'postRemoteId', type: 'text', index: true, access: computedByServer, label: { fr: 'Publication', ar: 'المنشور', en: 'Post' } },
      {
        name: 'variant',
        type: 'relationship',
        relationTo: variantsSlug as CollectionSlug,
        index: true,
        access: computedByServer,
        label: { fr: 'Notre publication', ar: 'منشورنا', en: 'Our post' },
      },
      {
        name: 'authorPseudonym',
        type: 'text',
        index: true,
        access: computedByServer,
        label: { fr: 'Auteur (pseudonyme)', ar: 'الكاتب (اسم مستعار)', en: 'Author (pseudonym)' },
      },
      {
        name: 'authorHandle',
        type: 'text',
        access: computedByServer,
        label: { fr: 'Nom affiché de l’auteur', ar: 'اسم الكاتب الظاهر', en: 'Author’s display name' },
      },
      {
        name: 'fromAccountItself',
        type: 'checkbox',
        defaultValue: false,
        access: computedByServer,
        label: { fr: 'Écrit par notre compte', ar: 'كتبه حسابنا', en: 'Written by our account' },
      },
      { name: 'text', type: 'textarea', access: computedByServer, label: { fr: 'Texte', ar: 'النص', en: 'Text' }, admin: { rtl: false } },
      {
        name: 'language',
        type: 'select',
        options: interactionLanguageOptions,
        index: true,
        access: computedByServer,
        label: { fr: 'Langue', ar: 'اللغة', en: 'Language' },
      },
      { name: 'arrivedBy', type: 'select', options: arrivalOptions, access: computedByServer, label: { fr: 'Arrivé par', ar: 'وصل عبر', en: 'Arrived by' } },
      {
        name: 'receivedAt',
        type: 'date',
        required: true,
        index: true,
        access: computedByServer,
        label: { fr: 'Reçu le', ar: 'تاريخ الاستلام', en: 'Received at' },
      },
      { name: 'remoteCreatedAt', type: 'date', access: computedByServer, label: { fr: 'Écrit le', ar: 'تاريخ الكتابة', en: 'Written at' } },
      { name: 'remoteUpdatedAt', type: 'date', access: computedByServer, label: { fr: 'Dernière version le', ar: 'تاريخ آخر نسخة', en: 'Last version at' } },
      {
        name: 'removedOnNetworkAt',
        type: 'date',
        access: computedByServer,
        label: { fr: 'Supprimé sur le réseau le', ar: 'حُذف من الشبكة في', en: 'Removed on the network at' },
      },
      {
        name: 'hiddenOnNetwork',
        type: 'checkbox',
        defaultValue: false,
        access: computedByServer,
        label: { fr: 'Masqué sur le réseau', ar: 'مخفي على الشبكة', en: 'Hidden on the network' },
      },
      {
        name: 'moderation',
        type: 'group',
        access: computedByServer,
        label: { fr: 'Décision de modération', ar: 'قرار الإشراف', en: 'Moderation decision' },
        fields: [
          { name: 'decidedAt', type: 'date', label: { fr: 'Décidée le', ar: 'تاريخ القرار', en: 'Decided at' } },
          { name: 'flagged', type: 'checkbox', defaultValue: false, index: true, label: { fr: 'À examiner', ar: 'يحتاج إلى فحص', en: 'Needs a look' } },
          { name: 'category', type: 'select', options: moderationCategoryOptions, index: true, label: { fr: 'Catégorie', ar: 'الفئة', en: 'Category' } },
          { name: 'action', type: 'select', options: moderationActionOptions, label: { fr: 'Action proposée', ar: 'الإجراء المقترح', en: 'Proposed action' } },
          { name: 'severity', type: 'select', options: severityOptions, label: { fr: 'Gravité', ar: 'الخطورة', en: 'Severity' } },
          { name: 'ruleIds', type: 'text', label: { fr: 'Règles', ar: 'القواعد', en: 'Rules' } },
          { name: 'spans', type: 'json', label: { fr: 'Passages relevés', ar: 'المقاطع الملتقطة', en: 'Matched passages' } },
          {
            name: 'risk',
            type: 'number',
            index: true,
            label: { fr: 'Risque', ar: 'الخطر', en: 'Risk' },
            admin: {
              description: {
                fr: 'De 0 à 1 : la gravité des règles relevées, ou la probabilité donnée par le modèle d’aide au tri.',
                ar: 'من 0 إلى 1: خطورة القواعد الملتقطة، أو الاحتمال الذي يعطيه نموذج المساعدة على الفرز.',
                en: 'From 0 to 1: the severity of the rules matched, or the probability given by the triage model.',
              },
            },
          },
          { name: 'modelVersion', type: 'number', label: { fr: 'Modèle d’aide au tri', ar: 'نموذج المساعدة على الفرز', en: 'Triage model' } },
          { name: 'modelRaised', type: 'text', label: { fr: 'Signalé par le modèle pour', ar: 'أشار إليه النموذج بسبب', en: 'Raised by the model for' } },
          { name: 'modelWords', type: 'json', label: { fr: 'Mots qui pèsent le plus', ar: 'الكلمات الأكثر وزنا', en: 'Words that weigh most' } },
        ],
      },
      { name: 'escalatedAt', type: 'date', access: computedByServer, label: { fr: 'Escaladé le', ar: 'تاريخ التصعيد', en: 'Escalated at' } },
      {
        name: 'firstAnsweredAt',
        type: 'date',
        access: computedByServer,
        label: { fr: 'Première réponse de la campagne le', ar: 'تاريخ أول رد من الحملة', en: 'First answered by the campaign at' },
      },
      {
        name: 'suggestedTemplate',
        type: 'relationship',
        relationTo: 'response-templates' as CollectionSlug,
        access: computedByServer,
        label: { fr: 'Réponse approuvée suggérée', ar: 'الرد المعتمد المقترح', en: 'Suggested approved reply' },
      },
      {
        name: 'networkActionError',
        type: 'textarea',
        access: computedByServer,
        label: { fr: 'Action non faite sur le réseau', ar: 'إجراء لم يُنفّذ على الشبكة', en: 'Action not taken on the network' },
      },
      {
        name: 'status',
        type: 'select',
        required: true,
        defaultValue: 'new',
        index: true,
        options: interactionStatusOptions,
        label: { fr: 'État', ar: 'الحالة', en: 'Status' },
      },
      { name: 'reviewed', type: 'checkbox', defaultValue: false, label: { fr: 'Examiné', ar: 'رُوجع', en: 'Reviewed' } },
      { name: 'assignee', type: 'relationship', relationTo: 'users', index: true, label: { fr: 'Attribué à', ar: 'مسند إلى', en: 'Assigned to' } },
      {
        name: 'slaDueAt',
        type: 'date',
        index: true,
        access: computedByServer,
        label: { fr: 'Réponse attendue avant', ar: 'الرد متوقع قبل', en: 'Answer due by' },
      },
      {
        name: 'notes',
        type: 'array',
        label: { fr: 'Notes internes', ar: 'ملاحظات داخلية', en: 'Internal notes' },
        labels: { singular: { fr: 'Note', ar: 'ملاحظة', en: 'Note' }, plural: { fr: 'Notes', ar: 'ملاحظات', en: 'Notes' } },
        fields: [
          { name: 'text', type: 'textarea', required: true, label: { fr: 'Note', ar: 'ملاحظة', en: 'Note' } },
          { name: 'author', type: 'relationship', relationTo: 'users', access: computedByServer, label: { fr: 'Par', ar: 'بواسطة', en: 'By' } },
          { name: 'at', type: 'date', access: computedByServer, label: { fr: 'Le', ar: 'في', en: 'At' } },
        ],
      },
      { name: 'tags', type: 'text', hasMany: true, label: { fr: 'Étiquettes', ar: 'وسوم', en: 'Tags' } },
    ],
  }
}
