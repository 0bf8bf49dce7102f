import type { CollectionConfig, Field, GlobalConfig } from 'payload'

/**
 * Payload's sanitizer edits field configs in place (it inserts timezone siblings, fills labels).
 * Two builds in one process — the config module's default export and a script's or a test's own
 * build, sometimes concurrent — must not edit the same objects, so each build gets its own copies.
 */
function copyFields(fields: Field[]): Field[] {
  return fields.map((field) => {
    const copy = { ...field } as Field & { fields?: Field[]; tabs?: { fields: Field[] }[]; blocks?: { fields: Field[] }[] }
    if (Array.isArray(copy.fields)) copy.fields = copyFields(copy.fields)
    if (Array.isArray(copy.tabs)) copy.tabs = copy.tabs.map((tab) => ({ ...tab, fields: copyFields(tab.fields) }))
    if (Array.isArray(copy.blocks)) copy.blocks = copy.blocks.map((block) => ({ ...block, fields: copyFields(block.fields) }))
    return copy as Field
  })
}

/** Payload also appends its own endpoints to a collection's list in place. */
function copyEndpoints<T>(endpoints: T[] | false | undefined): T[] | false | undefined {
  return Array.isArray(endpoints) ? [...endpoints] : endpoints
}

export function isolatedCollection(collection: CollectionConfig): CollectionConfig {
  return { ...collection, fields: copyFields(collection.fields), endpoints: copyEndpoints(collection.endpoints) }
}

export function isolatedGlobal(global: GlobalConfig): GlobalConfig {
  return { ...global, fields: copyFields(global.fields), endpoints: copyEndpoints(global.endpoints) }
}
