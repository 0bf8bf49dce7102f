import type { Role } from '../../../../src/domain/roles'

/** Who sees the reporting API's reference: those who connect tools to it and read its figures. */
export const reportsApiPageRoles: readonly Role[] = ['admin', 'ncsc', 'analyst']
