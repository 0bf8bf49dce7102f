/**
 * The formats and target audiences a content item is filed under, with their labels: the content
 * model stores them, the calendar and the reports filter on them.
 */
import { option } from './labels'

export const contentFormats = [
  option('post', { fr: 'Publication', ar: 'منشور', en: 'Post' }),
  option('infographic', { fr: 'Infographie', ar: 'إنفوغرافيك', en: 'Infographic' }),
  option('short_video', { fr: 'Vidéo courte', ar: 'فيديو قصير', en: 'Short video' }),
  option('animated_video', { fr: 'Vidéo animée', ar: 'فيديو متحرك', en: 'Animated video' }),
  option('story', { fr: 'Story', ar: 'قصة', en: 'Story' }),
  option('carousel', { fr: 'Carrousel', ar: 'دوّارة صور', en: 'Carousel' }),
  option('article', { fr: 'Article', ar: 'مقال', en: 'Article' }),
  option('live', { fr: 'Direct', ar: 'بث مباشر', en: 'Live' }),
]

export const audiences = [
  option('general_public', { fr: 'Grand public', ar: 'عموم المواطنين', en: 'General public' }),
  option('journalists', { fr: 'Journalistes', ar: 'الصحفيون', en: 'Journalists' }),
  option('students', { fr: 'Étudiants', ar: 'الطلبة', en: 'Students' }),
  option('associations', { fr: 'Associations', ar: 'الجمعيات', en: 'Associations' }),
  option('professionals', { fr: 'Professionnels', ar: 'المهنيون', en: 'Professionals' }),
]

/** The stored values alone. */
export const contentFormatValues = contentFormats.map((format) => format.value)
export const audienceValues = audiences.map((audience) => audience.value)
