#!/usr/bin/env node
/**
 * Runs one of Badil's TypeScript scripts: `node scripts/run-ts.mjs <file.ts> [args…]`.
 * Like Payload's own CLI, it hides Node's synchronous `module.registerHooks` so that tsx uses its
 * asynchronous loader: with the synchronous hooks, loading Payload's rich-text editor now and then
 * leaves a top-level await pending and the script hangs or ends silently.
 */
import module from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

if (typeof module.registerHooks === 'function') module.registerHooks = undefined

/*
 * Lexical's packages resolve, under Node's "node" condition, to wrappers that pick their
 * development or production build with a top-level `await import()`. Node sometimes leaves such
 * awaits, loaded side by side, pending forever (measured with plain `node`, two busy cores: 16 stalls
 * in 16 imports of Payload's rich-text editor; none with the condition below). Resolving with the
 * "development" or "production" condition, as the wrapper itself would choose, skips the wrappers.
 */
const buildCondition = process.env.NODE_ENV === 'production' ? 'production' : 'development'
const addConditionHook = `
let condition
export function initialize(data) { condition = data }
export function resolve(specifier, context, nextResolve) {
  if (context.conditions.includes(condition)) return nextResolve(specifier, context)
  return nextResolve(specifier, { ...context, conditions: [...context.conditions, condition] })
}`
module.register(`data:text/javascript,${encodeURIComponent(addConditionHook)}`, { data: buildCondition })

const [script, ...args] = process.argv.slice(2)
if (!script) {
  console.error('usage: node scripts/run-ts.mjs <file.ts> [args…]')
  process.exit(2)
}
const file = path.resolve(script)
// The script sees its own arguments at process.argv[2…], as if it had been run directly.
process.argv = [process.argv[0], file, ...args]
const { tsImport } = await import('tsx/esm/api')
await tsImport(pathToFileURL(file).href, import.meta.url)
