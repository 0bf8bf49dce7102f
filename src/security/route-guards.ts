import type { SanitizedConfig } from 'payload'

import { withApiKeyGuard } from './api-key-guard'
import { maxJsonBodyBytes, withBodyLimit } from '../infra/body-limit'

/**
 * What every REST and GraphQL request passes before Payload sees it: an API key is checked
 * (401 with the reason when it is wrong or revoked), and the body is read within its limit (413).
 * The Next.js route files and the tests' HTTP server use this one composition.
 */
export function guardRoute<Context>(
  config: Promise<SanitizedConfig> | SanitizedConfig,
  handler: (request: Request, context: Context) => Promise<Response>,
): (request: Request, context: Context) => Promise<Response> {
  return withApiKeyGuard(config, withBodyLimit(handler, { jsonBytes: maxJsonBodyBytes, uploadBytes: async () => (await config).upload?.limits?.fileSize }))
}
