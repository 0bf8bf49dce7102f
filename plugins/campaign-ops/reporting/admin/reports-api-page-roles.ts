/** Who sees the reporting API's reference: those who connect tools to it and read its figures. */
export const reportsApiPageRoles: readonly string[] = ['admin', 'ncsc', 'analyst']
