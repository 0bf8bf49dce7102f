/**
 * Defamation: a named person or body accused of a crime or of corruption (Penal Code arts 442–444,
 * press code 88-13). Whether a claim is defamatory or protected criticism needs a person, so these
 * rules flag for review and never hide. Patterns carry a name slot before the accusation.
 */

import type { ShippedRule } from './shipped-rule'

/** Officials and titles commonly named in comments (normalized: no accents, lowercase). */
const FRENCH_TITLES =
  'juge|procureur|substitut|ministre|depute|deputee|directeur|directrice|president|presidente|caid|pacha|wali|gouverneur|commissaire|avocat|avocate|maire|policier|gendarme|fonctionnaire|responsable|monsieur|madame|mr|mme|docteur|dr'

const FRENCH_ACCUSATIONS =
  'corrompus?|corrompues?|voleurs?|voleuses?|escrocs?|pourris?|pourries?|mafieux|mafieuses?|criminels?|criminelles?|pedophiles?|violeurs?|trafiquants?|ripoux|ripou|menteurs?|menteuses?|vendus?|vendues?'

const ARABIC_TITLES = 'قاضي|وكيل|وزير|رئيس|مدير|قايد|باشا|عامل|والي|برلماني|نائب|محامي|شرطي|بوليسي|كوميسير|مسؤول|سيد|سي|حاج|دكتور'

const ARABIC_ACCUSATIONS = 'مرتشي|فاسد|شفار|سارق|حرامي|لص|مجرم|نصاب|بزناس|مافيوزي|كذاب|مختلس'

const DARIJA_LATIN_ACCUSATIONS = 'chffar|chfar|cheffar|chefar|shffar|shfar|7rami|hrami|sar9|sare9|sari9|mertachi|mrtachi|nsab|nssab|nessab|bznas|mafiouzi'

export const defamationRules: ShippedRule[] = [
  {
    id: 'defamation-accusation-french',
    names: {
      fr: 'Personne ou institution accusée d’une infraction (en français, à examiner)',
      ar: 'اتهام شخص أو هيئة بجريمة (بالفرنسية، للمراجعة)',
      en: 'Person or body accused of a crime (French, review)',
    },
    category: 'defamation',
    action: 'flag',
    priority: 65,
    severity: 'high',
    terms: [],
    patterns: [
      {
        source: `(?:le |la |l')?(?:${FRENCH_TITLES}) (?:[\\p{L}'-]+ ){1,3}(?:est|etait|c'est) (?:un |une |le |la )?(?:vrai |gros |grand |sale )?(?:${FRENCH_ACCUSATIONS})`,
        note: 'A title, a name (1 to 3 words), then an accusation: "le juge X est corrompu"',
      },
      {
        source: `[\\p{L}'-]+ (?:est|c'est) (?:un |une )?(?:vrai |gros |grand |sale )?(?:corrompue?|voleur|voleuse|escroc|pedophile|violeur|mafieux|mafieuse|ripou|trafiquant|criminel|criminelle)`,
        note: 'Any name or body, then a criminal accusation: "X est un escroc"',
      },
      {
        source: `[\\p{L}'-]+ (?:a pris|prend|touche|a touche|a recu|recoit|a detourne|detourne) (?:des pots[ -]de[ -]vin|l'argent public|des fonds publics)`,
        note: 'Bribery or embezzlement attributed to someone',
      },
    ],
    exceptions: [],
    samples: {
      shouldMatch: [
        'Le juge Benali est corrompu',
        'Le procureur Alaoui est un voleur',
        'Ce directeur a pris des pots-de-vin',
        'Karim est un escroc, tout le monde le sait',
      ],
      shouldNotMatch: [
        'La corruption est exclue de la loi 43.22.',
        'Le juge décide au cas par cas.',
        "Ce n'est pas un criminel, c'est un jeune qui a fait une erreur.",
      ],
    },
  },
  {
    id: 'defamation-accusation-arabic',
    names: {
      fr: 'Personne ou institution accusée d’une infraction (en arabe et en darija, à examiner)',
      ar: 'اتهام شخص أو هيئة بجريمة (بالعربية والدارجة، للمراجعة)',
      en: 'Person or body accused of a crime (Arabic and Darija, review)',
    },
    category: 'defamation',
    action: 'flag',
    priority: 65,
    severity: 'high',
    terms: [],
    patterns: [
      {
        source: `(?:ال)?(?:${ARABIC_TITLES})(?: \\p{L}+){0,3} (?:${ARABIC_ACCUSATIONS})`,
        note: 'A title, an optional name, then an accusation: "القاضي فلان مرتشي"',
      },
      {
        source: '\\p{L}+ (?:شفار|حرامي|مرتشي|نصاب|بزناس|مافيوزي|سارق|لص|مختلس)',
        note: 'A name, then an accusation of theft or bribery: "فلان شفار", "X سارق"',
      },
      {
        source: '\\p{L}+ (?:كياكل|كيشد|كياخد|كياخذ|كيدي|كيتشد) (?:ال|ل)?رشوه',
        note: 'Someone said to take bribes (Darija)',
      },
    ],
    exceptions: [],
    samples: {
      shouldMatch: ['القاضي فلان مرتشي', 'الوزير كذاب', 'هاداك المدير شفار', 'المسؤول كياكل الرشوة'],
      shouldNotMatch: ['الرشوة مستثناة من العقوبات البديلة', 'القاضي هو اللي كيقرر', 'محاربة الفساد ضرورية'],
    },
  },
  {
    id: 'defamation-accusation-darija-latin',
    names: {
      fr: 'Personne ou institution accusée d’une infraction (darija en lettres latines, à examiner)',
      ar: 'اتهام شخص أو هيئة بجريمة (الدارجة بالحروف اللاتينية، للمراجعة)',
      en: 'Person or body accused of a crime (Darija in Latin letters, review)',
    },
    category: 'defamation',
    action: 'flag',
    priority: 65,
    severity: 'high',
    terms: [],
    patterns: [
      {
        source: `[\\p{L}\\p{N}]+ (?:${DARIJA_LATIN_ACCUSATIONS})`,
        note: 'A name, then an accusation of theft or bribery: "X chffar"',
      },
      {
        source: '[\\p{L}\\p{N}]+ (?:kayched|kaychd|kayakoul|kaykoul|kayakol|kayakhod|kaydi) (?:l ?|el |r)?rachwa',
        note: 'Someone said to take bribes',
      },
    ],
    exceptions: [],
    samples: {
      shouldMatch: ['had lmodir chffar', 'l9adi kayched rachwa', 'Ahmed 7rami o kolchi 3aref'],
      shouldNotMatch: ['chffara machi m3niyin b had l9anoun', 'l9adi howa li kay9rer', 'rachwa mamnou3a'],
    },
  },
]
