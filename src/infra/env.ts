import { z } from 'zod'

/**
 * The one place that reads the process environment. Every variable is declared here, with its
 * rule; `.env.example` documents each one for people.
 */

const booleanFromString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], {
    message: 'must be one of true, false, 1, 0, yes, no',
  })
  .transform((value) => value === 'true' || value === '1' || value === 'yes')

const port = z.coerce
  .number({ message: 'must be a number' })
  .int('must be a whole number')
  .min(1, 'must be between 1 and 65535')
  .max(65535, 'must be between 1 and 65535')

const postgresUrl = z
  .string()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), {
    message: 'must be a postgres:// or postgresql:// URL',
  })
  .refine((value) => URL.canParse(value), { message: 'is not a valid URL' })

const emptyAsUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value)

/** A network's OAuth client id and secret: both or neither. */
const oauthCredentialPairs = [
  ['FACEBOOK_APP_ID', 'FACEBOOK_APP_SECRET'],
  ['X_CLIENT_ID', 'X_CLIENT_SECRET'],
  ['LINKEDIN_CLIENT_ID', 'LINKEDIN_CLIENT_SECRET'],
  ['GOOGLE_CLIENT_ID', 'GOOGLE_CLIENT_SECRET'],
  ['TIKTOK_CLIENT_KEY', 'TIKTOK_CLIENT_SECRET'],
] as const

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    // Set by Next.js while `next build` evaluates the config: nothing is served or signed then.
    NEXT_PHASE: z.string().optional(),
    DATABASE_URL: z.preprocess(emptyAsUndefined, postgresUrl.optional()),
    // Read replicas (comma-separated URLs): Payload's reads and the reports read there; writes and claims never do.
    DATABASE_READ_REPLICAS: z.preprocess(
      (value) =>
        typeof value === 'string' && value.trim() !== ''
          ? value
              .split(',')
              .map((url) => url.trim())
              .filter(Boolean)
          : undefined,
      z.array(postgresUrl).optional(),
    ),
    DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default('.data')),
    PAYLOAD_SECRET: z.preprocess(emptyAsUndefined, z.string().min(32, 'must be at least 32 characters long').optional()),
    SERVER_URL: z.preprocess(emptyAsUndefined, z.url({ message: 'must be a URL such as http://localhost:3000' }).optional()),
    PORT: z.preprocess(emptyAsUndefined, port.default(3000)),
    ADMIN_EMAIL: z.preprocess(emptyAsUndefined, z.email({ message: 'must be an email address' }).optional()),
    ADMIN_PASSWORD: z.preprocess(emptyAsUndefined, z.string().min(12, 'must be at least 12 characters long').optional()),
    SMTP_HOST: z.preprocess(emptyAsUndefined, z.string().optional()),
    SMTP_PORT: z.preprocess(emptyAsUndefined, port.default(587)),
    SMTP_SECURE: z.preprocess(emptyAsUndefined, booleanFromString.default(false)),
    SMTP_USER: z.preprocess(emptyAsUndefined, z.string().optional()),
    SMTP_PASSWORD: z.preprocess(emptyAsUndefined, z.string().optional()),
    MAIL_FROM_ADDRESS: z.preprocess(emptyAsUndefined, z.email({ message: 'must be an email address' }).default('no-reply@badil.local')),
    MAIL_FROM_NAME: z.preprocess(emptyAsUndefined, z.string().default('Badil')),
    MODERATION_LOG_RETENTION_DAYS: z.preprocess(
      emptyAsUndefined,
      z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1 day').default(180),
    ),
    MODERATION_PSEUDONYM_KEY: z.preprocess(emptyAsUndefined, z.string().min(32, 'must be at least 32 characters long').optional()),
    MEDIA_DIR: z.preprocess(emptyAsUndefined, z.string().default('media')),
    MEDIA_MAX_IMAGE_MB: z.preprocess(
      emptyAsUndefined,
      z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').default(20),
    ),
    MEDIA_MAX_VIDEO_MB: z.preprocess(
      emptyAsUndefined,
      z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').default(1024),
    ),
    MEDIA_MAX_PDF_MB: z.preprocess(
      emptyAsUndefined,
      z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').default(50),
    ),
    // Publishing: key of the network tokens at rest (AES-256-GCM), 32 bytes as 64 hex or 44 base64 characters.
    NETWORK_TOKEN_KEY: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .refine((value) => decodeTokenKey(value) !== undefined, {
          message: 'must be 32 bytes written as 64 hexadecimal characters or 44 base64 characters',
        })
        .optional(),
    ),
    // Networks' API hosts (tests and staging point them at fake servers).
    FACEBOOK_GRAPH_URL: z.preprocess(emptyAsUndefined, z.url().default('https://graph.facebook.com/v23.0')),
    FACEBOOK_UPLOAD_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
    INSTAGRAM_GRAPH_URL: z.preprocess(emptyAsUndefined, z.url().default('https://graph.facebook.com/v23.0')),
    X_API_URL: z.preprocess(emptyAsUndefined, z.url().default('https://api.x.com')),
    X_UPLOAD_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
    LINKEDIN_API_URL: z.preprocess(emptyAsUndefined, z.url().default('https://api.linkedin.com')),
    YOUTUBE_API_URL: z.preprocess(emptyAsUndefined, z.url().default('https://www.googleapis.com')),
    YOUTUBE_UPLOAD_URL: z.preprocess(emptyAsUndefined, z.url().default('https://www.googleapis.com')),
    TIKTOK_API_URL: z.preprocess(emptyAsUndefined, z.url().default('https://open.tiktokapis.com')),
    // Network OAuth apps (connecting accounts from the admin): client id and secret, both or neither.
    FACEBOOK_APP_ID: z.preprocess(emptyAsUndefined, z.string().optional()),
    FACEBOOK_APP_SECRET: z.preprocess(emptyAsUndefined, z.string().optional()),
    // The token typed with the webhook callback URL in Meta's app dashboard (inbox webhooks).
    META_WEBHOOK_VERIFY_TOKEN: z.preprocess(emptyAsUndefined, z.string().min(16).optional()),
    X_CLIENT_ID: z.preprocess(emptyAsUndefined, z.string().optional()),
    X_CLIENT_SECRET: z.preprocess(emptyAsUndefined, z.string().optional()),
    LINKEDIN_CLIENT_ID: z.preprocess(emptyAsUndefined, z.string().optional()),
    LINKEDIN_CLIENT_SECRET: z.preprocess(emptyAsUndefined, z.string().optional()),
    GOOGLE_CLIENT_ID: z.preprocess(emptyAsUndefined, z.string().optional()),
    GOOGLE_CLIENT_SECRET: z.preprocess(emptyAsUndefined, z.string().optional()),
    TIKTOK_CLIENT_KEY: z.preprocess(emptyAsUndefined, z.string().optional()),
    TIKTOK_CLIENT_SECRET: z.preprocess(emptyAsUndefined, z.string().optional()),
    // Networks' OAuth pages and token endpoints (the token endpoints of Facebook, X and TikTok live on their API hosts).
    FACEBOOK_OAUTH_URL: z.preprocess(emptyAsUndefined, z.url().default('https://www.facebook.com/v23.0/dialog/oauth')),
    X_OAUTH_URL: z.preprocess(emptyAsUndefined, z.url().default('https://x.com/i/oauth2/authorize')),
    LINKEDIN_OAUTH_URL: z.preprocess(emptyAsUndefined, z.url().default('https://www.linkedin.com/oauth/v2')),
    GOOGLE_OAUTH_URL: z.preprocess(emptyAsUndefined, z.url().default('https://accounts.google.com/o/oauth2/v2/auth')),
    GOOGLE_TOKEN_URL: z.preprocess(emptyAsUndefined, z.url().default('https://oauth2.googleapis.com/token')),
    TIKTOK_OAUTH_URL: z.preprocess(emptyAsUndefined, z.url().default('https://www.tiktok.com/v2/auth/authorize/')),
    // Outbound webhooks may go to private, loopback and link-local addresses (tests, intranet tools).
    WEBHOOK_ALLOW_PRIVATE: z.preprocess(emptyAsUndefined, booleanFromString.default(false)),
    // Publishing scheduler: run it in this process (every web instance by default).
    PUBLISHING_SCHEDULER: z.preprocess(emptyAsUndefined, booleanFromString.default(true)),
    REPORT_API_CALLS_PER_MINUTE: z.preprocess(
      emptyAsUndefined,
      z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').default(120),
    ),
    // Chromium prints the periodic reports as PDF; where it is not installed they are sent as HTML.
    CHROMIUM_PATH: z.preprocess(emptyAsUndefined, z.string().default('/usr/bin/chromium')),
    LOG_LEVEL: z.preprocess(emptyAsUndefined, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
    // Set by the launcher (scripts/serve.ts) in the server process it starts: signals stop it gracefully.
    BADIL_SERVER: z.preprocess(emptyAsUndefined, booleanFromString.default(false)),
    // How long a stopping instance may take to drain, stop claiming and close (SIGTERM to exit).
    // Object storage (S3-compatible) for media and reports; local disk (MEDIA_DIR, DATA_DIR) when S3_BUCKET is unset.
    S3_BUCKET: z.preprocess(emptyAsUndefined, z.string().min(3, 'must be a bucket name of at least 3 characters').optional()),
    S3_ENDPOINT: z.preprocess(
      emptyAsUndefined,
      z.url({ protocol: /^https?$/, message: 'must be an http(s) URL such as https://s3.eu-west-3.amazonaws.com' }).optional(),
    ),
    S3_REGION: z.preprocess(emptyAsUndefined, z.string().default('us-east-1')),
    S3_ACCESS_KEY_ID: z.preprocess(emptyAsUndefined, z.string().optional()),
    S3_SECRET_ACCESS_KEY: z.preprocess(emptyAsUndefined, z.string().optional()),
    // Buckets addressed as ENDPOINT/BUCKET rather than BUCKET.ENDPOINT (MinIO, Garage, most self-hosted servers).
    S3_FORCE_PATH_STYLE: z.preprocess(emptyAsUndefined, booleanFromString.default(false)),
    // Where the networks reach the bucket (same service, public address): they then fetch media straight from it.
    S3_PUBLIC_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional()),
    SHUTDOWN_TIMEOUT_S: z.preprocess(
      emptyAsUndefined,
      z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(600, 'must be at most 600').default(30),
    ),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.PAYLOAD_SECRET && !isBuildPhase(env)) {
      ctx.addIssue({
        code: 'custom',
        path: ['PAYLOAD_SECRET'],
        message: 'is required in production (a random string of at least 32 characters)',
      })
    }
    if (Boolean(env.ADMIN_EMAIL) !== Boolean(env.ADMIN_PASSWORD)) {
      const missing = env.ADMIN_EMAIL ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL'
      ctx.addIssue({
        code: 'custom',
        path: [missing],
        message: 'must be set together with ' + (missing === 'ADMIN_EMAIL' ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL'),
      })
    }
    if (env.NODE_ENV === 'production' && !env.NETWORK_TOKEN_KEY && !isBuildPhase(env)) {
      ctx.addIssue({
        code: 'custom',
        path: ['NETWORK_TOKEN_KEY'],
        message: 'is required in production (32 random bytes: `openssl rand -hex 32`)',
      })
    }
    for (const [idVariable, secretVariable] of oauthCredentialPairs) {
      if (Boolean(env[idVariable]) !== Boolean(env[secretVariable])) {
        const missing = env[idVariable] ? secretVariable : idVariable
        ctx.addIssue({
          code: 'custom',
          path: [missing],
          message: `must be set together with ${missing === idVariable ? secretVariable : idVariable}`,
        })
      }
    }
    if (Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY)) {
      const missing = env.S3_ACCESS_KEY_ID ? 'S3_SECRET_ACCESS_KEY' : 'S3_ACCESS_KEY_ID'
      ctx.addIssue({
        code: 'custom',
        path: [missing],
        message: `must be set together with ${missing === 'S3_ACCESS_KEY_ID' ? 'S3_SECRET_ACCESS_KEY' : 'S3_ACCESS_KEY_ID'}`,
      })
    }
    if (!env.S3_BUCKET) {
      for (const variable of ['S3_ENDPOINT', 'S3_ACCESS_KEY_ID', 'S3_PUBLIC_URL'] as const) {
        if (env[variable]) ctx.addIssue({ code: 'custom', path: ['S3_BUCKET'], message: `is required when ${variable} is set` })
      }
    }
    if (env.SMTP_USER && !env.SMTP_PASSWORD) {
      ctx.addIssue({ code: 'custom', path: ['SMTP_PASSWORD'], message: 'is required when SMTP_USER is set' })
    }
    if ((env.SMTP_USER || env.SMTP_PASSWORD) && !env.SMTP_HOST) {
      ctx.addIssue({ code: 'custom', path: ['SMTP_HOST'], message: 'is required when SMTP credentials are set' })
    }
  })
  // Links point at the port the app listens on unless a public URL is given.
  .transform((env) => ({ ...env, SERVER_URL: env.SERVER_URL ?? `http://localhost:${env.PORT}` }))

