/**
 * Harassment: threats and incitement to violence (escalated to NCSC), insults and sexual abuse
 * aimed at a person (hidden), and milder or ambiguous words (flagged). Penal Code arts 442–444
 * (insult), 299-1 (incitement), 447-1 to 447-3 (privacy) and law 103-13 (insult of women).
 *
 * Animal words ("7mar", "kelb", "حمار") are literal far more often than not: alone they are only
 * flagged; they hide only inside an insulting construction ("ya 7mar", "انت كلب").
 */

import type { RuleDefinition } from '../types'
import { arabic, arabizi, darija, french } from './lexicon'

export const harassmentRules: RuleDefinition[] = [
  {
    id: 'harassment-threats',
    name: 'Threats and incitement to violence',
    category: 'harassment',
    action: 'escalate',
    priority: 100,
    severity: 'critical',
    terms: [
      ...french('Death threat', [
        'je vais te tuer', 'je vais vous tuer', 'on va te tuer', 'on va vous tuer', 'je te tue', 'je vais te buter',
        'on va te buter', 'je vais te crever', 'on va te crever', "je vais t'égorger", "on va t'égorger",
        'je vais te faire la peau', 'on va te faire la peau', 'tu vas mourir', 'vous allez mourir',
      ]),
      ...french('Threat that shows the victim is located', ['je sais où tu habites', 'on sait où tu habites', 'je vais te retrouver', 'on va te retrouver']),
      ...french('Incitement to kill or lynch', ['il faut les tuer', 'il faut le tuer', 'il faut la tuer', 'faut les tuer', 'il faut les pendre', "qu'on les pende", 'brûlez-les', 'brulez les']),
      ...arabic('Death threat (MSA)', ['ساقتلك', 'سنقتلك', 'سأذبحك', 'سنذبحك', 'ساقتلكم', 'سنقتلكم']),
      ...arabic('Incitement to kill (MSA)', ['اقتلوهم', 'اذبحوهم', 'يجب قتلهم', 'يجب ذبحهم', 'احرقوهم']),
      ...darija('Death threat (Darija)', [
        'غادي نقتلك', 'غانقتلك', 'نقتلك', 'نقتلكم', 'غادي نذبحك', 'غانذبحك', 'نذبحك', 'ندبحك', 'نذبحكم', 'نشرملك',
        'نشرمل ليك وجهك', 'نهرس ليك راسك', 'نحرق ليك دارك', 'غادي نحرق دارك',
      ]),
      ...darija('Threat that shows the victim is located (Darija)', ['عارف فين ساكن', 'عارفك فين ساكن', 'نعرف فين ساكن', 'عارفين فين ساكن']),
      ...arabizi('Death threat (Darija, Latin letters)', [
        'n9tlek', 'n9tlk', 'n9telk', 'nqtlek', 'ghadi n9tlek', 'ghan9tlek', 'ndb7ek', 'ndb7k', 'ndbe7k', 'ndb7ak',
        'ghadi ndb7ek', 'ncharmel lik wjhek', 'nhrs lik rask', 'nhers lik rasek', 'n7r9 lik darek', 'n7re9 lik darek',
      ]),
      ...arabizi('Threat that shows the victim is located (Darija, Latin letters)', ['3aref fin saken', '3arfek fin saken', 'n3ref fin saken']),
    ],
    patterns: [
      { source: 'mort aux [\\p{L}\\p{N}]+', note: '"Death to <group>": incitement' },
      { source: '(?:je|on) (?:va|vais) (?:te|vous) (?:tuer|buter|egorger|planter|decapiter)', note: 'Threat to kill, whatever the spacing' },
    ],
    exceptions: ['mourir de rire', 'mourir de faim', 'mourir de froid', 'mort aux rats'],
    samples: {
      shouldMatch: ['Je sais où tu habites, fais attention', 'والله حتى نقتلك', 'ghadi ndb7ek ila chftek', 'Mort aux traîtres', 'on va te buter'],
      shouldNotMatch: [
        'Cette loi va tuer la justice.',
        'Il a été condamné pour meurtre, il ne peut pas bénéficier de la loi.',
        'القتل جناية وليس جنحة، لذلك لا تطبق عليه العقوبات البديلة',
      ],
    },
  },
  {
    id: 'harassment-suicide-incitement',
    name: 'Telling someone to kill themselves',
    category: 'harassment',
    action: 'hide',
    priority: 85,
    severity: 'high',
    terms: [
      ...french('Incitement to suicide', ['suicide-toi', 'suicide toi', 'va te suicider', 'tue-toi', 'tue toi', 'va te pendre', 'va crever']),
      ...arabic('Incitement to suicide (MSA); the bare verb also reports a suicide, so it is left out', ['اذهب وانتحر', 'اقتل نفسك']),
      ...darija('Incitement to suicide (Darija)', ['سير تنتحر', 'سير انتحر', 'سير موت', 'سير تموت', 'قتل راسك', 'سير قتل راسك']),
      ...arabizi('Incitement to suicide (Darija, Latin letters)', ['sir nta7er', 'sir ntaher', 'sir mout', 'sir tmout', '9tel rask', 'qtel rask']),
    ],
    patterns: [],
    exceptions: [],
    samples: {
      shouldMatch: ['Franchement va te pendre', 'سير تموت احسن ليك', 'sir nta7er a sa7bi'],
      shouldNotMatch: [
        'La prévention du suicide en prison est importante.',
        'هاد القانون غادي ينقص من الانتحار فالحبس',
        'wa7ed nta7er f l7bs l3am li fat',
      ],
    },
  },
  {
    id: 'harassment-insults-french',
    name: 'French insults and sexual abuse',
    category: 'harassment',
    action: 'hide',
    priority: 80,
    severity: 'high',
    terms: [
      ...french('Vulgar insult', [
        'connard*', 'connasse*', 'salope', 'salopes', 'salopard*', 'pute', 'putes', 'pétasse*', 'pouffiasse*',
        'grognasse*', 'encul*', 'enfoiré', 'enfoirés', 'enfoirée', 'enfoirées', 'bâtard', 'bâtards', 'batarde',
        'trou du cul', 'trouduc', 'trou de cul', 'sous-merde', 'sous merde', 'raclure*', 'chaudasse',
      ]),
      ...french('Insult of the mother, unambiguous', [
        'fils de pute', 'fille de pute', 'fils de putes', 'fdp', 'ntm', 'nique ta mère', 'niquer ta mère',
        'nik ta mère', 'nique ta race', 'nique sa mère', 'ta mère la pute', 'ta mère la chienne',
      ]),
      ...french('Sexual insult or harassment', [
        'suce ma bite', 'suce-moi', 'suce moi', 'suceur', 'suceuse', 'je vais te baiser', 'je vais te niquer',
        'on va te niquer', 'va te faire foutre', 'va te faire enculer', 'montre tes seins',
      ]),
      ...french('"Piece of filth" aimed at a person', ["espèce d'ordure", 'sale ordure', 'grosse ordure']),
    ],
    patterns: [],
    exceptions: ['suprême ntm', 'supreme ntm'],
    samples: {
      shouldMatch: ['Quel connard ce type', "Espèce d'enculé", 'fdp va', 'c0nn4rd', 's a l o p e', 'Va te faire foutre'],
      shouldNotMatch: [
        "C'est une dispute familiale qui a mal tourné.",
        'Il porte une salopette bleue.',
        "J'écoutais Suprême NTM hier.",
      ],
    },
  },
  {
    id: 'harassment-insults-arabic',
    name: 'Arabic and Darija insults and sexual abuse',
    category: 'harassment',
    action: 'hide',
    priority: 80,
    severity: 'high',
    terms: [
      ...darija('"Whore" (qa7ba) and its forms, with or without the article', ['قحب*', 'قحاب', 'القحاب', 'شمته', 'الشمته', 'شمايت', 'الشمايت']),
      ...darija('Vulgar sexual insult', [
        'طبون*', 'زب', 'زبي', 'زبك', 'نيكمك', 'نيك مك', 'نيك امك', 'ننيكك', 'ننيك مك', 'نحويك', 'نحوي مك',
        'سير تحوا', 'تحوا', 'منيوك', 'منيوكه', 'منيك',
      ]),
      ...darija('Cursing the mother, the parents or their religion', [
        'دين مك', 'دينمك', 'ينعل دين', 'يلعن دين', 'ينعل بوك', 'يلعن بوك', 'ينعل والديك', 'يلعن والديك',
        'ينعل طبون', 'كسمك', 'كس امك', 'كس مك',
      ]),
      ...darija('"Go pimp yourself" (the noun قواد is also the plural of caïd, so it is only flagged)', ['سير تقود', 'تقواد', 'قواده']),
      ...darija('"Bastard"', ['ولد الحرام', 'ولاد الحرام', 'بنت الحرام']),
      ...darija('"Eat shit"', ['كول الخرا', 'كل الخرا', 'كول لخرا']),
      ...arabic('MSA vulgar insult', ['عاهره', 'عاهر', 'العاهره', 'شرموطه', 'شرموط', 'ابن الزنا', 'يا ابن الزنا', 'ابن الحرام', 'يا ابن الحرام']),
      ...arabizi('"Whore" (qa7ba) and its spellings', [
        '9a7ba', '9ahba', 'qa7ba', 'qahba', 'kahba', '9e7ba', '9hba', 'l9a7ba', '9wa7eb', '9wa7b', 'chmata', 'chemata',
        'shmata', 'chmatat', 'chmayt',
      ]),
      ...arabizi('Vulgar sexual insult', [
        'zebi', 'zbi', 'zbbi', 'zebbi', 'zbk', 'n7wik', 'nhwik', 'n7wi mok', 'nhwi mok', 't7wa', 'sir t7wa', 'nik mok',
        'nikmok', 'nik yemak', 'nikomok', 'tabonmok', 'tabon mok', 'tbon mok', 'tboun mok',
      ]),
      ...arabizi('Cursing the mother, the parents or their religion', [
        'din mok', 'dinmok', 'din yemmak', 'din omok', 'yn3el din', 'yn3al din', 'ynel din', 'yn3el bok', 'yn3al bok',
        'yn3el waldik', 'yn3al waldik',
      ]),
      ...arabizi('"Go pimp yourself"', ['t9awed', 't9awd', 'sir t9awd', 'sir t9awed', 't9wd']),
      ...arabizi('"Bastard"', ['wld l7ram', 'weld l7ram', 'wlad l7ram', 'ould l7ram', 'wld lhram']),
      ...arabizi('"Eat shit"', ['kol khra', 'kol lkhra', 'kol l5ra', 'kul lkhra']),
    ],
    patterns: [],
    exceptions: [],
    samples: {
      shouldMatch: ['الله ينعل دين مك', 'nta wld l9a7ba', 'سير تقود', 'ولد القحبة ما عندو حشمة', 'yn3el din mok', 'sir t9awd'],
      shouldNotMatch: [
        'هاد القانون فيه شي حاجة مزيانة',
        'La loi protège les droits des victimes.',
        'الضريبة على الدخل ما عندها علاقة',
      ],
    },
  },
  {
    id: 'harassment-animal-insults',
    name: 'Animal names used as insults',
    category: 'harassment',
    action: 'hide',
    priority: 75,
    severity: 'high',
    terms: [
      ...arabizi('Donkey (7mar) in a vocative or "you are" construction', [
        'ya 7mar', 'ya hmar', 'ya l7mar', 'nta 7mar', 'nta hmar', 'enta 7mar', 'nti 7mara', 'nti hmara', 'ntoma 7mir',
        'ntouma 7mir', 'ya 7mir', 'ya l7mir', 'wld l7mar',
      ]),
      ...arabizi('Dog (kelb) in a vocative, "you are" or "son of" construction', [
        'ya kelb', 'ya lkelb', 'ya klb', 'ya lklb', 'nta kelb', 'nta klb', 'wld lkelb', 'weld lkelb', 'bent lkelb',
        'wlad lklab', 'ya wld lkelb',
      ]),
      ...arabizi('Pig, beast, mule, animal as insults', [
        'ya 7allouf', 'ya hallouf', 'nta 7allouf', 'wld l7allouf', 'ya lbhima', 'ya bhima', 'nta bhima',
        'ya lbghel', 'ya bghel', 'nta bghel', 'ya 7ayawan', 'ya hayawan', 'nta 7ayawan', 'nta hayawan',
      ]),
      ...darija('Donkey in a vocative or "you are" construction', [
        'يا حمار', 'يا الحمار', 'يالحمار', 'ياحمار', 'انت حمار', 'نتا حمار', 'انتا حمار', 'نتي حماره', 'انتي حماره',
        'نتوما حمير', 'يا حمير', 'ولد الحمار',
      ]),
      ...darija('Dog in a vocative, "you are" or "son of" construction', [
        'يا كلب', 'يا الكلب', 'يالكلب', 'ياكلب', 'انت كلب', 'نتا كلب', 'انتا كلب', 'ولد الكلب', 'بنت الكلب',
        'ولاد الكلب', 'ولاد الكلاب', 'يا ولد الكلب',
      ]),
      ...darija('Pig, beast, mule, animal as insults', [
        'يا حلوف', 'ياحلوف', 'نتا حلوف', 'ولد الحلوف', 'يا بهيمه', 'نتا بهيمه', 'يا بغل', 'نتا بغل', 'يا حيوان',
        'ياحيوان', 'انت حيوان', 'نتا حيوان', 'يا خنزير', 'انت خنزير',
      ]),
      ...arabic('"Son of a dog / pig", "you animal" (MSA)', ['ابن الكلب', 'يا ابن الكلب', 'ابناء الكلاب', 'ابن الخنزير', 'يا ابن الخنزير', 'انت حيوان']),
      ...french('Animal insult construction', [
        'fils de chien', 'sale chien', 'sales chiens', 'espèce de chien', 'sale chienne', 'sale porc', 'gros porc',
        'espèce de porc', "espèce d'âne", 'sale rat', 'espèce de rat',
      ]),
    ],
    patterns: [],
    // "Red" (7mer, 7amra) shares the Arabizi skeleton of "donkey" (7mar, 7mara).
    exceptions: ['7mer', 'hmer', '7amra', 'hamra', '7mor', 'hmor'],
    samples: {
      shouldMatch: ['ya 7maaar!', 'انت حمار و ما كتفهم والو', 'wld lkelb', 'Espèce de porc', 'يا ولد الكلب'],
      shouldNotMatch: [
        'الحمار ديالي مريض',
        'Mon chien a mordu le facteur, est-ce un délit ?',
        "kelb dyal jarna kaynbe7 l'lil kamel",
        'nta 7mer bzaf lyoum, chti chems',
      ],
    },
  },
  {
    id: 'harassment-animal-words',
    name: 'Animal words that may be insults (review)',
    category: 'harassment',
    action: 'flag',
    priority: 20,
    severity: 'low',
    terms: [
      ...arabizi('Donkey, dog, pig, beast, mule: literal or insulting, a person decides', [
        '7mar', 'hmar', '7mir', '7mara', 'kelb', 'klb', 'kalb', 'klab', '7allouf', 'hallouf', 'bhima', 'bghel',
      ]),
      ...darija('Donkey, dog, pig, beast, mule: literal or insulting, a person decides', [
        'حمار', 'حمير', 'حماره', 'كلب', 'كلاب', 'حلوف', 'حلاليف', 'بهيمه', 'بغل',
      ]),
      ...arabic('Pig: literal or insulting, a person decides', ['خنزير', 'خنازير']),
    ],
    patterns: [],
    exceptions: ['لحم الخنزير', 'انفلونزا الخنازير', '7mer', 'hmer', '7amra', 'hamra', '7mor', 'hmor', 'humeur'],
    samples: {
      shouldMatch: ['had l7mar ma fhem walo', 'كلاب هادو', 'شوف هاد الحمار'],
      shouldNotMatch: ['Kelbi est un nom de famille', 'كلبي صغير', 'Le chien de mon voisin aboie.'],
    },
  },
  {
    id: 'harassment-insults-mild',
    name: 'Mild insults and rudeness (review)',
    category: 'harassment',
    action: 'flag',
    priority: 40,
    severity: 'medium',
    terms: [
      ...french('Mild insult', [
        'idiot', 'idiots', 'idiote', 'imbécile', 'imbéciles', 'crétin', 'crétins', 'crétine', 'débile', 'débiles',
        'abruti', 'abrutis', 'abrutie', 'guignol', 'guignols', 'bouffon', 'bouffons', 'minable', 'minables', 'tocard',
        'tocards', 'cassos', 'crevure', 'ordure', 'ordures', 'charogne',
      ]),
      ...french('"Con" only in an insulting construction ("con" alone is also a preposition elsewhere)', [
        'pauvre con', 'gros con', 'espèce de con', 'sale con', 'petit con', "t'es con", 'tu es con', 'bande de cons',
        'pauvre conne', 'grosse conne', 'sale conne',
      ]),
      ...french('"Shut up"', ['ta gueule', 'ferme ta gueule', 'tg', 'ferme-la']),
      ...darija('Mild Darija insult', [
        'مسخوط', 'مساخيط', 'مكلخ', 'مكلخين', 'بوزبال', 'زبل', 'مسطي', 'مهبول', 'تفو', 'تفو عليك', 'خرا', 'الخرا',
        'ولد الزنقه', 'بنت الزنقه', 'مخنز', 'خانز',
      ]),
      ...arabic('Mild MSA insult', ['غبي', 'اغبياء', 'احمق', 'حمقي', 'حقير', 'حقراء', 'تافه', 'سافل', 'سفله', 'نذل', 'اوغاد', 'وقح', 'منحط']),
      ...arabizi('Mild Darija insult', [
        'mskhot', 'mskhout', 'maskhout', 'mkelkh', 'mkalakh', 'mklkh', 'bouzbal', 'zbel', 'msatti', 'mhboul', 'tfou',
        'tfo 3lik', 'khra', 'lkhra', 'wld zen9a', 'wld zan9a', 'mkhenez', 'mkhenza',
      ]),
      ...darija('"Pimp"; also the plural of caïd (local official), hence review', ['قواد', 'القواد']),
      ...arabizi('"Pimp"; also read as the plural of caïd, hence review', ['9wad', 'qawad', '9awad', 'l9wad']),
      ...arabizi('Reported as a Darija insult; meaning to be confirmed by native reviewers', ['mkhen9', 'mkhn9']),
    ],
    patterns: [],
    exceptions: ['ordures ménagères', 'ramassage des ordures', 'جمع الازبال'],
    samples: {
      shouldMatch: ['Ce ministre est un guignol', 'ferme ta gueule', 'nta mskhot', 'واحد مكلخ كيهضر', 'قرار غبي'],
      shouldNotMatch: [
        'Le ramassage des ordures ménagères est une forme de travail d’intérêt général.',
        'Con la ley nueva, Marruecos cambia.',
        'هاد القانون مزيان بزاف',
      ],
    },
  },
  {
    id: 'harassment-profanity',
    name: 'Swearing without a target (review, low)',
    category: 'harassment',
    action: 'flag',
    priority: 15,
    severity: 'low',
    terms: [
      ...french('Swear word used as an interjection; vulgar, not aimed at anyone', ['putain', 'ptn', 'ptain', 'bordel de merde']),
    ],
    patterns: [],
    exceptions: [],
    samples: {
      shouldMatch: ["Putain c'est injuste", 'ptn encore une réforme', 'Bordel de merde, 5 ans ?'],
      shouldNotMatch: ['Quelle injustice, vraiment.', 'Merde alors.', 'Le bordel administratif continue.'],
    },
  },
]
