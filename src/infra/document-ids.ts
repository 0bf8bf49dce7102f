/**
 * Documents are numbered (PostgreSQL serial ids): an address like `/api/themes/undefined` is a
 * caller's mistake, answered 400 naming the id, not a database error answered 500 ("Something
 * went wrong"). Added to every collection whose ids are Payload's default numbers.
 */
import { ValidationError } from 'payload'
import type { CollectionBeforeOperationHook, SanitizedConfig } from 'payload'

import { requestLanguage } from '../i18n/request-language'
import { appText } from '../i18n/translations'

const documentNumber = /^[1-9][0-9]{0,15}$/

const refuseMalformedId: CollectionBeforeOperationHook = ({ args, collection, req }) => {
  const id = (args as { id?: unknown }).id
  if (id === undefined || id === null) return args
  // REST hands the address's id through parseFloat: "undefined" arrives as NaN, "1.5" as 1.5.
  if (typeof id === 'number' && Number.isSafeInteger(id) && id > 0) return args
  if (typeof id === 'string' && documentNumber.test(id)) return args
  const asWritten = (req.routeParams as { id?: unknown } | undefined)?.id
  const shown = String(asWritten ?? id).slice(0, 40)
  throw new ValidationError({
    collection: collection.slug,
    errors: [{ path: 'id', message: appText('endpoint:badDocumentId', { id: shown })[requestLanguage(req)] }],
  })
}

export function refuseMalformedDocumentIds(config: SanitizedConfig): SanitizedConfig {
  for (const collection of config.collections) {
    // A collection with its own `id` field numbers its documents its own way.
    if (collection.fields.some((field) => 'name' in field && field.name === 'id')) continue
    collection.hooks.beforeOperation = [refuseMalformedId, ...(collection.hooks.beforeOperation ?? [])]
  }
  return config
}
