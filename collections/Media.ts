import { ValidationError } from 'payload'
import type { CollectionBeforeOperationHook, CollectionConfig, PayloadRequest } from 'payload'

import { staffOnly } from '../src/lib/access'
import { consentStatus } from '../src/lib/consent'
import type { ConsentRecord } from '../src/lib/consent'
import { acceptedMimeTypes } from '../src/lib/media-types'
import type { SizeLimits } from '../src/lib/media-types'
import { inspectUpload } from '../src/lib/media-sniffing'
import { renditionSizes } from '../src/lib/renditions'
import { hasRole } from '../src/lib/roles'
import { probeVideo, VideoProbeError } from '../src/lib/video-probe'

type UploadedFile = { data: Buffer; mimetype: string; name: string; size: number }

const editors = ['admin', 'ncsc', 'consultant'] as const

const consentScopes = [
  { value: 'social_media', label: { fr: 'Réseaux sociaux', ar: 'شبكات التواصل', en: 'Social media' } },
  { value: 'video', label: { fr: 'Vidéo', ar: 'فيديو', en: 'Video' } },
  { value: 'print', label: { fr: 'Imprimé', ar: 'مطبوعات', en: 'Print' } },
  { value: 'press', label: { fr: 'Presse', ar: 'صحافة', en: 'Press' } },
  { value: 'website', label: { fr: 'Site web', ar: 'موقع إلكتروني', en: 'Website' } },
]

function language(req: PayloadRequest): 'fr' | 'ar' | 'en' {
  const code = req.i18n?.language
  return code === 'ar' || code === 'en' ? code : 'fr'
}

/**
 * Checks an upload from its bytes (never its name), refuses SVG, executables and oversize files,
 * and reads a video's duration, size and codec. Runs before Payload stores anything, so a refused
 * file leaves the earlier version untouched.
 */
function inspectIncomingFile(limits: SizeLimits): CollectionBeforeOperationHook {
  return async ({ args, operation, req }) => {
    if (operation !== 'create' && operation !== 'update') return args
    const file = req.file as UploadedFile | undefined
    if (!file?.data) return args
    const verdict = await inspectUpload({ data: file.data, filename: file.name, declaredMimeType: file.mimetype, limits })
    if (!verdict.ok) {
      throw new ValidationError({ collection: 'media', errors: [{ path: 'file', message: verdict.message[language(req)] }] }, req.t)
    }
    file.mimetype = verdict.mimeType
    req.context.badilMediaKind = verdict.kind
    if (verdict.kind === 'video') {
      try {
        req.context.badilVideo = await probeVideo(file.data)
      } catch (error) {
        const reason = error instanceof VideoProbeError ? error.userMessage[language(req)] : 'unreadable video'
        throw new ValidationError({ collection: 'media', errors: [{ path: 'file', message: reason }] }, req.t)
      }
    }
    return args
  }
}

