/**
 * The import rules of Badil's layout (README "Layout"), checked in CI by `npm run check:imports`.
 * The app (src/, collections/) never imports the plugin; the plugin imports only the app's small
 * named modules; one network's folder never reaches into another's.
 */
const networks = '(facebook|instagram|x|linkedin|youtube|tiktok)'

/** The app modules the plugin may import: domain facts, infrastructure, strings, admin chrome, the workflow's two doors. */
const appModulesForThePlugin = [
  '^src/domain/',
  '^src/infra/',
  '^src/i18n/',
  '^src/ui/',
  '^src/workflow/publication-clearance[.]ts$',
  '^src/workflow/transition-content-item[.]ts$',
]

module.exports = {
  forbidden: [
    {
      name: 'app-never-imports-the-plugin',
      comment: 'The app composes the plugin in payload.config.ts only; src/ and collections/ never import plugins/.',
      severity: 'error',
      from: { path: '^(src|collections)/' },
      to: { path: '^plugins/' },
    },
    {
      name: 'plugin-imports-named-app-modules-only',
      comment: `The plugin may import ${appModulesForThePlugin.join(', ')}; nothing else of the app.`,
      severity: 'error',
      from: { path: '^plugins/' },
      to: { path: '^(src|collections|payload[.]config)', pathNot: appModulesForThePlugin },
    },
    {
      name: 'app-modules-for-the-plugin-stay-small',
      comment: 'What the plugin imports from the app must not pull in the rest of the app behind it.',
      severity: 'error',
      from: { path: appModulesForThePlugin.slice(0, 4) },
      to: { path: '^(src/(admin|calendar|seed|security|workflow|app)/|collections/)' },
    },
    {
      name: 'one-network-one-folder',
      comment: "A network's folder uses the shared network code (http, types, meta, oauth), never another network's.",
      severity: 'error',
      from: { path: `^plugins/campaign-ops/networks/${networks}/` },
      to: { path: `^plugins/campaign-ops/networks/${networks}/`, pathNot: '^plugins/campaign-ops/networks/$1/' },
    },
    {
      name: 'no-unresolvable-imports',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|[.]next|importMap[.]js$)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types'],
    },
  },
}
