import config from '@payload-config'
import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'

import { guardRoute } from '../../../../security/route-guards'

export const GET = guardRoute(config, REST_GET(config))
export const POST = guardRoute(config, REST_POST(config))
export const DELETE = guardRoute(config, REST_DELETE(config))
export const PATCH = guardRoute(config, REST_PATCH(config))
export const PUT = guardRoute(config, REST_PUT(config))
export const OPTIONS = REST_OPTIONS(config)
