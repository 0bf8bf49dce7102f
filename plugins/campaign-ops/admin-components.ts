import type * as clientExports from './exports/client'
import type * as rscExports from './exports/rsc'

// Payload names admin components by path from the project root (admin.importMap.baseDir).
const exportsPath = '/plugins/campaign-ops/exports'

/** The admin config's path of one of the plugin's server components. */
export const rscComponent = (name: keyof typeof rscExports): string => `${exportsPath}/rsc#${name}`

/** The admin config's path of one of the plugin's client components. */
export const clientComponent = (name: keyof typeof clientExports): string => `${exportsPath}/client#${name}`
