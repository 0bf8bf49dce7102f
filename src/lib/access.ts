import type { Access } from 'payload'

import { hasRole } from './roles'

/** Every signed-in person of the campaign; external tools (API keys) read only the reporting API. */
export const staffOnly: Access = ({ req }) => Boolean(req.user) && !hasRole(req.user, 'integration')