export function mediaCollection(options: { staticDir: string; limits: SizeLimits }): CollectionConfig {
  return {
    slug: 'media',
    labels: {
      singular: { fr: 'Média', ar: 'وسيط', en: 'Media' },
      plural: { fr: 'Médias', ar: 'الوسائط', en: 'Media' },
    },
    admin: {
      useAsTitle: 'filename',
      defaultColumns: ['filename', 'kind', 'alt', 'consentStatus', 'credit'],
      group: { fr: 'Contenus', ar: 'المحتوى', en: 'Content' },
    },
    access: {
      read: staffOnly,
      create: ({ req }) => hasRole(req.user, ...editors),
      update: ({ req }) => hasRole(req.user, ...editors),
      delete: ({ req }) => hasRole(req.user, 'admin', 'ncsc'),
    },
    upload: {
      staticDir: options.staticDir,
      mimeTypes: [...acceptedMimeTypes],
      focalPoint: true,
      crop: true,
      adminThumbnail: 'thumbnail',
      // Renditions for each network, cropped around the focal point the consultant sets.
      imageSizes: renditionSizes.map((size) => ({ name: size.name, width: size.width, height: size.height })),
    },
    hooks: {
      beforeOperation: [inspectIncomingFile(options.limits)],
      beforeChange: [
        ({ data, req }) => {
          if (req.context.badilMediaKind) data.kind = req.context.badilMediaKind
          const video = req.context.badilVideo as
            | { durationSeconds: number; width: number; height: number; codec: string; sizeBytes: number }
            | undefined
          if (video) {
            data.video = { durationSeconds: video.durationSeconds, codec: video.codec }
            data.width = video.width
            data.height = video.height
          }
          return data
        },
      ],
    },
    fields: [
      {
        name: 'alt',
        type: 'text',
        required: true,
        localized: true,
        label: { fr: 'Texte alternatif', ar: 'النص البديل', en: 'Alt text' },
        admin: {
          description: {
            fr: 'Décrit l’image pour les personnes aveugles ; à traduire dans chaque langue publiée.',
            ar: 'يصف الصورة للمكفوفين؛ يُترجم إلى كل لغة نشر.',
            en: 'Describes the image for blind people; translate it into every published language.',
          },
        },
      },
      { name: 'caption', type: 'textarea', localized: true, label: { fr: 'Légende', ar: 'التعليق', en: 'Caption' } },
      {
        name: 'kind',
        type: 'select',
        options: [
          { value: 'image', label: { fr: 'Image', ar: 'صورة', en: 'Image' } },
          { value: 'video', label: { fr: 'Vidéo', ar: 'فيديو', en: 'Video' } },
          { value: 'pdf', label: { fr: 'PDF', ar: 'PDF', en: 'PDF' } },
        ],
        index: true,
        label: { fr: 'Type', ar: 'النوع', en: 'Kind' },
        admin: { readOnly: true, position: 'sidebar' },
      },
      {
        name: 'video',
        type: 'group',
        label: { fr: 'Vidéo (lu dans le fichier)', ar: 'فيديو (مقروء من الملف)', en: 'Video (read from the file)' },
        admin: { condition: (data) => data?.kind === 'video', readOnly: true },
        fields: [
          { name: 'durationSeconds', type: 'number', label: { fr: 'Durée (s)', ar: 'المدة (ث)', en: 'Duration (s)' } },
          { name: 'codec', type: 'text', label: { fr: 'Codec', ar: 'الترميز', en: 'Codec' } },
        ],
      },
      { name: 'credit', type: 'text', label: { fr: 'Crédit', ar: 'الإسناد', en: 'Credit' } },
      {
        name: 'rightsHolder',
        type: 'text',
        defaultValue: 'NCSC — propriété exclusive',
        label: { fr: 'Titulaire des droits', ar: 'صاحب الحقوق', en: 'Rights holder' },
      },
      { name: 'licence', type: 'text', label: { fr: 'Licence', ar: 'الترخيص', en: 'Licence' } },
      {
        name: 'peopleShown',
        type: 'checkbox',
        defaultValue: false,
        label: { fr: 'Des personnes sont reconnaissables', ar: 'يظهر أشخاص يمكن التعرف عليهم', en: 'Identifiable people are shown' },
      },
      {
        name: 'consents',
        type: 'array',
        labels: {
          singular: { fr: 'Consentement', ar: 'موافقة', en: 'Consent' },
          plural: { fr: 'Consentements', ar: 'الموافقات', en: 'Consents' },
        },
        label: { fr: 'Consentements', ar: 'الموافقات', en: 'Consents' },
        admin: { condition: (data) => Boolean(data?.peopleShown) },
        fields: [
          {
            type: 'row',
            fields: [
              { name: 'person', type: 'text', required: true, label: { fr: 'Personne', ar: 'الشخص', en: 'Person' } },
              { name: 'signedOn', type: 'date', required: true, label: { fr: 'Signé le', ar: 'تاريخ التوقيع', en: 'Signed on' } },
              { name: 'expiresOn', type: 'date', label: { fr: 'Expire le', ar: 'ينتهي في', en: 'Expires on' } },
            ],
          },
          { name: 'scope', type: 'select', hasMany: true, required: true, options: consentScopes, label: { fr: 'Portée', ar: 'النطاق', en: 'Scope' } },
          { name: 'signedForm', type: 'upload', relationTo: 'media', label: { fr: 'Formulaire signé', ar: 'الاستمارة الموقعة', en: 'Signed form' } },
        ],
      },
      {
        name: 'consentStatus',
        type: 'text',
        virtual: true,
        label: { fr: 'Consentement', ar: 'الموافقة', en: 'Consent' },
        admin: { readOnly: true, position: 'sidebar' },
        hooks: {
          // Computed on every read: a consent expires with time, not with an edit.
          afterRead: [
            ({ data }) =>
              consentStatus(
                { peopleShown: data?.peopleShown as boolean | null, consents: data?.consents as ConsentRecord[] | null },
                new Date(),
              ).status,
          ],
        },
      },
    ],
  }
}
