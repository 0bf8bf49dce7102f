/**
 * Every PostgreSQL advisory lock Badil takes, named in one place so that no two uses ever share a
 * key. Instances coordinate through these (never through process memory).
 *
 * Single-key locks (one bigint) guard one thing each; two-key locks are (space, row id) pairs,
 * and PostgreSQL keeps the two kinds apart, so a space may equal no single key without clashing.
 */
export const advisoryLocks = {
  /** One instance applies the migrations at a time (start-up). */
  migrations: 431_220_250_822,
  /** Appends to the moderation log take turns, so its hash chain stays a chain. */
  moderationLogAppend: 431_220_250_901,
  /** One retention purge of the moderation log at a time. */
  moderationLogPurge: 431_220_250_902,
  /** One crisis-mode switch at a time (transaction lock). */
  crisisSwitch: 431_220_250_903,
  /** One look of the crisis watch at a time, so that a surge raises one alert. */
  crisisWatch: 431_220_250_904,
  /** One training of the moderation triage model at a time (it is CPU work for minutes). */
  moderationModelTraining: 431_220_250_905,
} as const

export const advisoryLockSpaces = {
  /** (space, content item id): the item's first post moves it to "published" once. */
  itemPublish: 43_122_001,
  /** (space, network account id): one token renewal per account at a time. */
  tokenRefresh: 4_312_210,
  /** (space, report subscription id): one instance makes and sends a subscription's report at a time. */
  periodicReport: 43_122_002,
} as const
