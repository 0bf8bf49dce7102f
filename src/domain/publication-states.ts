/** A variant's publication states: the editorial ones a person sets, the others the publishing engine's. */
export const publicationStates = [
  { value: 'draft', label: { fr: 'Brouillon', ar: 'مسودة', en: 'Draft' } },
  { value: 'ready', label: { fr: 'Prête', ar: 'جاهزة', en: 'Ready' } },
  { value: 'scheduled', label: { fr: 'Programmée', ar: 'مبرمجة', en: 'Scheduled' } },
  { value: 'publishing', label: { fr: 'En cours de publication', ar: 'قيد النشر', en: 'Publishing' } },
  { value: 'published', label: { fr: 'Publiée', ar: 'منشورة', en: 'Published' } },
  { value: 'failed', label: { fr: 'Échec', ar: 'فشل', en: 'Failed' } },
  { value: 'outcome_unknown', label: { fr: 'Résultat inconnu', ar: 'نتيجة غير معروفة', en: 'Outcome unknown' } },
  { value: 'cancelled', label: { fr: 'Annulée', ar: 'ملغاة', en: 'Cancelled' } },
  // Held by a crisis pause, or because the item left approval or the variant's approval was withdrawn (the reason says which).
  { value: 'held', label: { fr: 'Retenue', ar: 'محتجزة', en: 'Held' } },
]

/** States a person sets; the others belong to the publishing engine. */
export const editorialStates = ['draft', 'ready', 'scheduled', 'cancelled']

/** States in which the post is, or may be, on the network: its content is frozen. */
export const frozenStates = ['publishing', 'published', 'outcome_unknown']
