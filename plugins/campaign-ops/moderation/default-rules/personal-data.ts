/**
 * Personal data posted in public comments (law 09-08): national ID numbers are hidden; phone
 * numbers, emails and details that identify a victim or an accused are flagged, since they may be
 * the commenter's own or an official contact, which a person should judge.
 */

import { arabizi, darija, french } from './lexicon'
import type { ShippedRule } from './shipped-rule'

export const personalDataRules: ShippedRule[] = [
  {
    id: 'personal-data-national-id',
    names: { fr: 'Numéro de carte nationale d’identité marocaine (CIN)', ar: 'رقم البطاقة الوطنية للتعريف', en: 'Moroccan national ID number (CIN)' },
    category: 'personal_data',
    action: 'hide',
    priority: 70,
    severity: 'high',
    terms: [],
    patterns: [
      { source: '[a-z]{2}[0-9]{5,6}', note: 'CIN: two letters, then 5 or 6 digits ("AB123456")' },
      { source: '[a-z][0-9]{6}', note: 'CIN: one letter, then 6 digits ("K123456")' },
      {
        source:
          "(?:cin|cnie|carte nationale|carte d'identite|البطاقه الوطنيه|بطاقه التعريف|لاكارط|لاكارت)(?: n°| no| numero| num| رقم)? ?:? ?[a-z]{1,2} ?[0-9]{4,6}",
        note: 'CIN introduced as such, with or without a space after the letters',
      },
    ],
    // Darija glues prepositions to numbers ("b200000 dh", "with 200,000 dirhams"): a comment that
    // talks money is not read as carrying an ID number.
    exceptions: ['dh', 'dhs', 'mad', 'درهم', 'دراهم', 'ryal', 'rial', 'ريال', 'euros'],
    samples: {
      shouldMatch: ['Mon CIN est AB123456, aidez-moi', 'رقم البطاقة ديالو BK12345', 'CIN: BE 123456', 'cin K 1234', 'K123456 hada howa'],
      shouldNotMatch: [
        'La loi 43.22 est entrée en vigueur le 22 août 2025.',
        'Article 35-1 du Code pénal',
        'Le Covid19 a retardé la réforme.',
        'khlles b200000 dh o khrej',
      ],
    },
  },
  {
    id: 'personal-data-phone',
    names: { fr: 'Numéro de téléphone marocain (à examiner)', ar: 'رقم هاتف مغربي (للمراجعة)', en: 'Moroccan phone number (review)' },
    category: 'personal_data',
    action: 'flag',
    priority: 60,
    severity: 'high',
    terms: [],
    patterns: [
      {
        source: '\\(?(?:\\+|00) ?212\\)?[ .-]?(?:\\(0\\)[ .-]?)?[5-7](?:[ .-]?[0-9]){8}',
        note: 'International form: +212 or 00212, then 9 digits starting with 5, 6 or 7',
      },
      { source: '0[5-7](?:[ .-]?[0-9]){8}', note: 'National form: 05, 06 or 07, then 8 digits, any grouping' },
    ],
    exceptions: [],
    samples: {
      shouldMatch: ['Appelez-moi au 06 12 34 56 78', '+212 6-12-34-56-78 whatsapp', 'نمرتو ٠٦١٢٣٤٥٦٧٨', '05.22.33.44.55'],
      shouldNotMatch: ['Entre 100 et 2000 dirhams par jour', '3600 heures au maximum', 'Loi n° 43.22 du 24 juillet 2024'],
    },
  },
  {
    id: 'personal-data-email',
    names: { fr: 'Adresse électronique (à examiner)', ar: 'عنوان بريد إلكتروني (للمراجعة)', en: 'Email address (review)' },
    category: 'personal_data',
    action: 'flag',
    priority: 55,
    severity: 'medium',
    terms: [],
    patterns: [{ source: '[a-z0-9._%+-]+@[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.[a-z]{2,}', note: 'An email address' }],
    exceptions: [],
    samples: {
      shouldMatch: ['Écrivez à ahmed.benali@gmail.com', 'contact: x_y@site.ma'],
      shouldNotMatch: ['@amine tu as vu ?', 'Le site du ministère est justice.gov.ma'],
    },
  },
  {
    id: 'personal-data-identifying-parties',
    names: {
      fr: 'Identification d’une victime, d’une personne mise en cause ou de son domicile (à examiner)',
      ar: 'الكشف عن هوية ضحية أو متهم أو عن مسكنه (للمراجعة)',
      en: 'Identifying a victim, an accused or their home (review)',
    },
    category: 'personal_data',
    action: 'flag',
    priority: 62,
    severity: 'high',
    terms: [
      ...french('Naming a party to a case', [
        "la victime s'appelle",
        "le violeur s'appelle",
        "l'agresseur s'appelle",
        "le coupable s'appelle",
        "l'accusé s'appelle",
        'le nom de la victime',
      ]),
      ...french('Sharing where someone lives or how to reach them', [
        'voici son adresse',
        'son adresse est',
        'voici son numéro',
        'son numéro est',
        'son numéro de téléphone est',
      ]),
      ...darija('Naming a party to a case', ['الضحيه سميتها', 'الضحيه سميتو', 'سميت الضحيه', 'اسم الضحيه', 'عنوان الضحيه']),
      ...darija('Sharing where someone lives or how to reach them', [
        'ها الرقم ديالو',
        'ها الرقم ديالها',
        'ها النمره ديالو',
        'ها النمره ديالها',
        'هاهو العنوان ديالو',
        'ساكن فدرب',
        'ساكنه فدرب',
      ]),
      ...arabizi('Naming a party or sharing how to reach them', [
        'dahiya smitha',
        'smit dahiya',
        'ha nmra dyalo',
        'ha nemra dyalha',
        'ha nmra dyalha',
        'ha numero dyalo',
        'saken f derb',
        'sakna f derb',
      ]),
    ],
    patterns: [],
    exceptions: [],
    samples: {
      shouldMatch: ["La victime s'appelle Salma B.", 'ها النمرة ديالو عيطو ليه', 'ha nmra dyalo'],
      shouldNotMatch: ['La victime doit être indemnisée.', 'حقوق الضحية محفوظة', 'dahiya 3andha l7a9'],
    },
  },
]
