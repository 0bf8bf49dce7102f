import type { Access, FieldAccess, PayloadRequest } from 'payload'

/** The people (and tools) who use Badil; see README.md "Roles". */
export const roles = ['admin', 'ncsc', 'legal', 'consultant', 'cm', 'analyst', 'integration'] as const

export type Role = (typeof roles)[number]

type UserLike = { id?: number | string; role?: string | null; collection?: string } | null | undefined

export function roleOf(user: UserLike): Role | undefined {
  const role = user?.role
  return roles.includes(role as Role) ? (role as Role) : undefined
}

export function hasRole(user: UserLike, ...allowed: Role[]): boolean {
  const role = roleOf(user)
  return role !== undefined && allowed.includes(role)
}

export function isAdmin(user: UserLike): boolean {
  return hasRole(user, 'admin')
}

/** Access function: only the listed roles. */
export function allowRoles(...allowed: Role[]): Access {
  return ({ req }) => hasRole(req.user, ...allowed)
}

/** Field access: only the listed roles. */
export function allowRolesOnField(...allowed: Role[]): FieldAccess {
  return ({ req }) => hasRole(req.user, ...allowed)
}

/** Access function: admins, or the signed-in user on their own document. */
export const adminOrSelf: Access = ({ req }: { req: PayloadRequest }) => {
  if (!req.user) return false
  if (isAdmin(req.user)) return true
  return { id: { equals: req.user.id } }
}

/** The campaign's people: every role but external tools, which read the reporting API only. */
export const staffRoles = roles.filter((role) => role !== 'integration')

export function isStaff(user: UserLike): boolean {
  return hasRole(user, ...staffRoles)
}
