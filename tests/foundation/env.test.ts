import { EnvValidationError, loadEnv } from '../../src/infra/env'

describe('environment validation', () => {
  it('accepts an empty development environment with defaults', () => {
    const env = loadEnv({})
    expect(env).toMatchObject({ NODE_ENV: 'development', PORT: 3000, DATA_DIR: '.data', SERVER_URL: 'http://localhost:3000' })
    expect(env.DATABASE_URL).toBeUndefined()
  })

  it('treats empty strings as unset', () => {
    expect(loadEnv({ DATABASE_URL: '', SMTP_HOST: ' ' }).DATABASE_URL).toBeUndefined()
  })

  it('names every invalid variable at once, with its reason', () => {
    let caught: unknown
    try {
      loadEnv({
        NODE_ENV: 'production',
        DATABASE_URL: 'mysql://localhost/badil',
        PORT: 'eighty',
        SMTP_SECURE: 'maybe',
        ADMIN_EMAIL: 'not-an-email',
        ADMIN_PASSWORD: 'short',
      })
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(EnvValidationError)
    const problems = (caught as EnvValidationError).problems
    expect(problems.map((problem) => problem.variable).sort()).toEqual(['ADMIN_EMAIL', 'ADMIN_PASSWORD', 'DATABASE_URL', 'PORT', 'SMTP_SECURE'].sort())
    expect((caught as Error).message).toMatch(/DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/)
    expect((caught as Error).message).toMatch(/PORT must be a number/)
  })

  it('requires PAYLOAD_SECRET in production, and a long one', () => {
    expect(() => loadEnv({ NODE_ENV: 'production' })).toThrow(/PAYLOAD_SECRET is required in production/)
    expect(() => loadEnv({ NODE_ENV: 'production', PAYLOAD_SECRET: 'short' })).toThrow(/PAYLOAD_SECRET must be at least 32/)
    expect(loadEnv({ NODE_ENV: 'production', PAYLOAD_SECRET: 'x'.repeat(40), NETWORK_TOKEN_KEY: 'ab'.repeat(32) }).PAYLOAD_SECRET).toHaveLength(40)
  })

  it('requires a 32-byte NETWORK_TOKEN_KEY in production, as hex or base64', () => {
    const production = { NODE_ENV: 'production', PAYLOAD_SECRET: 'x'.repeat(40) }
    expect(() => loadEnv(production)).toThrow(/NETWORK_TOKEN_KEY is required in production/)
    expect(() => loadEnv({ ...production, NETWORK_TOKEN_KEY: 'abc' })).toThrow(/NETWORK_TOKEN_KEY must be 32 bytes/)
    expect(loadEnv({ ...production, NETWORK_TOKEN_KEY: 'ab'.repeat(32) }).NETWORK_TOKEN_KEY).toBe('ab'.repeat(32))
    expect(loadEnv({ ...production, NETWORK_TOKEN_KEY: Buffer.alloc(32, 7).toString('base64') }).NETWORK_TOKEN_KEY).toHaveLength(44)
    // Outside production a key is derived from the Payload secret.
    expect(() => loadEnv({ NODE_ENV: 'development' })).not.toThrow()
  })

  it('lets `next build` read the config without the production secret', () => {
    expect(() => loadEnv({ NODE_ENV: 'production', NEXT_PHASE: 'phase-production-build' })).not.toThrow()
  })

  it('wants ADMIN_EMAIL and ADMIN_PASSWORD together', () => {
    expect(() => loadEnv({ ADMIN_EMAIL: 'admin@example.org' })).toThrow(/ADMIN_PASSWORD must be set together with ADMIN_EMAIL/)
    expect(() => loadEnv({ ADMIN_PASSWORD: 'a-long-enough-password' })).toThrow(/ADMIN_EMAIL must be set together/)
  })

  it('reads the media size limits in MB, refusing nonsense', () => {
    expect(loadEnv({ MEDIA_MAX_IMAGE_MB: '8' })).toMatchObject({ MEDIA_MAX_IMAGE_MB: 8, MEDIA_MAX_VIDEO_MB: 1024, MEDIA_MAX_PDF_MB: 50 })
    expect(() => loadEnv({ MEDIA_MAX_VIDEO_MB: '0' })).toThrow(/MEDIA_MAX_VIDEO_MB must be at least 1/)
    expect(() => loadEnv({ MEDIA_MAX_PDF_MB: 'lots' })).toThrow(/MEDIA_MAX_PDF_MB must be a number/)
  })

  it('reads the read replicas as a list of PostgreSQL URLs, naming a wrong one', () => {
    expect(loadEnv({}).DATABASE_READ_REPLICAS).toBeUndefined()
    expect(loadEnv({ DATABASE_READ_REPLICAS: ' postgres://r1/badil , postgresql://r2/badil ' }).DATABASE_READ_REPLICAS).toEqual([
      'postgres://r1/badil',
      'postgresql://r2/badil',
    ])
    expect(() => loadEnv({ DATABASE_READ_REPLICAS: 'postgres://r1/badil,mysql://r2/badil' })).toThrow(
      /DATABASE_READ_REPLICAS.*postgres:\/\/ or postgresql:\/\/ URL/,
    )
  })

  it('bounds the shutdown timeout', () => {
    expect(loadEnv({}).SHUTDOWN_TIMEOUT_S).toBe(30)
    expect(() => loadEnv({ SHUTDOWN_TIMEOUT_S: '0' })).toThrow(/SHUTDOWN_TIMEOUT_S must be at least 1/)
  })

  it('reads the object storage settings, and refuses half of them', () => {
    expect(loadEnv({}).S3_BUCKET).toBeUndefined()
    expect(
      loadEnv({
        S3_BUCKET: 'badil-media',
        S3_ENDPOINT: 'https://s3.fr-par.scw.cloud',
        S3_ACCESS_KEY_ID: 'k',
        S3_SECRET_ACCESS_KEY: 's',
        S3_FORCE_PATH_STYLE: 'true',
      }),
    ).toMatchObject({ S3_BUCKET: 'badil-media', S3_REGION: 'us-east-1', S3_FORCE_PATH_STYLE: true })
    expect(() => loadEnv({ S3_BUCKET: 'badil-media', S3_ACCESS_KEY_ID: 'k' })).toThrow(/S3_SECRET_ACCESS_KEY must be set together with S3_ACCESS_KEY_ID/)
    expect(() => loadEnv({ S3_ENDPOINT: 'https://s3.fr-par.scw.cloud' })).toThrow(/S3_BUCKET is required when S3_ENDPOINT is set/)
    expect(() => loadEnv({ S3_BUCKET: 'badil-media', S3_ENDPOINT: 'minio:9000' })).toThrow(/S3_ENDPOINT must be an http\(s\) URL/)
  })

  it('wants an SMTP host when SMTP credentials are given', () => {
    expect(() => loadEnv({ SMTP_USER: 'u', SMTP_PASSWORD: 'p' })).toThrow(/SMTP_HOST is required/)
    expect(loadEnv({ SMTP_HOST: 'smtp.example.org', SMTP_PORT: '465', SMTP_SECURE: 'true' })).toMatchObject({
      SMTP_PORT: 465,
      SMTP_SECURE: true,
    })
  })
})
