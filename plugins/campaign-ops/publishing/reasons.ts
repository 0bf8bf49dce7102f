import { randomBytes } from 'node:crypto'
import type { Localized } from '../../../src/i18n/catalogue'

/**
 * A post that cannot go out for a reason people can act on (no account, not cleared, a limit):
 * nothing was sent. Its reason is safe to show and to send in webhooks.
 */
export class PreparationError extends Error {
  constructor(readonly reason: Localized) {
    super(reason.en)
    this.name = 'PreparationError'
  }
}

/**
 * The reference under which an internal error's details are logged: people and webhook receivers
 * get this code and a safe message, never the error's own text.
 */
export function internalErrorReference(): string {
  return `internal_error:${randomBytes(4).toString('hex')}`
}

/** The engine's own reasons (the networks' come from the adapters), in the admin languages. */
export const reasons = {
  noAccount: (network: string, candidates: number): Localized =>
    candidates === 0
      ? {
          fr: `Aucun compte ${network} n’est connecté : un administrateur doit en connecter un.`,
          ar: `لا يوجد حساب ${network} مربوط: على المسؤول ربط حساب.`,
          en: `No ${network} account is connected: an administrator must connect one.`,
        }
      : {
          fr: `Plusieurs comptes ${network} sont connectés : choisissez le compte de la variante.`,
          ar: `عدة حسابات ${network} مربوطة: اختر حساب هذه الصيغة.`,
          en: `Several ${network} accounts are connected: choose the variant’s account.`,
        },
  needsReconnect: (name: string): Localized => ({
    fr: `Le compte « ${name} » doit être reconnecté (jeton expiré ou révoqué).`,
    ar: `يجب إعادة ربط الحساب «${name}» (الرمز منتهٍ أو ملغى).`,
    en: `The account "${name}" needs reconnecting (token expired or revoked).`,
  }),
  unreadableToken: (name: string): Localized => ({
    fr: `Le jeton du compte « ${name} » est illisible avec la clé actuelle (NETWORK_TOKEN_KEY) : reconnectez le compte.`,
    ar: `رمز الحساب «${name}» غير مقروء بالمفتاح الحالي (NETWORK_TOKEN_KEY): أعد ربط الحساب.`,
    en: `The token of "${name}" cannot be read with the current NETWORK_TOKEN_KEY: reconnect the account.`,
  }),
  accountOfOtherNetwork: (name: string, accountNetwork: string, variantNetwork: string): Localized => ({
    fr: `Le compte « ${name} » est un compte ${accountNetwork} : rien n’a été envoyé. Choisissez un compte ${variantNetwork} pour cette variante.`,
    ar: `الحساب «${name}» حساب على ${accountNetwork}: لم يُرسل شيء. اختر حسابا على ${variantNetwork} لهذه الصيغة.`,
    en: `"${name}" is a ${accountNetwork} account: nothing was sent. Choose a ${variantNetwork} account for this variant.`,
  }),
  manualAccount: (name: string): Localized => ({
    fr: `Le compte « ${name} » se publie à la main : téléchargez le kit puis marquez la variante comme publiée.`,
    ar: `الحساب «${name}» يُنشر يدويا: حمّل الحزمة ثم علّم الصيغة كمنشورة.`,
    en: `"${name}" is published by hand: download the kit, then mark the variant as posted.`,
  }),
  vetoed: (why: string): Localized => ({
    fr: `Publication refusée par une règle de publication : ${why}`,
    ar: `رفضت قاعدة نشر هذه الصيغة: ${why}`,
    en: `A publishing rule refused this post: ${why}`,
  }),
  invalidRequest: (issues: { field: string; message: Localized }[]): Localized => ({
    fr: `Le réseau refuserait ce post (rien n’a été envoyé) : ${issues.map((issue) => `${issue.field} — ${issue.message.fr}`).join(' ; ')}`,
    ar: `سترفض المنصة هذا المنشور (لم يُرسل شيء): ${issues.map((issue) => `${issue.field} — ${issue.message.ar}`).join('؛ ')}`,
    en: `The network would refuse this post (nothing was sent): ${issues.map((issue) => `${issue.field} — ${issue.message.en}`).join('; ')}`,
  }),
  preparationFailed: (reference: string): Localized => ({
    fr: `La publication n’a pas pu être préparée (rien n’a été envoyé). Erreur interne ${reference} : l’administrateur en trouve le détail dans le journal du serveur.`,
    ar: `تعذر تحضير النشر (لم يُرسل شيء). خطأ داخلي ${reference}: يجد المسؤول تفاصيله في سجل الخادم.`,
    en: `The post could not be prepared (nothing was sent). Internal error ${reference}: an administrator finds the details in the server log.`,
  }),
  unexpected: (reference: string): Localized => ({
    fr: `Erreur interne pendant l’envoi (${reference}) ; le post a peut-être été publié. Vérification en cours.`,
    ar: `خطأ داخلي أثناء الإرسال (${reference})؛ ربما تم النشر. جارٍ التحقق.`,
    en: `Internal error while sending (${reference}); the post may exist. Checking.`,
  }),
  lookupFailed: (reference: string): Localized => ({
    fr: `La vérification sur le réseau a échoué (erreur interne ${reference}) ; nouvel essai plus tard.`,
    ar: `فشل التحقق على المنصة (خطأ داخلي ${reference})؛ ستُعاد المحاولة لاحقا.`,
    en: `Checking the network failed (internal error ${reference}); trying again later.`,
  }),
  gaveUp: (attempts: number, last: Localized): Localized => ({
    fr: `Abandon après ${attempts} tentatives. Dernière erreur : ${last.fr}`,
    ar: `توقفت المحاولات بعد ${attempts} محاولات. آخر خطأ: ${last.ar}`,
    en: `Gave up after ${attempts} attempts. Last error: ${last.en}`,
  }),
  lookupUnsupported: {
    fr: 'Ce réseau ne permet pas de vérifier si le post existe : vérifiez sur le réseau puis résolvez (publiée / non publiée).',
    ar: 'لا تسمح هذه المنصة بالتحقق من وجود المنشور: تحقق على المنصة ثم احسم الأمر (منشورة / غير منشورة).',
    en: 'This network cannot tell whether the post exists: check on the network, then resolve (published / not published).',
  } satisfies Localized,
  lookupGaveUp: {
    fr: 'La vérification automatique a échoué plusieurs fois : vérifiez sur le réseau puis résolvez.',
    ar: 'فشل التحقق الآلي عدة مرات: تحقق على المنصة ثم احسم الأمر.',
    en: 'Automatic checking failed several times: check on the network, then resolve.',
  } satisfies Localized,
  notFoundRequeued: {
    fr: 'Le post n’est pas sur le réseau : nouvelle publication.',
    ar: 'المنشور غير موجود على المنصة: ستُعاد محاولة النشر.',
    en: 'The post is not on the network: publishing it again.',
  } satisfies Localized,
}
