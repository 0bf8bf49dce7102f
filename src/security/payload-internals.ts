import type { Access, PayloadHandler, PayloadRequest, SanitizedConfig } from 'payload'

import { actingSystem } from '../domain/actor'
import { isAdmin, isStaff } from '../domain/roles'

/**
 * Access of the collections Payload adds on its own. Payload lets every signed-in user (external
 * tools included) use them; its config has no option for them, so Badil sets their access once the
 * config is built:
 * - document locks and admin preferences serve people in the admin: staff only (the preferences
 *   still to their owner, by Payload's own rule);
 * - the migrations table is the database's history: nobody through any API (migrations run with
 *   the Local API's own access);
 * - the jobs queue is run and handled by the system; over HTTP, by an administrator only; its
 *   schedule book (the `payload-jobs-stats` global) is the queue's alone;
 * - Payload's "paste a URL" upload endpoint is removed where the feature is off (Badil's media),
 *   and its schedule handler while no task is scheduled.
 */
const nobody: Access = () => false

function staffOnlyHandler(handler: PayloadHandler): PayloadHandler {
  return (req) =>
    isStaff(req.user)
      ? handler(req)
      : Promise.resolve(Response.json({ errors: [{ message: req.t('error:notAllowedToPerformAction'), code: 'forbidden' }] }, { status: 403 }))
}

function onlyStaffAnd(access: Access | undefined): Access {
  return (args) => (isStaff(args.req.user) ? (access ? access(args) : true) : false)
}

/** Who may run, queue or cancel jobs from a request: an administrator, or the system by name. */
const adminOrSystem = ({ req }: { req: PayloadRequest }) => isAdmin(req.user) || actingSystem(req) !== undefined
export const jobsAccess = { run: adminOrSystem, queue: adminOrSystem, cancel: adminOrSystem }

export function restrictPayloadInternals(config: SanitizedConfig): SanitizedConfig {
  for (const collection of config.collections) {
    const access = collection.access as Record<string, Access | undefined>
    if (collection.slug === 'payload-locked-documents' || collection.slug === 'payload-preferences') {
      for (const operation of Object.keys(access)) access[operation] = onlyStaffAnd(access[operation])
      // The preferences' own endpoints (/:key) check only that someone is signed in. Payload's
      // default endpoint objects are shared by every collection: only these are replaced.
      if (collection.endpoints) {
        collection.endpoints = collection.endpoints.map((endpoint) =>
          endpoint.path === '/:key' ? { ...endpoint, handler: staffOnlyHandler(endpoint.handler) } : endpoint,
        )
      }
    }
    if (collection.upload && !collection.upload.pasteURL && collection.endpoints) {
      // Payload's "paste a URL" endpoint fetches a remote file server-side; uploads come from the file picker only.
      collection.endpoints = collection.endpoints.filter((endpoint) => !endpoint.path.startsWith('/paste-url'))
    }
    if (collection.slug === 'payload-jobs' && !config.jobs?.scheduling && collection.endpoints) {
      // Nothing is scheduled through Payload's queue: its schedule handler would only answer 500.
      collection.endpoints = collection.endpoints.filter((endpoint) => endpoint.path !== '/handle-schedules')
    }
    if (collection.slug === 'payload-migrations') {
      for (const operation of Object.keys(access)) access[operation] = nobody
    }
  }
  for (const global of config.globals) {
    // The jobs' schedule book (when each scheduled task last ran): the queue's own, written without access.
    if (global.slug === 'payload-jobs-stats') {
      const access = global.access as Record<string, Access | undefined>
      for (const operation of Object.keys(access)) access[operation] = nobody
    }
  }
  return config
}
