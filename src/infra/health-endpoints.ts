/**
 * `GET /api/health/live` (anyone): the process answers. `GET /api/health/ready` (anyone): 200
 * when the instance can be sent traffic, 503 otherwise, with the state of each check (see
 * health.ts). For load balancers and orchestrators; never cached.
 */
import type { Endpoint } from 'payload'

import { readiness } from './health'
import type { ReadinessSources } from './health'

const noStore = { 'Cache-Control': 'no-store' }

export function healthEndpoints(sources: ReadinessSources): Endpoint[] {
  return [
    {
      path: '/health/live',
      method: 'get',
      handler: () => Response.json({ status: 'alive' }, { headers: noStore }),
    },
    {
      path: '/health/ready',
      method: 'get',
      handler: async (req) => {
        const answer = await readiness(req.payload, sources)
        return Response.json({ status: answer.ready ? 'ready' : 'not_ready', checks: answer.checks }, { status: answer.ready ? 200 : 503, headers: noStore })
      },
    },
  ]
}
