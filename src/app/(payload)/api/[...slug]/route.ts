import config from '@payload-config'
import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'

import { withApiKeyGuard } from '../../../../lib/api-key-guard'

export const GET = withApiKeyGuard(config, REST_GET(config))
export const POST = withApiKeyGuard(config, REST_POST(config))
export const DELETE = withApiKeyGuard(config, REST_DELETE(config))
export const PATCH = withApiKeyGuard(config, REST_PATCH(config))
export const PUT = withApiKeyGuard(config, REST_PUT(config))
export const OPTIONS = REST_OPTIONS(config)
