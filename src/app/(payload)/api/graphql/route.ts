import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

import { withApiKeyGuard } from '../../../../lib/api-key-guard'

export const POST = withApiKeyGuard(config, GRAPHQL_POST(config))
export const OPTIONS = REST_OPTIONS(config)
