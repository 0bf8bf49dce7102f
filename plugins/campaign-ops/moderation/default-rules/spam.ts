/**
 * Spam: betting and crypto promotion, easy-money offers, invitations to messaging groups and
 * self-promotion. Brand names of betting sites hide at once; phrases that a citizen could also
 * write hide only when the comment carries a link, and are otherwise flagged.
 */

import type { RuleTerm } from '../types'
import { arabic, arabizi, darija, french } from './lexicon'
import type { ShippedRule } from './shipped-rule'

/** Offers nobody makes in good faith: they hide when a link comes with them. */
const easyMoneyOffers: RuleTerm[] = [
  ...french('Easy-money offer', [
    "gagnez de l'argent",
    "gagner de l'argent facilement",
    'argent facile',
    'revenu passif',
    'revenus passifs',
    'devenez riche',
    'investissement garanti',
    'doublez votre argent',
    'doubler votre argent',
    'gain rapide',
    'gains rapides',
  ]),
  ...arabic('Easy-money offer', ['ربح المال', 'اربح المال', 'ربح سريع', 'الربح السريع', 'الربح من الانترنت', 'دخل اضافي']),
  ...darija('Easy-money offer', ['ربح الفلوس', 'ربح لفلوس', 'تربح لفلوس', 'تربح الفلوس', 'دخل معانا']),
  ...arabizi('Easy-money offer', ['rb7 lflous', 'trb7 lflous', 'trbe7 lflous', 'rbe7 flous', 'dkhl m3ana']),
]

/** Topics a citizen may also discuss (scams, crypto): only ever flagged. */
const cryptoTopics: RuleTerm[] = [
  ...french('Crypto or forex promotion', ['trading', 'forex', 'crypto', 'cryptos', 'bitcoin', 'binance', 'usdt']),
  ...arabic('Crypto or forex promotion', ['فوركس', 'الفوركس', 'بيتكوين', 'البيتكوين', 'العملات الرقميه', 'عملات رقميه', 'تداول العملات']),
]

const selfPromotionTerms: RuleTerm[] = [
  ...french('Self-promotion', [
    'abonnez-vous à ma chaîne',
    'abonnez vous a ma chaine',
    'abonnez-vous à ma page',
    'suivez ma page',
    'suivez-moi',
    'visitez mon profil',
    'allez voir mon profil',
    'check my profile',
    'follow me',
    'follow back',
    'sub4sub',
    'like ma page',
    'partagez ma page',
  ]),
  ...arabic('Self-promotion', ['تابعوا صفحتي', 'تابعو صفحتي', 'زوروا قناتي', 'اشتركوا في قناتي', 'اشترك في قناتي', 'تابعوني']),
  ...darija('Self-promotion', ['تابعو الصفحه ديالي', 'دخلو للقناه ديالي', 'برطاجيو الصفحه ديالي']),
  ...arabizi('Self-promotion', ['tab3o page dyali', 'tab3o la page dyali', 'dkhlo l chaine dyali', 'abonniw f chaine dyali']),
]

