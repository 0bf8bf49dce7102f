/**
 * The crisis watch's knobs, with the starting values of domain.md §5. NCSC changes them in the
 * crisis watch settings; `npm run crisis:replay` tries other values on a recorded stream.
 */
import { z } from 'zod'

export const crisisLevels = ['watch', 'crisis'] as const
export type CrisisLevel = (typeof crisisLevels)[number]

/** The moderation categories counted as hostile: hate, harassment and threats, defamation. */
export const defaultHostileCategories = ['hate', 'harassment', 'defamation'] as const

export const crisisParametersSchema = z.object({
  /** Days of history the hour-of-week baseline is made from. */
  baselineDays: z.number().int().min(7).max(56),
  /** Until this many days of comments exist, the Poisson rule is used (time of day, not of week). */
  warmUpDays: z.number().int().min(1).max(28),
  /** Standard deviations above the baseline for `watch` (over the sustained window) and `crisis` (over the last hour). */
  watchSigma: z.number().min(1).max(10),
  crisisSigma: z.number().min(1).max(10),
  /** At least this many comments in the window, and at least `multiplier` × the expected count. */
  minimumCount: z.number().int().min(1).max(10_000),
  multiplier: z.number().min(1).max(100),
  /** At least this many distinct authors in the window: one account flooding raises nothing. */
  minimumAuthors: z.number().int().min(1).max(1_000),
  /** The series' share of all comments must have risen this much: growth alone raises nothing. */
  shareRise: z.number().min(1).max(100),
  /** The window of a slow rise (`watch`), in hours, and how far above the expected it must be. */
  watchWindowHours: z.number().int().min(2).max(48),
  watchMultiplier: z.number().min(1).max(100),
  /** After an alert, the same series raises nothing new for this long (a worse level still escalates). */
  cooldownHours: z.number().min(0).max(168),
  hostileCategories: z.array(z.string().min(1)).min(1),
})

export type CrisisParameters = z.infer<typeof crisisParametersSchema>

export const defaultCrisisParameters: CrisisParameters = {
  baselineDays: 14,
  warmUpDays: 7,
  watchSigma: 2,
  crisisSigma: 3,
  minimumCount: 5,
  multiplier: 2,
  minimumAuthors: 5,
  shareRise: 1.25,
  watchWindowHours: 6,
  watchMultiplier: 1.5,
  cooldownHours: 2,
  hostileCategories: [...defaultHostileCategories],
}
