/**
 * The campaign's fact library at first start: the misconceptions of the public debate on law 43.22
 * and their corrections (docs/languages-and-moderation.md#misconceptions-in-the-public-debate).
 * Keys match the misinformation rules' `mythId`. Legal experts review and refine them in the admin.
 */
export type FactLibraryEntry = {
  key: string
  claim: { fr: string; ar: string }
  correction: { fr: string; ar: string }
  legalSource: string
}

export const factLibrary: FactLibraryEntry[] = [
  {
    key: 'impunity',
    claim: { fr: 'C’est l’impunité : ils ressortent libres.', ar: 'إنه إفلات من العقاب: يخرجون أحرارا.' },
    correction: {
      fr: 'Une peine alternative est une vraie peine pour la même condamnation : le juge fixe d’abord la peine de prison, puis la remplace. Tout manquement ramène la prison (art. 35-4), et des révocations ont déjà eu lieu.',
      ar: 'العقوبة البديلة عقوبة حقيقية عن نفس الإدانة: يحدد القاضي أولا عقوبة الحبس ثم يستبدلها. وأي إخلال يعيد تنفيذ عقوبة الحبس (المادة 35-4)، وقد سُجلت حالات إلغاء فعلا.',
    },
    legalSource: 'Loi 43.22, art. 35-4 (Code pénal)',
  },
  {
    key: 'rich-buy-freedom',
    claim: { fr: 'Les riches achètent leur liberté avec l’amende journalière.', ar: 'الأغنياء يشترون حريتهم بالغرامة اليومية.' },
    correction: {
      fr: 'L’amende journalière n’est qu’une option parmi quatre, à la discrétion du juge, jamais un droit : 100 à 2 000 MAD par jour selon les ressources et la gravité, et seulement après réconciliation, renonciation de la victime ou réparation du dommage. Corruption, détournement et blanchiment sont exclus.',
      ar: 'الغرامة اليومية خيار واحد من أربعة بيد القاضي وليست حقا: من 100 إلى 2000 درهم عن كل يوم حسب الإمكانيات وخطورة الفعل، ولا تُحكم إلا بعد الصلح أو تنازل الضحية أو جبر الضرر. والرشوة والاختلاس وغسل الأموال مستثناة.',
    },
    legalSource: 'Loi 43.22, art. 35-14 et 35-15 ; art. 35-3 (exclusions)',
  },
  {
    key: 'applies-to-all-offences',
    claim: {
      fr: 'Ça s’applique à tout, même au terrorisme, à la drogue, aux abus sur enfants.',
      ar: 'تطبق على كل الجرائم حتى الإرهاب والمخدرات والاعتداء على الأطفال.',
    },
    correction: {
      fr: 'L’article 35-3 exclut notamment le terrorisme et la sûreté de l’État, le détournement, la corruption, le blanchiment, le trafic international de drogue, le trafic d’organes et l’exploitation sexuelle des mineurs.',
      ar: 'تستثني المادة 35-3 على الخصوص الإرهاب والمس بأمن الدولة والاختلاس والرشوة وغسل الأموال والاتجار الدولي في المخدرات والاتجار في الأعضاء والاستغلال الجنسي للقاصرين.',
    },
    legalSource: 'Loi 43.22, art. 35-3',
  },
  {
    key: 'automatic-under-five-years',
    claim: { fr: 'Toute personne condamnée à 5 ans ou moins y a droit.', ar: 'كل من حُكم عليه بخمس سنوات أو أقل يستفيد تلقائيا.' },
    correction: {
      fr: 'Seuls les délits sont concernés, jamais les crimes, et toujours à l’appréciation du juge. Les récidivistes sont exclus.',
      ar: 'لا تشمل إلا الجنح دون الجنايات، وتبقى دائما بتقدير القاضي، ولا يستفيد منها من هو في حالة العود.',
    },
    legalSource: 'Loi 43.22, art. 35-1',
  },
  {
    key: 'amnesty',
    claim: { fr: 'C’est une amnistie, on va vider les prisons.', ar: 'إنه عفو عام وسيتم إفراغ السجون.' },
    correction: {
      fr: 'Il n’y a ni amnistie ni libération collective : chaque peine alternative est décidée au cas par cas dans un jugement.',
      ar: 'لا يتعلق الأمر بعفو ولا بإفراج جماعي: تُقرر كل عقوبة بديلة حالة بحالة في حكم قضائي.',
    },
    legalSource: 'Loi 43.22 (Code pénal, art. 14 modifié)',
  },
  {
    key: 'bracelet-holiday',
    claim: { fr: 'Le bracelet, ce sont des vacances à la maison.', ar: 'السوار الإلكتروني عطلة في المنزل.' },
    correction: {
      fr: 'Les déplacements sont limités à une zone et à des horaires fixés par le tribunal, suivis sur la plateforme de la DGAPR. Détériorer le dispositif ou s’y soustraire est une infraction.',
      ar: 'التنقل محصور في منطقة وأوقات يحددها الحكم وتتابعها منصة المندوبية العامة لإدارة السجون، وإتلاف الجهاز أو التملص منه جريمة.',
    },
    legalSource: 'Loi 43.22 ; Code de procédure pénale, art. 647 et s.',
  },
  {
    key: 'victims-ignored',
    claim: { fr: 'Les victimes sont oubliées.', ar: 'الضحايا منسيون.' },
    correction: {
      fr: 'L’amende journalière exige réconciliation, renonciation ou réparation ; les mesures incluent l’indemnisation et l’interdiction de contact avec la victime.',
      ar: 'الغرامة اليومية تشترط الصلح أو التنازل أو جبر الضرر، ومن التدابير التعويض ومنع الاتصال بالضحية.',
    },
    legalSource: 'Loi 43.22, art. 35-2 et 35-14',
  },
  {
    key: 'forced-labour',
    claim: { fr: 'Le travail d’intérêt général, c’est du travail forcé, même pour des enfants.', ar: 'العمل لأجل المنفعة العامة سخرة حتى للأطفال.' },
    correction: {
      fr: 'C’est un travail non rémunéré d’intérêt public, adapté à l’âge, au sexe et aux compétences, de 40 à 3 600 heures ; l’âge minimum est de 15 ans au jugement.',
      ar: 'هو عمل غير مؤدى عنه للمنفعة العامة، يراعي السن والجنس والمؤهلات، من 40 إلى 3600 ساعة، ولا يقل سن المحكوم عليه عن 15 سنة.',
    },
    legalSource: 'Loi 43.22, art. 35-5 et 35-6',
  },
  {
    key: 'in-force-since-2024',
    claim: { fr: 'La loi est en vigueur depuis août 2024.', ar: 'القانون دخل حيز التنفيذ منذ غشت 2024.' },
    correction: {
      fr: 'Publiée au Bulletin officiel en août 2024, la loi n’est entrée en vigueur que le 22 août 2025.',
      ar: 'نُشر القانون في الجريدة الرسمية في غشت 2024، ولم يدخل حيز التنفيذ إلا يوم 22 غشت 2025.',
    },
    legalSource: 'Bulletin officiel n° 7328 ; entrée en vigueur le 22 août 2025',
  },
  {
    key: 'old-draft-limits',
    claim: { fr: '600 heures maximum, limite de 2 ans.', ar: '600 ساعة كحد أقصى وسقف سنتين.' },
    correction: {
      fr: 'Ce sont des chiffres des avant-projets : la loi adoptée prévoit de 40 à 3 600 heures et un seuil de 5 ans.',
      ar: 'هذه أرقام المسودات الأولى: القانون المعتمد ينص على 40 إلى 3600 ساعة وسقف خمس سنوات.',
    },
    legalSource: 'Loi 43.22, art. 35-1 et 35-6',
  },
]
