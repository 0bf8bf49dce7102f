import path from 'node:path'

import { Forbidden, ValidationError } from 'payload'
import type { CollectionBeforeChangeHook, CollectionBeforeOperationHook, CollectionConfig, PayloadRequest } from 'payload'

import { computedByServer, staffOnly } from '../src/domain/access'
import { fileStoresOf } from '../src/infra/file-store'
import { consentStates, consentStatus } from '../src/domain/consent'
import type { ConsentRecord } from '../src/domain/consent'
import { acceptedMimeTypes } from '../src/media/media-types'
import type { SizeLimits } from '../src/media/media-types'
import { inspectUpload } from '../src/media/media-sniffing'
import { removeRenditions, writeRenditions } from '../src/media/media-renditions'
import type { StoredRenditions } from '../src/media/media-renditions'
import { requestLanguage } from '../src/i18n/request-language'
import { appText } from '../src/i18n/translations'
import { hasRole } from '../src/domain/roles'
import { probeVideo, VideoProbeError } from '../src/media/video-probe'

type UploadedFile = { data: Buffer; mimetype: string; name: string; size: number }

/** Payload's upload fields that describe the stored file; Payload itself strips filename, url and sizes. */
const fileDerivedFields = ['mimeType', 'filesize', 'width', 'height', 'thumbnailURL']

const editors = ['admin', 'ncsc', 'consultant'] as const

const consentScopes = [
  { value: 'social_media', label: { fr: 'Réseaux sociaux', ar: 'شبكات التواصل', en: 'Social media' } },
  { value: 'video', label: { fr: 'Vidéo', ar: 'فيديو', en: 'Video' } },
  { value: 'print', label: { fr: 'Imprimé', ar: 'مطبوعات', en: 'Print' } },
  { value: 'press', label: { fr: 'Presse', ar: 'صحافة', en: 'Press' } },
  { value: 'website', label: { fr: 'Site web', ar: 'موقع إلكتروني', en: 'Website' } },
]

/**
 * Checks an upload from its bytes (never its name), refuses SVG, executables and oversize files,
 * and reads a video's duration, size and codec. Runs before Payload stores anything, so a refused
 * file leaves the earlier version untouched.
 */
/** Who uploads and edits media: the people who write content. */
const mayWriteMedia = (user: PayloadRequest['user']) => hasRole(user, ...editors)

function inspectIncomingFile(limits: SizeLimits): CollectionBeforeOperationHook {
  return async ({ args, operation, req }) => {
    if (operation !== 'create' && operation !== 'update') return args
    const file = req.file as UploadedFile | undefined
    if (!file?.data) {
      // Without a new file, what Payload reads from the file stays as the file said.
      const data = (args as { data?: Record<string, unknown> }).data
      if (data && !(args as { overrideAccess?: boolean }).overrideAccess) for (const field of fileDerivedFields) delete data[field]
      return args
    }
    // Payload checks access after this hook: a caller who may not write is refused before the file
    // is read, whatever the file, so the answer tells nobody which files would be accepted.
    if (!(args as { overrideAccess?: boolean }).overrideAccess && !mayWriteMedia(req.user)) throw new Forbidden(req.t)
    const verdict = await inspectUpload({ data: file.data, filename: file.name, declaredMimeType: file.mimetype, limits })
    if (!verdict.ok) {
      throw new ValidationError({ collection: 'media', errors: [{ path: 'file', message: verdict.message[requestLanguage(req)] }] }, req.t)
    }
    file.mimetype = verdict.mimeType
    req.context.badilMediaKind = verdict.kind
    if (verdict.kind === 'video') {
      try {
        req.context.badilVideo = await probeVideo(file.data)
      } catch (error) {
        const reason = error instanceof VideoProbeError ? error.userMessage[requestLanguage(req)] : appText('videoProbe:unreadable')[requestLanguage(req)]
        throw new ValidationError({ collection: 'media', errors: [{ path: 'file', message: reason }] }, req.t)
      }
    }
    return args
  }
}

/**
 * (Re)renders the six network renditions when an image arrives or its focal point moves, and
 * removes the files of the set it replaces.
 */
