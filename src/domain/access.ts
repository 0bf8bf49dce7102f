import type { Access, FieldAccess } from 'payload'

import { isStaff } from './roles'

/** Every signed-in person of the campaign (a known role); external tools read only the reporting API. */
export const staffOnly: Access = ({ req }) => isStaff(req.user)

/**
 * Field access of what only the server writes (the publishing engine in SQL or as the named
 * system, hooks computing a value): no caller sets it on any transport, whatever its role. Hooks
 * still set it, since they run after field access is applied.
 */
export const computedByServer: { create: FieldAccess; update: FieldAccess } = { create: () => false, update: () => false }