export const spamRules: ShippedRule[] = [
  {
    id: 'spam-betting',
    names: { fr: 'Promotion de paris et de casinos', ar: 'الترويج للمراهنات والكازينوهات', en: 'Betting and casino promotion' },
    category: 'spam',
    action: 'hide',
    priority: 50,
    severity: 'medium',
    terms: [
      ...french('Betting or casino brand, promoted in comment spam', [
        '1xbet',
        'melbet',
        '22bet',
        'betwinner',
        'linebet',
        'paripesa',
        'mostbet',
        '1win',
        'bet365',
        '888starz',
        'megapari',
        'casino en ligne',
        'paris sportifs en ligne',
        'code promo 1xbet',
      ]),
      ...arabic('Betting or casino promotion', ['كازينو اون لاين', 'مراهنات رياضيه', 'موقع مراهنات', 'كود برومو']),
    ],
    patterns: [],
    exceptions: [],
    samples: {
      shouldMatch: ['Inscrivez-vous sur 1xbet avec mon code', 'مراهنات رياضية اربح كل يوم', 'Casino en ligne bonus 200%'],
      shouldNotMatch: ['Parier sur la réinsertion, voilà une bonne idée.', 'Le jeu pathologique est une addiction.', 'الرهان على الإدماج'],
    },
  },
  {
    id: 'spam-easy-money-link',
    names: {
      fr: 'Offre d’argent facile ou de cryptomonnaie avec un lien',
      ar: 'عرض ربح سهل أو عملات مشفرة مع رابط',
      en: 'Easy-money or crypto offer with a link',
    },
    category: 'spam',
    action: 'hide',
    priority: 52,
    severity: 'medium',
    terms: easyMoneyOffers,
    patterns: [{ source: "gagne[rz]? (?:jusqu'a |plus de )?[0-9]+ ?(?:dh|dhs|mad|euros?|\\$|€)", note: '"Gagnez 500 dh"' }],
    exceptions: [],
    conditions: { containsLink: true },
    samples: {
      shouldMatch: [
        "Gagnez de l'argent facilement ici : https://bit.ly/xx",
        'ربح المال من الانترنت www.money-fast.xyz',
        'Gagnez 500 dh par jour t.me/cryptoking',
      ],
      shouldNotMatch: [
        "Gagnez de l'argent facilement ? Non, la loi ne parle pas de ça.",
        'Plus d’infos sur justice.gov.ma',
        "L'amende journalière va de 100 à 2000 dh par jour https://www.justice.gov.ma",
        'Attention aux arnaques crypto, lisez https://www.bkam.ma',
      ],
    },
  },
  {
    id: 'spam-easy-money',
    names: {
      fr: 'Offre d’argent facile ou de cryptomonnaie (à examiner)',
      ar: 'عرض ربح سهل أو عملات مشفرة (للمراجعة)',
      en: 'Easy-money or crypto offer (review)',
    },
    category: 'spam',
    action: 'flag',
    priority: 35,
    severity: 'low',
    terms: [...easyMoneyOffers, ...cryptoTopics],
    patterns: [{ source: "gagne[rz]? (?:jusqu'a |plus de )?[0-9]+ ?(?:dh|dhs|mad|euros?|\\$|€)", note: '"Gagnez 500 dh"' }],
    exceptions: [],
    samples: {
      shouldMatch: ['Gagnez 500 dh par jour, écrivez-moi', 'الربح السريع من الدار', 'bghiti trb7 lflous? dkhl m3ana'],
      shouldNotMatch: ['Le condamné paie entre 100 et 2000 dh par jour.', 'ما فهمتش شحال غادي يخلص', 'Il faut gagner la confiance des citoyens.'],
    },
  },
  {
    id: 'spam-messaging-invite',
    names: {
      fr: 'Lien d’invitation vers un groupe WhatsApp ou Telegram',
      ar: 'رابط دعوة إلى مجموعة واتساب أو تيليغرام',
      en: 'Invitation link to a WhatsApp or Telegram group',
    },
    category: 'spam',
    action: 'hide',
    priority: 50,
    severity: 'medium',
    terms: [],
    patterns: [
      { source: 'chat\\.whatsapp\\.com/[\\p{L}\\p{N}]*', note: 'WhatsApp group invite link' },
      { source: 'wa\\.me/[0-9]+', note: 'WhatsApp click-to-chat link' },
      { source: '(?:t|telegram)\\.me/[\\p{L}\\p{N}_]+', note: 'Telegram link' },
      { source: 'whatsapp\\.com/channel/[\\p{L}\\p{N}]+', note: 'WhatsApp channel link' },
    ],
    exceptions: [],
    samples: {
      shouldMatch: ['Rejoignez-nous https://chat.whatsapp.com/AbCdEf123', 'دخلو هنا t.me/mygroup', 'wa.me/212612345678'],
      shouldNotMatch: ['Y a-t-il un groupe WhatsApp officiel ?', 'Le ministère est sur Telegram ?', 'واش كاين شي رقم ديال الواتساب ديال الوزارة؟'],
    },
  },
  {
    id: 'spam-group-recruiting',
    names: {
      fr: 'Recrutement dans un groupe de messagerie (à examiner)',
      ar: 'استقطاب إلى مجموعة مراسلة (للمراجعة)',
      en: 'Recruiting into a messaging group (review)',
    },
    category: 'spam',
    action: 'flag',
    priority: 30,
    severity: 'low',
    terms: [
      ...french('Recruiting into a group', [
        'rejoignez notre groupe',
        'rejoignez mon groupe',
        'rejoignez le groupe',
        'join my group',
        'join our group',
        'lien du groupe',
        'lien dans ma bio',
      ]),
      ...arabic('Recruiting into a group', ['انضموا الى مجموعتنا', 'انضم الى مجموعتنا', 'رابط المجموعه', 'الرابط في البايو']),
      ...darija('Recruiting into a group', ['دخلو للكروب', 'دخلو للمجموعه', 'زيدو راسكم فالكروب']),
      ...arabizi('Recruiting into a group', ['dkhlo l groupe', 'dkhlo l group', 'zido rasskom f groupe']),
    ],
    patterns: [],
    exceptions: [],
    samples: {
      shouldMatch: ['Rejoignez notre groupe pour gagner', 'دخلو للكروب ديالنا', 'dkhlo l groupe'],
      shouldNotMatch: ['Le groupe de travail a rendu son rapport.', 'واش كاين شي مجموعة ديال العائلات؟', 'Rejoindre une association peut aider.'],
    },
  },
  {
    id: 'spam-self-promotion-link',
    names: { fr: 'Autopromotion avec un lien', ar: 'ترويج ذاتي مع رابط', en: 'Self-promotion with a link' },
    category: 'spam',
    action: 'hide',
    priority: 45,
    severity: 'low',
    terms: selfPromotionTerms,
    patterns: [],
    exceptions: [],
    conditions: { containsLink: true },
    samples: {
      shouldMatch: ['Abonnez-vous à ma chaîne youtube.com/@moi', 'تابعوني على www.tiktok.com/@me'],
      shouldNotMatch: ['Abonnez-vous à ma chaîne', 'Je suis la page du ministère sur justice.gov.ma'],
    },
  },
  {
    id: 'spam-self-promotion',
    names: { fr: 'Autopromotion (à examiner)', ar: 'ترويج ذاتي (للمراجعة)', en: 'Self-promotion (review)' },
    category: 'spam',
    action: 'flag',
    priority: 25,
    severity: 'low',
    terms: selfPromotionTerms,
    patterns: [],
    exceptions: [],
    samples: {
      shouldMatch: ['Abonnez-vous à ma chaîne', 'follow me pls', 'tab3o page dyali'],
      shouldNotMatch: ['Je suis cette campagne de près.', 'تابعت الحملة من البداية', 'Suivez le lien officiel du ministère.'],
    },
  },
]