const renderImageRenditions: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const file = req.file as UploadedFile | undefined
  const kind = data.kind ?? originalDoc?.kind
  const mimeType: string | undefined = file?.mimetype ?? data.mimeType ?? originalDoc?.mimeType
  if (kind !== 'image' && !mimeType?.startsWith('image/')) return data
  const focalPoint = { x: Number(data.focalX ?? originalDoc?.focalX ?? 50), y: Number(data.focalY ?? originalDoc?.focalY ?? 50) }
  const focalMoved = originalDoc && (focalPoint.x !== Number(originalDoc.focalX ?? 50) || focalPoint.y !== Number(originalDoc.focalY ?? 50))
  if (!file?.data && !focalMoved && originalDoc?.renditions) return data
  const originalFilename: string | undefined = data.filename ?? originalDoc?.filename
  if (!originalFilename) return data
  const store = fileStoresOf(req.payload).media
  const source = file?.data ?? (await store.read(path.basename(originalFilename)))
  if (!source) {
    throw new ValidationError({ collection: 'media', errors: [{ path: 'file', message: appText('mediaUpload:originalMissing')[requestLanguage(req)] }] }, req.t)
  }
  const renditions = await writeRenditions({ source, originalFilename, store, focalPoint, serverUrl: req.payload.config.serverURL ?? '' })
  await removeRenditions(store, originalDoc?.renditions as StoredRenditions | undefined, renditions)
  data.renditions = renditions
  return data
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
      create: ({ req }) => mayWriteMedia(req.user),
      update: ({ req }) => mayWriteMedia(req.user),
      delete: ({ req }) => hasRole(req.user, 'admin', 'ncsc'),
    },
    // A copy would share the original's rendition files, and deleting either would remove them.
    disableDuplicate: true,
    upload: {
      staticDir: options.staticDir,
      mimeTypes: [...acceptedMimeTypes],
      // The consultant sets the focal point in the upload view; Badil's own pipeline (one decode
      // for the six sizes, see src/media/renditions.ts) crops the renditions around it.
      focalPoint: true,
      crop: true,
      adminThumbnail: ({ doc }) => (doc.renditions as StoredRenditions | undefined)?.thumbnail?.url ?? null,
    },
    hooks: {
      beforeOperation: [inspectIncomingFile(options.limits)],
      beforeChange: [
        ({ data, req }) => {
          if (req.context.badilMediaKind) data.kind = req.context.badilMediaKind
          const video = req.context.badilVideo as { durationSeconds: number; width: number; height: number; codec: string; sizeBytes: number } | undefined
          if (video) {
            data.video = { durationSeconds: video.durationSeconds, codec: video.codec }
            data.width = video.width
            data.height = video.height
          }
          return data
        },
        renderImageRenditions,
      ],
      afterDelete: [
        async ({ doc, req }) => {
          await removeRenditions(fileStoresOf(req.payload).media, doc.renditions as StoredRenditions | undefined)
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
        access: computedByServer,
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
        access: computedByServer,
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
        name: 'renditions',
        type: 'json',
        access: computedByServer,
        label: { fr: 'Déclinaisons par réseau', ar: 'مقاسات المنصات', en: 'Network renditions' },
        admin: {
          readOnly: true,
          description: {
            fr: 'Carré 1080×1080, portrait 1080×1350, story 1080×1920, paysage 1200×630, X 1600×900, vignette 1280×720 — recadrés autour du point focal.',
            ar: 'مربع 1080×1080، عمودي 1080×1350، قصة 1080×1920، أفقي 1200×630، X 1600×900، مصغرة 1280×720 — مقصوصة حول النقطة المحورية.',
            en: 'Square 1080×1080, portrait 1080×1350, story 1080×1920, landscape 1200×630, X 1600×900, thumbnail 1280×720 — cropped around the focal point.',
          },
        },
      },
      {
        name: 'consentStatus',
        // A select so that lists and the sidebar show the status in words, not its code.
        type: 'select',
        options: consentStates.map((state) => ({ value: state, label: appText(`consent:states:${state}`) })),
        virtual: true,
        label: { fr: 'Consentement', ar: 'الموافقة', en: 'Consent' },
        admin: { readOnly: true, position: 'sidebar' },
        hooks: {
          // Computed on every read: a consent expires with time, not with an edit.
          afterRead: [
            ({ data }) =>
              consentStatus({ peopleShown: data?.peopleShown as boolean | null, consents: data?.consents as ConsentRecord[] | null }, new Date()).status,
          ],
        },
      },
    ],
  }
}
