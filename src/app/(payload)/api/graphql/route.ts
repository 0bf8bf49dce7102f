import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

import { guardRoute } from '../../../../security/route-guards'

export const POST = guardRoute(config, GRAPHQL_POST(config))
export const OPTIONS = REST_OPTIONS(config)
