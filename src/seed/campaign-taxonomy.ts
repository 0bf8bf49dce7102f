import type { Payload } from 'payload'

/** The campaign's themes (issue: content model), fr/ar; NCSC extends the list in the admin. */
export const campaignThemes = [
  { slug: 'community-service', fr: 'Travail d’intérêt général', ar: 'العمل لأجل المنفعة العامة' },
  { slug: 'electronic-monitoring', fr: 'Surveillance électronique', ar: 'المراقبة الإلكترونية' },
  { slug: 'restriction-of-rights', fr: 'Restriction de droits et mesures de contrôle ou de soin', ar: 'تقييد بعض الحقوق والتدابير الرقابية أو العلاجية' },
  { slug: 'day-fine', fr: 'Amende journalière', ar: 'الغرامة اليومية' },
  { slug: 'eligibility', fr: 'Éligibilité et exclusions', ar: 'شروط الاستفادة والاستثناءات' },
  { slug: 'decision-and-execution', fr: 'Comment c’est décidé et exécuté', ar: 'كيف تُقرر وتُنفذ' },
  { slug: 'victims-rights', fr: 'Droits des victimes', ar: 'حقوق الضحايا' },
  { slug: 'misconceptions', fr: 'Idées reçues', ar: 'المغالطات الشائعة' },
] as const

const demoKeyMoments = [
  {
    fr: 'Journée des droits de l’homme',
    ar: 'اليوم العالمي لحقوق الإنسان',
    startsOn: '2026-12-10',
    endsOn: '2026-12-10',
    priority: 'high',
    themes: ['victims-rights', 'misconceptions'],
  },
  {
    fr: 'Ramadan : la peine alternative expliquée aux familles',
    ar: 'رمضان: شرح العقوبات البديلة للأسر',
    startsOn: '2027-02-08',
    endsOn: '2027-03-09',
    priority: 'medium',
    themes: ['community-service', 'day-fine'],
  },
] as const

/** Themes on every first start; demo key moments in development. */
export async function seedCampaignTaxonomy(payload: Payload, options: { demo: boolean }): Promise<void> {
  if ((await payload.count({ collection: 'themes', overrideAccess: true })).totalDocs > 0) return
  const ids = new Map<string, number>()
  for (const theme of campaignThemes) {
    const created = await payload.create({ collection: 'themes', overrideAccess: true, locale: 'fr', data: { slug: theme.slug, name: theme.fr } })
    await payload.update({ collection: 'themes', id: created.id, overrideAccess: true, locale: 'ar', data: { name: theme.ar } })
    ids.set(theme.slug, created.id)
  }
  if (!options.demo) return
  for (const moment of demoKeyMoments) {
    const created = await payload.create({
      collection: 'key-moments',
      overrideAccess: true,
      locale: 'fr',
      data: {
        title: moment.fr,
        startsOn: moment.startsOn,
        endsOn: moment.endsOn,
        priority: moment.priority,
        themes: moment.themes.map((slug) => ids.get(slug)!),
      },
    })
    await payload.update({ collection: 'key-moments', id: created.id, overrideAccess: true, locale: 'ar', data: { title: moment.ar } })
  }
}
