import type { LocalizedReason } from '../networks/types'

/** The engine's own reasons (the networks' come from the adapters), in the admin languages. */
export const reasons = {
  noAccount: (network: string, candidates: number): LocalizedReason =>
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
  needsReconnect: (name: string): LocalizedReason => ({
    fr: `Le compte « ${name} » doit être reconnecté (jeton expiré ou révoqué).`,
    ar: `يجب إعادة ربط الحساب «${name}» (الرمز منتهٍ أو ملغى).`,
    en: `The account "${name}" needs reconnecting (token expired or revoked).`,
  }),
  unreadableToken: (name: string): LocalizedReason => ({
    fr: `Le jeton du compte « ${name} » est illisible avec la clé actuelle (NETWORK_TOKEN_KEY) : reconnectez le compte.`,
    ar: `رمز الحساب «${name}» غير مقروء بالمفتاح الحالي (NETWORK_TOKEN_KEY): أعد ربط الحساب.`,
    en: `The token of "${name}" cannot be read with the current NETWORK_TOKEN_KEY: reconnect the account.`,
  }),
  manualAccount: (name: string): LocalizedReason => ({
    fr: `Le compte « ${name} » se publie à la main : téléchargez le kit puis marquez la variante comme publiée.`,
    ar: `الحساب «${name}» يُنشر يدويا: حمّل الحزمة ثم علّم الصيغة كمنشورة.`,
    en: `"${name}" is published by hand: download the kit, then mark the variant as posted.`,
  }),
  vetoed: (why: string): LocalizedReason => ({
    fr: `Publication refusée par une règle de publication : ${why}`,
    ar: `رفضت قاعدة نشر هذه الصيغة: ${why}`,
    en: `A publishing rule refused this post: ${why}`,
  }),
  invalidRequest: (issues: { field: string; message: LocalizedReason }[]): LocalizedReason => ({
    fr: `Le réseau refuserait ce post (rien n’a été envoyé) : ${issues.map((issue) => `${issue.field} — ${issue.message.fr}`).join(' ; ')}`,
    ar: `سترفض المنصة هذا المنشور (لم يُرسل شيء): ${issues.map((issue) => `${issue.field} — ${issue.message.ar}`).join('؛ ')}`,
    en: `The network would refuse this post (nothing was sent): ${issues.map((issue) => `${issue.field} — ${issue.message.en}`).join('; ')}`,
  }),
  preparationFailed: (detail: string): LocalizedReason => ({
    fr: `La publication n’a pas pu être préparée (rien n’a été envoyé) : ${detail}`,
    ar: `تعذر تحضير النشر (لم يُرسل شيء): ${detail}`,
    en: `The post could not be prepared (nothing was sent): ${detail}`,
  }),
  unexpected: (detail: string): LocalizedReason => ({
    fr: `Erreur inattendue pendant l’envoi ; le post a peut-être été publié. Vérification en cours. (${detail})`,
    ar: `خطأ غير متوقع أثناء الإرسال؛ ربما تم النشر. جارٍ التحقق. (${detail})`,
    en: `Unexpected error while sending; the post may exist. Checking. (${detail})`,
  }),
  gaveUp: (attempts: number, last: LocalizedReason): LocalizedReason => ({
    fr: `Abandon après ${attempts} tentatives. Dernière erreur : ${last.fr}`,
    ar: `توقفت المحاولات بعد ${attempts} محاولات. آخر خطأ: ${last.ar}`,
    en: `Gave up after ${attempts} attempts. Last error: ${last.en}`,
  }),
  lookupUnsupported: {
    fr: 'Ce réseau ne permet pas de vérifier si le post existe : vérifiez sur le réseau puis résolvez (publiée / non publiée).',
    ar: 'لا تسمح هذه المنصة بالتحقق من وجود المنشور: تحقق على المنصة ثم احسم الأمر (منشورة / غير منشورة).',
    en: 'This network cannot tell whether the post exists: check on the network, then resolve (published / not published).',
  } satisfies LocalizedReason,
  lookupGaveUp: {
    fr: 'La vérification automatique a échoué plusieurs fois : vérifiez sur le réseau puis résolvez.',
    ar: 'فشل التحقق الآلي عدة مرات: تحقق على المنصة ثم احسم الأمر.',
    en: 'Automatic checking failed several times: check on the network, then resolve.',
  } satisfies LocalizedReason,
  notFoundRequeued: {
    fr: 'Le post n’est pas sur le réseau : nouvelle publication.',
    ar: 'المنشور غير موجود على المنصة: ستُعاد محاولة النشر.',
    en: 'The post is not on the network: publishing it again.',
  } satisfies LocalizedReason,
}
