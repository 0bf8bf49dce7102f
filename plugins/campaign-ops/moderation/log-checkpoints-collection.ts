import type { CollectionConfig } from 'payload'

import { readsTheLog } from './log-collection'

export const logCheckpointsSlug = 'moderation-log-checkpoints'

/**
 * The moderation log's seals: the sequence and hash of its last row, written apart from the log
 * each hour it grew (and after each nightly purge). The hash chain shows any row edited, removed
 * or reordered — except the last ones: a seal past the end of the log shows those were removed,
 * and a seal that no longer matches shows the tail was rewritten. Written by the server only,
 * never changed.
 */
export const logCheckpointsCollection: CollectionConfig = {
  slug: logCheckpointsSlug,
  labels: {
    singular: { fr: 'Sceau du journal', ar: 'ختم السجل', en: 'Log seal' },
    plural: { fr: 'Sceaux du journal', ar: 'أختام السجل', en: 'Log seals' },
  },
  admin: {
    useAsTitle: 'sequence',
    defaultColumns: ['sequence', 'hash', 'recordedAt'],
    group: { fr: 'Modération', ar: 'الإشراف', en: 'Moderation' },
    description: {
      fr: 'Le numéro et l’empreinte de la dernière ligne du journal de modération, relevés chaque heure. Recopiez-en un hors de Badil pour pouvoir prouver plus tard que rien n’a été retiré.',
      ar: 'رقم وبصمة آخر سطر في سجل الإشراف، يُسجَّلان كل ساعة. انسخ واحدا منها خارج بديل لتتمكن لاحقا من إثبات أن لا شيء حُذف.',
      en: 'The number and hash of the moderation log’s last row, recorded every hour. Copy one outside Badil to be able to prove later that nothing was removed.',
    },
  },
  graphQL: false,
  access: {
    read: ({ req }) => readsTheLog(req.user),
    create: () => false,
    update: () => false,
    delete: () => false,
  },
  defaultSort: '-sequence',
  fields: [
    { name: 'sequence', type: 'number', required: true, index: true, label: { fr: 'Dernière ligne', ar: 'آخر سطر', en: 'Last row' } },
    { name: 'hash', type: 'text', required: true, label: { fr: 'Son empreinte', ar: 'بصمته', en: 'Its hash' } },
    { name: 'recordedAt', type: 'date', required: true, label: { fr: 'Relevé le', ar: 'سُجّل في', en: 'Recorded at' } },
  ],
}
