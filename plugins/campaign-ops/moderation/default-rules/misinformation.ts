/**
 * Misinformation: one rule per common misconception about law 43.22 (reference/domain.md §1.5).
 * Terms follow the wording of the misconception, not of the topic, so a correct statement about
 * the same subject does not match; exceptions cancel negated forms ("ce n'est pas une amnistie").
 * These rules never hide: an honest question deserves an answer, so they suggest the myth's reply.
 */

import type { RuleDefinition } from '../types'
import { arabic, arabizi, darija, french } from './lexicon'

type MythRule = Omit<RuleDefinition, 'category' | 'action' | 'patterns' | 'priority'> &
  Partial<Pick<RuleDefinition, 'patterns' | 'priority'>>

/** Misconceptions are answered: suggest the approved reply linked to the myth. */
function myth(rule: MythRule): RuleDefinition {
  return {
    category: 'misinformation',
    action: 'suggest_reply',
    priority: 30,
    patterns: [],
    ...rule,
  }
}

export const misinformationRules: RuleDefinition[] = [
  myth({
    id: 'myth-impunity',
    name: 'Myth: alternative penalties are impunity',
    severity: 'medium',
    mythId: 'impunity',
    replyTemplateId: 'reply-impunity',
    terms: [
      ...french('Claim that the law means impunity', [
        "c'est l'impunité", "c'est de l'impunité", "l'impunité totale", 'impunité totale', "une loi d'impunité",
        "la loi de l'impunité", 'ils sortent libres', 'ils vont sortir libres', 'ils ressortent libres',
        'ils seront libres', 'les criminels en liberté', 'les délinquants en liberté', 'aucune punition',
        'sans aucune punition', 'pas de punition', 'plus de punition', 'cadeau aux criminels',
        'cadeau aux délinquants', 'prime à la délinquance', 'permis de voler', 'encourage la criminalité',
        'encourager la criminalité', 'encourage le crime',
      ]),
      ...arabic('Claim that the law means impunity', [
        'افلات من العقاب', 'الافلات من العقاب', 'تشجيع على الجريمه', 'تشجع على الجريمه', 'تشجيع المجرمين',
        'هديه للمجرمين', 'بدون عقاب', 'بلا عقاب', 'دون عقاب', 'سيخرجون احرارا', 'سيفلتون من العقاب',
      ]),
      ...darija('Claim that the law means impunity', [
        'بلا عقوبه', 'غادي يخرجو بلا عقاب', 'ما بقاش الحبس', 'ما بقا حبس', 'كتشجع المجرمين', 'كتشجع الشفاره',
        'غادي يخرجو احرار', 'غايخرجو احرار',
      ]),
      ...arabizi('Claim that the law means impunity', [
        'bla 3i9ab', 'bla 3o9oba', 'bla 3o9ouba', 'ma b9ach l7bs', 'mab9ach l7bs', 'ma b9a 7bs', 'katchaj3 chfara',
        'katchaje3 lmojrimin', 'ghadi ykhrjo a7rar', 'ghaykhrjo a7rar',
      ]),
    ],
    exceptions: [
      "pas l'impunité", "pas de l'impunité", 'pas une impunité', "n'est pas l'impunité", 'ليس افلاتا',
      'ماشي افلات', 'ماشي بلا عقاب', 'machi bla 3i9ab',
    ],
    samples: {
      shouldMatch: [
        "C'est l'impunité totale, ils vont sortir libres !",
        'هادشي بلا عقاب، غادي يخرجو احرار',
        'daba ma b9ach l7bs, ghadi ykhrjo a7rar',
      ],
      shouldNotMatch: [
        "Ce n'est pas l'impunité : une peine de prison est fixée d'abord.",
        'العقوبة البديلة عقوبة حقيقية',
        'La loi remplace la prison par une autre peine.',
      ],
    },
  }),
  myth({
    id: 'myth-rich-buy-freedom',
    name: 'Myth: the rich buy their freedom',
    severity: 'medium',
    mythId: 'rich-buy-freedom',
    replyTemplateId: 'reply-rich-buy-freedom',
    terms: [
      ...french('Claim that money buys release', [
        'les riches vont payer pour sortir', 'les riches paient pour sortir', 'les riches achètent leur liberté',
        'acheter sa liberté', 'acheter leur liberté', 'achètent leur liberté', 'acheter la liberté', 'payer pour sortir',
        'payer pour ne pas aller en prison', 'payer pour éviter la prison', 'la prison pour les pauvres',
        "la prison c'est pour les pauvres", 'prison pour les pauvres', 'justice pour les riches',
        'justice à deux vitesses', 'une loi pour les riches', 'loi des riches', 'avec de l\'argent tu sors',
      ]),
      ...arabic('Claim that money buys release', [
        'الاغنياء سيشترون حريتهم', 'يشترون حريتهم', 'شراء الحريه', 'يشتري حريته', 'السجن للفقراء', 'الحبس للفقراء',
        'عداله الاغنياء', 'قانون للاغنياء', 'قانون الاغنياء',
      ]),
      ...darija('Claim that money buys release', [
        'الاغنياء غادي يشريو الحريه', 'يشريو الحريه', 'يشري الحريه', 'يشريو حريتهم', 'اللي عندو الفلوس غادي يخرج',
        'لي عندو الفلوس غادي يخرج', 'الفلوس كتخرجك من الحبس', 'الفلوس كتخرج من الحبس', 'الحبس غير للدراوش',
        'الحبس غير للفقرا', 'الحبس للدراوش', 'قانون ديال الاغنياء', 'قانون ديال لاغنيا',
      ]),
      ...arabizi('Claim that money buys release', [
        'lflouss katkhrrjek mn l7bs', 'lflous katkhrjek mn l7bs', 'lflous kat5rjek', 'li 3ando lflouss ghadi ykhrej',
        'lli 3ndo lflous ghadi ykhrej', 'l7bs ghir lderrawch', 'l7bs ghir l drawch', 'l7bs ghir lfo9ara',
        'ychriw l7orriya', 'ychri l7orriya', '9anoun dyal lagnia', 'l9anoun dyal l2aghniya',
      ]),
    ],
    exceptions: ['ne peut pas acheter', 'ne peuvent pas acheter', 'ماشي شراء', 'ليس شراء', 'لا يمكن شراء'],
    samples: {
      shouldMatch: [
        "Les riches vont payer pour sortir, la prison c'est pour les pauvres.",
        'الأغنياء غادي يشريو الحرية ديالهم',
        'lflouss katkhrrjek mn l7bs daba',
      ],
      shouldNotMatch: [
        "L'amende journalière dépend des revenus et exige une réconciliation avec la victime.",
        'الغرامة اليومية ما بين 100 و 2000 درهم',
        'On ne peut pas acheter sa liberté avec cette loi.',
      ],
    },
  }),
  myth({
    id: 'myth-applies-to-all-offences',
    name: 'Myth: it applies to every offence, terrorism and child abuse included',
    severity: 'medium',
    mythId: 'applies-to-all-offences',
    replyTemplateId: 'reply-applies-to-all-offences',
    terms: [
      ...french('Claim that excluded offences qualify', [
        'même les terroristes', 'même pour les terroristes', 'même les trafiquants', 'même pour les trafiquants',
        'même les pédophiles', 'même les violeurs', 'même les assassins', 'même les meurtriers',
        'même pour le terrorisme', 'même pour les crimes', 'pour tous les crimes', 'tous les crimes',
        "n'importe quel crime", 'quel que soit le crime',
      ]),
      ...arabic('Claim that excluded offences qualify', [
        'حتى الارهابيين', 'حتى الارهاب', 'حتى المغتصبين', 'حتى تجار المخدرات', 'حتى القتله', 'جميع الجرائم',
        'كل الجرائم',
      ]),
      ...darija('Claim that excluded offences qualify', ['حتى اللي قتل', 'حتى القتاله', 'حتى اللي غتاصب', 'حتى البيدوفيل', 'كاع الجرائم', 'كاع المجرمين']),
      ...arabizi('Claim that excluded offences qualify', [
        "7ta l'irhabiyin", '7ta lirhabiyin', 'hta lirhabiyin', '7ta l9atala', '7ta li 9tel', '7ta li ghtasb',
        'ga3 ljaraim', 'ga3 lmojrimin',
      ]),
    ],
    exceptions: [
      'sauf', 'exclu', 'exclus', 'exclut', 'excluent', 'exclusion', 'باستثناء', 'مستثنى', 'مستثناه', 'مستثنيين',
      'لا يشمل', 'ما كيشملش', 'ma kaychmelch', 'moustatna',
    ],
    samples: {
      shouldMatch: ['Même les terroristes vont en profiter ?', 'يعني حتى الإرهابيين غادي يستافدو', '7ta l9atala ghadi ykhrjo?'],
      shouldNotMatch: [
        'La loi exclut les terroristes et les trafiquants internationaux.',
        'الإرهاب مستثنى من العقوبات البديلة',
        'Même les terroristes ? Non, ils sont exclus.',
      ],
    },
  }),
  myth({
    id: 'myth-automatic-under-five-years',
    name: 'Myth: anyone sentenced to 5 years or less qualifies automatically',
    severity: 'medium',
    mythId: 'automatic-under-five-years',
    replyTemplateId: 'reply-automatic-under-five-years',
    terms: [
      ...french('Claim that the alternative is automatic', [
        "c'est automatique", 'remplacée automatiquement', 'automatiquement remplacée', 'sortent automatiquement',
        'libérés automatiquement', 'un droit pour tous',
      ]),
      ...arabic('Claim that the alternative is automatic', ['يستفيدون تلقائيا', 'يخرجون تلقائيا', 'بشكل تلقائي لكل']),
      ...darija('Claim that the alternative is automatic', ['غادي يخرجو اوتوماتيك', 'اوتوماتيكيا غادي يخرجو']),
      ...arabizi('Claim that the alternative is automatic', ['ghadi ykhrjo automatique', 'automatiquement ghadi ykhrjo']),
    ],
    patterns: [
      {
        source: "(?:tous|toutes|tout|chaque|n'importe qui|toute personne)[^.?!]{0,40}(?:moins de|jusqu'a) (?:5|cinq) ans",
        note: 'Everyone under 5 years (ignores the délit-only rule, discretion and recidivism)',
      },
      {
        source: '(?:كل|جميع|كاع|قاع)[^.?!؟]{0,40}(?:اقل من|قل من|تحت) (?:5|خمس|خمسه) (?:سنوات|سنين|عوام)',
        note: 'Everyone under 5 years (Arabic and Darija)',
      },
      {
        source: '(?:ga3|gaa3|kolchi|kol|kul)[^.?!]{0,40}(?:9el|9al|qel|qal|ta7t|taht) (?:mn |men )?(?:5|khms|khamsa) (?:snin|snine|3am|3wam)',
        note: 'Everyone under 5 years (Darija in Latin letters)',
      },
    ],
    exceptions: ['pas automatique', "n'est pas automatique", 'jamais automatique', 'ليس تلقائيا', 'ماشي اوتوماتيك', 'machi automatique'],
    samples: {
      shouldMatch: [
        'Donc tous ceux qui ont moins de 5 ans de prison sortent ?',
        'كاع اللي محكومين بقل من 5 سنين غادي يخرجو',
        "C'est automatique maintenant ?",
      ],
      shouldNotMatch: [
        "Ce n'est pas automatique : le juge décide au cas par cas.",
        'Seuls les délits punis de 5 ans au plus sont concernés.',
        'القاضي هو اللي كيقرر حالة بحالة',
      ],
    },
  }),
  myth({
    id: 'myth-amnesty',
    name: 'Myth: it is an amnesty that will empty the prisons',
    severity: 'medium',
    mythId: 'amnesty',
    replyTemplateId: 'reply-amnesty',
    terms: [
      ...french('Claim of an amnesty or a mass release', [
        'amnistie générale', 'une amnistie', "c'est une amnistie", 'amnistie déguisée', 'vider les prisons',
        'vont vider les prisons', 'les prisons vont se vider', 'les prisons seront vides', 'libérer tous les prisonniers',
        'libérer tous les détenus', 'libération massive', 'libération générale',
      ]),
      ...arabic('Claim of an amnesty or a mass release', [
        'عفو عام', 'عفو شامل', 'عفو جماعي', 'افراغ السجون', 'تفريغ السجون', 'اطلاق سراح جميع السجناء',
        'الافراج عن جميع السجناء', 'سراح جماعي', 'افراج جماعي',
      ]),
      ...darija('Claim of an amnesty or a mass release', [
        'غادي يخويو الحبوسا', 'يخويو الحبس', 'غادي يخويو السجون', 'يطلقو كاع المحابسيه', 'يسرحو كاع المحابسيه',
        'يطلقو كاع السجناء',
      ]),
      ...arabizi('Claim of an amnesty or a mass release', [
        'ykhwiw l7bs', 'ykhwiw l7boussa', 'ghadi ykhwiw l7bass', 'ysr7o ga3 lm7absiya', 'ytal9o ga3 lm7absiya',
        '3afw chamil', '3afw 3am',
      ]),
    ],
    exceptions: [
      'pas une amnistie', "pas d'amnistie", 'aucune amnistie', 'ni amnistie', 'sans amnistie', 'ليس عفوا', 'ماشي عفو',
      'machi 3afw',
    ],
    samples: {
      shouldMatch: ["C'est une amnistie déguisée, ils vont vider les prisons", 'هادا عفو شامل ماشي قانون', 'ghadi ykhwiw l7boussa'],
      shouldNotMatch: [
        "Ce n'est pas une amnistie, chaque cas est jugé.",
        'العفو الملكي شيء آخر',
        'La surpopulation carcérale est un vrai problème.',
      ],
    },
  }),
  myth({
    id: 'myth-bracelet-holiday',
    name: 'Myth: the electronic bracelet is a holiday at home',
    severity: 'low',
    mythId: 'bracelet-holiday',
    replyTemplateId: 'reply-bracelet-holiday',
    terms: [
      ...french('Claim that the bracelet is a holiday', [
        'des vacances à la maison', 'vacances à la maison', 'en vacances chez eux', 'en vacances chez lui',
        "le bracelet c'est des vacances", "c'est des vacances", 'des vacances payées', 'tranquille chez lui',
        'tranquille chez eux', 'peinard chez lui', "le bracelet c'est rien", "le bracelet c'est une blague",
      ]),
      ...arabic('Claim that the bracelet is a holiday', ['عطله في المنزل', 'عطله في البيت', 'عطله مدفوعه', 'يرتاح في بيته', 'مرتاح في بيته']),
      ...darija('Claim that the bracelet is a holiday', [
        'عطله فالدار', 'عطله في الدار', 'عطله فدارو', 'غادي يرتاح فدارو', 'يتكا فدارو', 'كيتكا فدارو',
        'البراسلي عطله', 'السوار عطله', 'مرتاح فدارو',
      ]),
      ...arabizi('Claim that the bracelet is a holiday', [
        '3otla f dar', '3otla fdar', '3otla f darou', 'vacances f dar', 'yrta7 f darou', 'yrta7 f daro', 'ytka f daro',
        'mrta7 f daro', 'lbracelet 3otla', 'bracelet 3otla',
      ]),
    ],
    exceptions: ['pas des vacances', 'pas de vacances', 'ماشي عطله', 'ليس عطله', 'machi 3otla'],
    samples: {
      shouldMatch: ['Le bracelet ? Des vacances à la maison oui', 'البراسلي عطلة فالدار', 'bracelet 3otla f dar'],
      shouldNotMatch: [
        "Le bracelet, ce n'est pas des vacances : les horaires sont contrôlés.",
        'السوار الإلكتروني كيحدد المنطقة والساعات',
        'Bonnes vacances à tous !',
      ],
    },
  }),
  myth({
    id: 'myth-victims-ignored',
    name: 'Myth: victims are ignored',
    severity: 'medium',
    mythId: 'victims-ignored',
    replyTemplateId: 'reply-victims-ignored',
    terms: [
      ...french('Claim that victims are forgotten', [
        'et les victimes dans tout ça', 'et les victimes alors', 'les victimes oubliées', 'les victimes sont oubliées',
        'on oublie les victimes', 'personne ne pense aux victimes', 'rien pour les victimes', "les victimes n'ont rien",
        'les victimes ignorées', 'les victimes sont ignorées', 'mépris des victimes', 'mépris pour les victimes',
        'tant pis pour les victimes',
      ]),
      ...arabic('Claim that victims are forgotten', [
        'الضحايا منسيون', 'نسيان الضحايا', 'تجاهل الضحايا', 'تم تجاهل الضحايا', 'ماذا عن الضحايا', 'وماذا عن الضحيه',
        'لا احد يفكر في الضحايا', 'حقوق الضحايا ضائعه',
      ]),
      ...darija('Claim that victims are forgotten', [
        'والضحيه فين', 'الضحيه فين', 'حق الضحيه ضاع', 'حق الضحيه مشا', 'حتى واحد ما فكر فالضحيه', 'ما فكروش فالضحيه',
        'الضحيه ما عندو حتى حق',
      ]),
      ...arabizi('Claim that victims are forgotten', [
        'w dahiya fin', 'wdahiya fin', 'ddahiya fin', 'dahiya fin', '7a9 dahiya da3', '7e9 ddahiya da3',
        '7a9 dahiya mcha', 'ma fkrouch f dahiya',
      ]),
    ],
    exceptions: [],
    samples: {
      shouldMatch: ['Et les victimes dans tout ça ?', 'والضحية فين هي فهاد القانون؟', '7a9 dahiya da3 b had l9anoun'],
      shouldNotMatch: [
        "L'amende journalière exige la réconciliation avec la victime.",
        'الضحية من حقها التعويض',
        'Les victimes peuvent demander réparation.',
      ],
    },
  }),
  myth({
    id: 'myth-forced-labour',
    name: 'Myth: community service is forced labour or child labour',
    severity: 'low',
    mythId: 'forced-labour',
    replyTemplateId: 'reply-forced-labour',
    terms: [
      ...french('Claim that community service is forced labour', [
        'travail forcé', 'travaux forcés', "c'est de l'esclavage", "de l'esclavage moderne", 'esclavage moderne',
        'faire travailler les enfants', 'travail des enfants', 'exploiter les enfants',
      ]),
      ...arabic('Claim that community service is forced labour', [
        'اشغال شاقه', 'الاشغال الشاقه', 'عمل قسري', 'العمل القسري', 'السخره', 'سخره', 'عبوديه', 'العبوديه', 'استعباد',
        'تشغيل الاطفال', 'عمل الاطفال',
      ]),
      ...darija('Claim that community service is forced labour', [
        'خدمه بالسيف', 'الخدمه بالسيف', 'غادي يخدموهم بالسيف', 'غادي يخدمو الدراري', 'تخدام الدراري',
        'عبيد ديال الدوله', 'عبيد عند الدوله',
      ]),
      ...arabizi('Claim that community service is forced labour', [
        'khdma bessif', 'khedma bessif', 'khdma b sif', 'ykhdmohom bessif', 'ykhdmo drari', '3bid dyal dawla',
        '3bid 3nd dawla', 'sokhra',
      ]),
    ],
    exceptions: [
      'pas du travail forcé', 'pas de travail forcé', "n'est pas du travail forcé", "pas de l'esclavage", 'ليس عملا قسريا',
      'ماشي سخره', 'machi sokhra',
    ],
    samples: {
      shouldMatch: ["Le TIG c'est du travail forcé", 'هادي سخرة ماشي عقوبة', 'ghadi ykhdmohom bessif'],
      shouldNotMatch: [
        "Le travail d'intérêt général est adapté à l'âge et aux compétences.",
        'العمل لأجل المنفعة العامة من 40 حتى 3600 ساعة',
        "Ce n'est pas du travail forcé, c'est une peine encadrée.",
      ],
    },
  }),
  myth({
    id: 'myth-in-force-since-2024',
    name: 'Myth: the law has been in force since 2024',
    severity: 'low',
    mythId: 'in-force-since-2024',
    replyTemplateId: 'reply-in-force-since-2024',
    terms: [
      ...french('Claim that the law took effect in 2024', [
        'en vigueur depuis 2024', 'en vigueur depuis août 2024', 'entrée en vigueur en 2024', 'entrée en vigueur en août 2024',
        'entré en vigueur en 2024', 'appliquée depuis 2024', 'appliquée depuis un an', 'en vigueur depuis un an',
      ]),
      ...arabic('Claim that the law took effect in 2024', [
        'دخل حيز التنفيذ سنه 2024', 'دخل حيز التنفيذ في 2024', 'حيز التنفيذ منذ 2024', 'حيز التنفيذ منذ غشت 2024',
        'دخل حيز التنفيذ في غشت 2024', 'مطبق منذ 2024', 'يطبق منذ 2024',
      ]),
      ...darija('Claim that the law took effect in 2024', ['خدامين بيه من 2024', 'خدام من 2024', 'مطبق من 2024', 'بدا من 2024', 'تطبق من 2024']),
      ...arabizi('Claim that the law took effect in 2024', ['khdamin bih mn 2024', 'khdam mn 2024', 'bda mn 2024', 'mtab9 mn 2024', 'tatb9 mn 2024']),
    ],
    exceptions: [],
    samples: {
      shouldMatch: ['La loi est en vigueur depuis 2024, non ?', 'القانون دخل حيز التنفيذ سنة 2024', 'had l9anoun khdamin bih mn 2024'],
      shouldNotMatch: [
        'Publiée en août 2024, la loi est en vigueur depuis le 22 août 2025.',
        'القانون دخل حيز التنفيذ في 22 غشت 2025',
        'en vigueur depuis 2025',
      ],
    },
  }),
  myth({
    id: 'myth-old-draft-limits',
    name: 'Myth: 600 hours at most, sentences under 2 years only (draft figures)',
    severity: 'low',
    mythId: 'old-draft-limits',
    replyTemplateId: 'reply-old-draft-limits',
    terms: [
      ...french('Draft figures presented as the law', [
        '600 heures maximum', 'maximum 600 heures', '600 heures max', 'max 600 heures', "jusqu'à 600 heures",
        '40 à 600 heures', 'plafond de 600 heures', 'limite de 2 ans', 'limitée à 2 ans', 'limitée à deux ans',
        'peines de moins de 2 ans', 'peines de moins de deux ans', 'moins de 2 ans de prison', 'moins de deux ans de prison',
        'ne dépassant pas 2 ans', 'ne dépassant pas deux ans',
      ]),
      ...arabic('Draft figures presented as the law', ['600 ساعه', 'ستمائه ساعه', 'لا تتجاوز سنتين', 'اقل من سنتين', 'سنتين كحد اقصي']),
      ...darija('Draft figures presented as the law', ['غير 600 ساعه', '600 سوايع', 'قل من عامين', 'اقل من عامين', 'ما كتفوتش عامين']),
      ...arabizi('Draft figures presented as the law', ['600 sa3a', 'ghir 600 sa3a', '9el mn 3amin', 'qel men 3amayn']),
    ],
    exceptions: ['3 600', '3600', '3.600', '3,600', '3 600 heures', '3600 heures'],
    samples: {
      shouldMatch: ['Le TIG est limité à 600 heures maximum', 'العمل غير 600 ساعة', "C'est pour les peines de moins de 2 ans de prison seulement"],
      shouldNotMatch: [
        'Le TIG va de 40 à 3 600 heures.',
        'من 40 إلى 3600 ساعة',
        'Les peines de moins de 5 ans sont concernées.',
      ],
    },
  }),
]