export type Env = z.infer<typeof envSchema>

/** The 32-byte token key from 64 hex or 44 base64 characters; undefined when it is neither. */
export function decodeTokenKey(value: string): Buffer | undefined {
  const trimmed = value.trim()
  const bytes = /^[0-9a-f]{64}$/i.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : /^[A-Za-z0-9+/]{43}=$/.test(trimmed)
      ? Buffer.from(trimmed, 'base64')
      : undefined
  return bytes?.length === 32 ? bytes : undefined
}

/** True while `next build` collects pages: the config is read, but no request is ever served. */
export function isBuildPhase(env: { NEXT_PHASE?: string }): boolean {
  return env.NEXT_PHASE === 'phase-production-build'
}

export type EnvProblem = { variable: string; reason: string }

/** Thrown when the environment is invalid; lists every invalid variable, not only the first. */
export class EnvValidationError extends Error {
  readonly problems: EnvProblem[]

  constructor(problems: EnvProblem[]) {
    super(
      'Invalid environment configuration:\n' +
        problems.map((problem) => `  - ${problem.variable} ${problem.reason}`).join('\n') +
        '\nSee .env.example for every variable and its format.',
    )
    this.name = 'EnvValidationError'
    this.problems = problems
  }
}

export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source)
  if (result.success) return result.data
  const problems = result.error.issues.map((issue) => ({
    variable: String(issue.path[0] ?? 'environment'),
    reason: issue.message,
  }))
  throw new EnvValidationError(problems)
}
