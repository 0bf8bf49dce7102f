/**
 * Hate: slurs and dehumanizing language aimed at a group (origin, colour, religion, sexual
 * orientation). Penal Code art. 431-5 (incitement to hatred or discrimination). Only unambiguous
 * slurs hide; words that also have an innocent meaning are flagged for a person to judge.
 */

import type { RuleDefinition } from '../types'
import { arabic, arabizi, darija, french } from './lexicon'

export const hateRules: RuleDefinition[] = [
  {
    id: 'hate-homophobic-slurs',
    name: 'Homophobic slurs',
    category: 'hate',
    action: 'hide',
    priority: 90,
    severity: 'high',
    terms: [
      ...arabizi('Darija slur for a gay man; never neutral', ['zamel', 'zaml', 'zamal', 'zzamel', 'zwamel', 'zwaml', 'zwamal']),
      ...darija('Darija slur for a gay man (zamel) and its plural', ['زامل', 'زوامل', 'الزوامل']),
      ...french('French homophobic slur', ['pédé', 'pédés', 'pd', 'tarlouze', 'tarlouzes', 'tafiole', 'fiotte', 'fiottes']),
      ...arabic('MSA pejorative for a gay or effeminate man', ['لوطي', 'لوطيين', 'مخنث', 'مخنثين']),
    ],
    patterns: [],
    // "zamil" (colleague, from Arabic زميل) shares the slur's Arabizi skeleton.
    exceptions: ['zamil'],
    samples: {
      shouldMatch: ['wach nta zamel ola chno', 'had zzzamel ma 3ndo ma yqol', 'Ferme-la sale pédé', 'غير زامل كيهضر'],
      shouldNotMatch: [
        'Les droits de chacun doivent être respectés, sans discrimination.',
        'زميلي في العمل استفاد من العمل للمنفعة العامة',
        'zamil dyali f l5dma 7kam 3lih l9adi b TIG',
        'Il a cassé la pédale de son vélo.',
      ],
    },
  },
  {
    id: 'hate-racist-slurs',
    name: 'Racist and antisemitic slurs',
    category: 'hate',
    action: 'hide',
    priority: 90,
    severity: 'critical',
    terms: [
      ...french('French racist slur against Black people', ['nègre', 'nègres', 'négresse', 'negro', 'negros']),
      ...french('French racist slur against Arabs or North Africans', ['bougnoule', 'bougnoules', 'bicot', 'bicots']),
      ...french('French antisemitic slur', ['youpin', 'youpins', 'youpine', 'youtre']),
      ...french('French racist slur against Asians', ['chinetoque', 'chinetoques', 'niakoué', 'niakoués']),
      ...french('"Dirty <group>": a group insulted as such', [
        'sale noir',
        'sales noirs',
        'sale arabe',
        'sales arabes',
        'sale juif',
        'sales juifs',
        'sale juive',
        'sale black',
        'sales blacks',
        'sale race',
        'sous-race',
        'sous race',
        'race inférieure',
        'sale singe',
        'sales singes',
      ]),
      ...arabizi('Darija slur for Black people (3azi) and its plural', ['3azi', '3azzi', 'l3azi', '3azia', '3zawa', '3azwa']),
      ...darija('Darija slur for Black people (plural form, unambiguous)', ['عزاوه', 'العزاوه']),
      ...darija('Darija insult "son of a Jewish woman", antisemitic', ['ولد اليهوديه', 'ولد اليهودي', 'ولاد اليهود']),
      ...arabizi('Darija insult "son of a Jewish woman", antisemitic', ['wld lihoudia', 'weld lihoudia', 'wlad lihoud']),
    ],
    patterns: [],
    exceptions: [],
    samples: {
      shouldMatch: ['Rentre chez toi sale noir', 'had l3azi khasso yrje3 l bladou', 'Encore un bougnoule qui parle', 'ولد اليهودية ما عندو حشمة'],
      shouldNotMatch: ['Le noir et le blanc, même loi pour tous.', 'Azzi est un prénom kabyle.', 'Les migrants subsahariens ont aussi des droits.'],
    },
  },
  {
    id: 'hate-group-dehumanization',
    name: 'Dehumanizing or excluding a group (review)',
    category: 'hate',
    action: 'flag',
    priority: 60,
    severity: 'medium',
    terms: [
      ...french('A group likened to vermin', ['cafards', 'vermine', 'sous-hommes', 'sous hommes', 'des parasites', 'ces parasites']),
      ...french('Telling a group to leave the country', [
        'rentrez chez vous',
        'retournez chez vous',
        'retourne dans ton pays',
        'rentre dans ton pays',
        'dehors les migrants',
      ]),
      ...arabic('A group likened to insects or vermin', ['حشرات', 'الحشرات', 'جراثيم', 'الجراثيم']),
      ...darija('Telling a group to leave the country', ['رجعو لبلادكم', 'ارجعو لبلادكم', 'ارجعوا لبلادكم', 'سيرو لبلادكم']),
      ...arabizi('Telling a group to leave the country', ['rj3o l bladkom', 'rj3ou l bladkom', 'rje3 l bladek', 'siro l bladkom']),
      ...darija('Pejorative for Black people ("blackie"), sometimes used affectionately', ['كحلوش', 'الكحلوش', 'عزي', 'العزي']),
      ...arabizi('Pejorative for Black people ("blackie"), sometimes used affectionately', ['ka7louch', 'kahlouch', 'lka7louch']),
      ...arabic('"Deviant" for gay people; also means irregular, hence review', ['الشواذ', 'شواذ']),
      ...french('Homophobic when aimed at a person, also a fly swatter: review', ['tapette', 'tapettes']),
      ...french('Racist for Black people, also an old word for partying ("faire la bamboula"): review', ['bamboula']),
    ],
    patterns: [],
    exceptions: ['tapette à mouches', 'tapette a souris', 'faire la bamboula'],
    samples: {
      shouldMatch: ['Ces migrants sont de la vermine', 'سيرو لبلادكم ما بغيناكمش', 'siro l bladkom', 'الشواذ ما عندهم بلاصة'],
      shouldNotMatch: [
        'Les migrants condamnés peuvent aussi bénéficier des peines alternatives.',
        'حالة شاذة لا تعني أن القانون فاشل',
        "J'ai acheté une tapette à mouches.",
      ],
    },
  },
  {
    id: 'hate-takfir',
    name: 'Declaring people unbelievers (takfir, review)',
    category: 'hate',
    action: 'flag',
    priority: 55,
    severity: 'medium',
    terms: [
      ...arabic('Takfir: calling people unbelievers, a common prelude to incitement', ['كفار', 'الكفار', 'كافرين', 'يا كافر', 'انت كافر', 'مرتد', 'مرتدين']),
      ...darija('Takfir in Darija', ['نتا كافر', 'كفار ولاد', 'نتوما كفار']),
      ...arabizi('Takfir in Darija', ['kouffar', 'kofar', 'nta kafer', 'ntouma kofar', 'kafir']),
      ...french('Takfir in French', ['mécréants', 'bande de mécréants', 'des apostats']),
    ],
    patterns: [],
    exceptions: [],
    samples: {
      shouldMatch: ['هادو كفار ما كيخافوش الله', 'Bande de mécréants', 'ntouma kofar'],
      shouldNotMatch: ['الله يهدي الجميع', 'Que Dieu nous guide tous.', 'الحمد لله على هاد القانون'],
    },
  },
]
