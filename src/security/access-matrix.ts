import { roles, staffRoles } from '../domain/roles'
import type { Role } from '../domain/roles'

/**
 * Who may do what, as data: every collection, global, endpoint and custom GraphQL mutation of
 * Badil, with the callers it answers. The access functions in the collections are the
 * implementation; this table is the expectation. `tests/security/access-matrix.test.ts` tries
 * every row with every role, anonymously and with a wrong or revoked API key, over REST, GraphQL
 * and the Local API, and fails on anything Badil serves that has no row here. The README's access
 * tables are generated from it (`npm run docs:access`).
 */

/** A grant: the roles allowed on every document, and those allowed on their own documents only. */
export type Grant = { all: readonly Role[]; own?: readonly Role[] }

const nobody: Grant = { all: [] }
const staff: Grant = { all: staffRoles }
const only = (...allowed: Role[]): Grant => ({ all: allowed })

export type CollectionOperation = 'create' | 'read' | 'update' | 'delete' | 'readVersions'

/**
 * A field that not everyone who may edit the document may write. `writers` may (empty: nobody,
 * the server sets it); the others are `refused` (403, nothing saved) or see the value `ignored`
 * (the save goes through without it).
 */
export type FieldRule = { writers: readonly Role[]; others: 'refused' | 'ignored'; value?: unknown; why: string }

export type CollectionRules = {
  /** Who the collection belongs to, for the README. */
  owner: 'content model' | 'campaign-ops plugin' | 'Payload'
  /** GraphQL names, or false when the collection has no GraphQL operations. */
  graphQL: { singular: string; plural: string } | false
  /** False when the collection has no REST operations (Payload's migrations table). */
  rest?: false
  operations: Record<Exclude<CollectionOperation, 'readVersions'>, Grant> & { readVersions?: Grant }
  /** Payload's duplicate operation (POST /:id/duplicate, duplicateX): a create; false when turned off. */
  duplicate: boolean
  fields?: Record<string, FieldRule>
  note: string
}

const serverOnly = (why: string, value?: unknown): FieldRule => ({ writers: [], others: 'ignored', why, ...(value !== undefined ? { value } : {}) })

export const collectionRules: Record<string, CollectionRules> = {
  users: {
    owner: 'content model',
    graphQL: { singular: 'User', plural: 'Users' },
    operations: {
      create: only('admin'),
      read: { all: ['admin'], own: ['ncsc', 'legal', 'consultant', 'cm', 'analyst', 'integration'] },
      update: { all: ['admin'], own: ['ncsc', 'legal', 'consultant', 'cm', 'analyst'] },
      delete: only('admin'),
    },
    duplicate: false,
    fields: {
      role: { writers: ['admin'], others: 'refused', value: 'admin', why: 'a person never changes a role, their own included' },
      apiKey: { writers: ['admin'], others: 'refused', value: 'forged-key-0123456789abcdef', why: 'only an administrator mints a key, for a tool' },
      enableAPIKey: { writers: ['admin'], others: 'refused', value: true, why: 'only an administrator switches keys on' },
      calendarFeedTokenHash: serverOnly('the calendar feed token is issued by its endpoint'),
    },
    note: 'everyone reads and edits their own profile; tools read their own account only',
  },
  themes: {
    owner: 'content model',
    graphQL: { singular: 'Theme', plural: 'Themes' },
    operations: { create: only('admin', 'ncsc'), read: staff, update: only('admin', 'ncsc'), delete: only('admin', 'ncsc') },
    duplicate: true,
    note: 'NCSC keeps the list of themes',
  },
  'key-moments': {
    owner: 'content model',
    graphQL: { singular: 'KeyMoment', plural: 'KeyMoments' },
    operations: { create: only('admin', 'ncsc'), read: staff, update: only('admin', 'ncsc'), delete: only('admin', 'ncsc') },
    duplicate: true,
    note: 'NCSC keeps the calendar’s highlights',
  },
  media: {
    owner: 'content model',
    graphQL: { singular: 'Media', plural: 'allMedia' },
    operations: { create: only('admin', 'ncsc', 'consultant'), read: staff, update: only('admin', 'ncsc', 'consultant'), delete: only('admin', 'ncsc') },
    duplicate: false,
    fields: {
      renditions: serverOnly('rendered from the file around its focal point'),
      kind: serverOnly('read from the file’s bytes', 'video'),
      filename: serverOnly('generated from the upload; every path is built from it'),
      mimeType: serverOnly('read from the file’s bytes', 'video/mp4'),
      width: serverOnly('read from the file'),
      height: serverOnly('read from the file'),
      filesize: serverOnly('read from the file'),
      prefix: serverOnly('the file’s folder in object storage is the collection’s', '../periodic-reports'),
      _objectKey: serverOnly('object storage keys are built by the server', 'elsewhere'),
    },
    note: 'files are served to signed-in staff only',
  },
  'content-items': {
    owner: 'content model',
    graphQL: { singular: 'ContentItem', plural: 'ContentItems' },
    operations: {
      create: only('admin', 'ncsc', 'consultant'),
      read: staff,
      update: only('admin', 'ncsc', 'consultant'),
      delete: only('admin', 'ncsc'),
      readVersions: staff,
    },
    duplicate: true,
    fields: {
      workflowState: { writers: [], others: 'refused', value: 'approved', why: 'the state moves only through a transition' },
    },
    note: 'the state moves through the transition endpoint and mutation only (see the workflow table)',
  },
  'platform-variants': {
    owner: 'content model',
    graphQL: { singular: 'PlatformVariant', plural: 'PlatformVariants' },
    operations: { create: only('admin', 'ncsc', 'cm'), read: staff, update: only('admin', 'ncsc', 'cm'), delete: only('admin', 'ncsc', 'cm') },
    duplicate: false,
    fields: {
      publicationState: { writers: [], others: 'refused', value: 'published', why: 'the engine’s states; people set draft, ready, scheduled and cancelled' },
      approval: { writers: [], others: 'refused', value: { state: 'approved' }, why: 'NCSC approves through POST /:id/approve' },
      label: serverOnly('composed from the platform, language and item'),
      validationReport: serverOnly('recomputed on every save'),
      remoteId: serverOnly('the network’s answer'),
      permalink: serverOnly('the network’s answer'),
      attempts: serverOnly('counted by the engine'),
      lastError: serverOnly('written by the engine'),
      publishedAt: serverOnly('written by the engine'),
      nextAttemptAt: serverOnly('the engine’s retry time'),
      leaseUntil: serverOnly('the engine’s claim'),
      claimToken: serverOnly('the engine’s claim'),
    },
    note: 'scheduling, publishing now and approval go through their endpoints and the workflow’s clearance',
  },
  'workflow-events': {
    owner: 'content model',
    graphQL: { singular: 'WorkflowEvent', plural: 'WorkflowEvents' },
    operations: { create: nobody, read: staff, update: nobody, delete: nobody },
    duplicate: true,
    note: 'written by the workflow only; nobody edits or deletes the history',
  },
  myths: {
    owner: 'content model',
    graphQL: { singular: 'Myth', plural: 'Myths' },
    operations: { create: only('admin', 'ncsc', 'legal'), read: staff, update: only('admin', 'ncsc', 'legal'), delete: only('admin', 'ncsc') },
    duplicate: true,
    note: 'the fact library',
  },
  'moderation-rules': {
    owner: 'content model',
    graphQL: { singular: 'ModerationRule', plural: 'ModerationRules' },
    operations: {
      create: only('admin', 'ncsc', 'cm'),
      read: only('admin', 'ncsc', 'legal', 'cm', 'analyst'),
      update: { all: ['admin', 'ncsc'], own: ['cm'] },
      delete: only('admin', 'ncsc'),
    },
    duplicate: true,
    fields: {
      state: { writers: ['admin', 'ncsc'], others: 'refused', value: 'active', why: 'a community manager proposes; NCSC activates' },
      proposedBy: serverOnly('recorded from the request’s user'),
      activatedBy: serverOnly('recorded from the request’s user'),
      activatedAt: serverOnly('recorded at activation'),
    },
    note: 'a community manager edits the proposals they wrote while they are not active',
  },
  'moderation-log': {
    owner: 'campaign-ops plugin',
    graphQL: { singular: 'ModerationLog', plural: 'ModerationLogs' },
    operations: { create: nobody, read: only('admin', 'ncsc', 'cm', 'analyst'), update: nobody, delete: nobody },
    duplicate: true,
    note: 'append-only, hash-chained; written by the moderation engine',
  },
  'moderation-log-checkpoints': {
    owner: 'campaign-ops plugin',
    graphQL: false,
    operations: { create: nobody, read: only('admin', 'ncsc', 'cm', 'analyst'), update: nobody, delete: nobody },
    duplicate: true,
    note: 'seals of the log’s last row, hourly; written by the server only',
  },
  'network-accounts': {
    owner: 'campaign-ops plugin',
    graphQL: { singular: 'NetworkAccount', plural: 'NetworkAccounts' },
    operations: { create: only('admin'), read: only('admin', 'ncsc', 'cm'), update: only('admin'), delete: only('admin') },
    duplicate: false,
    fields: {
      accessTokenSealed: serverOnly('sealed from the pasted or OAuth token'),
      refreshTokenSealed: serverOnly('sealed from the pasted or OAuth token'),
      status: serverOnly('set by the engine and the token renewal', 'rate_limited'),
      rateLimitedUntil: serverOnly('the network’s answer'),
      lastError: serverOnly('written by the engine'),
      connectedAt: serverOnly('set when a token arrives'),
      inboxSilentSince: serverOnly('set by the inbox when the account stops hearing anything'),
      scopes: serverOnly('the network’s answer'),
    },
    note: 'tokens are write-only and never returned',
  },
  'publication-attempts': {
    owner: 'campaign-ops plugin',
    graphQL: { singular: 'PublicationAttempt', plural: 'PublicationAttempts' },
    operations: { create: nobody, read: only('admin', 'ncsc', 'cm'), update: nobody, delete: nobody },
    duplicate: true,
    note: 'written by the publishing engine only',
  },
  'webhook-subscriptions': {
    owner: 'campaign-ops plugin',
    graphQL: { singular: 'WebhookSubscription', plural: 'WebhookSubscriptions' },
    operations: { create: only('admin'), read: only('admin'), update: only('admin'), delete: only('admin') },
    duplicate: false,
    fields: {
      secretSealed: serverOnly('sealed from the given or generated secret'),
      lastDeliveryAt: serverOnly('written by the delivery'),
      lastStatus: serverOnly('written by the delivery'),
    },
    note: 'receivers must be public addresses',
  },
  'crisis-mode-events': {
    owner: 'campaign-ops plugin',
    graphQL: { singular: 'CrisisModeEvent', plural: 'CrisisModeEvents' },
    operations: { create: nobody, read: only('admin', 'ncsc', 'cm'), update: nobody, delete: nobody },
    duplicate: true,
    note: 'one row per switch, written by the crisis endpoint',
  },
  'crisis-alerts': {
    owner: 'campaign-ops plugin',
    graphQL: { singular: 'CrisisAlert', plural: 'CrisisAlerts' },
    operations: { create: nobody, read: only('admin', 'ncsc', 'cm', 'analyst'), update: only('admin', 'ncsc', 'cm'), delete: nobody },
    duplicate: true,
    fields: {
      level: serverOnly('measured by the crisis watch', 'watch'),
      observed: serverOnly('measured by the crisis watch', 1),
      series: serverOnly('the series the crisis watch raised it on', 'hostile:x'),
      acknowledgedAt: serverOnly('stamped when a person acknowledges it', '2020-01-01T00:00:00.000Z'),
      resolvedBy: serverOnly('recorded from the request’s user'),
    },
    note: 'raised by the crisis watch; the team acknowledges and resolves it (status, summary), never reopened',
  },
  'moderation-models': {
    owner: 'campaign-ops plugin',
    graphQL: { singular: 'ModerationModel', plural: 'ModerationModels' },
    operations: { create: nobody, read: only('admin', 'ncsc', 'cm', 'analyst'), update: nobody, delete: nobody },
    duplicate: true,
    note: 'written by the training job only; NCSC puts one in use or retires it through its endpoints (logged); the weights never leave the server',
  },
  'crisis-playbooks': {
    owner: 'campaign-ops plugin',
    graphQL: { singular: 'CrisisPlaybook', plural: 'CrisisPlaybooks' },
    operations: { create: only('admin', 'ncsc'), read: staff, update: only('admin', 'ncsc'), delete: only('admin', 'ncsc') },
    duplicate: true,
    note: 'steps, contacts and approved holding statements; an alert takes the steps of the first that fits',
  },
  interactions: {
    owner: 'campaign-ops plugin',
    graphQL: { singular: 'Interaction', plural: 'Interactions' },
    operations: { create: nobody, read: only('admin', 'ncsc', 'cm'), update: only('admin', 'ncsc', 'cm'), delete: nobody },
    duplicate: true,
    fields: {
      network: serverOnly('what the network said', 'tiktok'),
      remoteId: serverOnly('the network’s id of the comment'),
      text: serverOnly('the words as the network delivered them'),
      authorPseudonym: serverOnly('keyed from the author’s id on the network'),
      slaDueAt: serverOnly('set from the answer times of the plugin’s options'),
      suggestedTemplate: serverOnly('the approved correction of the myth the rules matched'),
    },
    note: 'written by the inbox (webhooks, polling, import); people set status, assignee and tags',
  },
  'interaction-evidence': {
    owner: 'campaign-ops plugin',
    graphQL: { singular: 'InteractionEvidence', plural: 'InteractionEvidences' },
    operations: { create: nobody, read: only('ncsc', 'legal'), update: nobody, delete: nobody },
    duplicate: true,
    note: 'copies kept before a comment is hidden or deleted, for NCSC and the legal experts only; purged after their retention',
  },
  'response-templates': {
    owner: 'campaign-ops plugin',
    graphQL: { singular: 'ResponseTemplate', plural: 'ResponseTemplates' },
    operations: {
      create: only('admin', 'ncsc', 'cm'),
      read: only('admin', 'ncsc', 'cm', 'legal'),
      update: { all: ['admin', 'ncsc'], own: ['cm'] },
      delete: only('admin', 'ncsc'),
    },
    duplicate: true,
    fields: {
      state: { writers: ['admin', 'ncsc'], others: 'refused', value: 'approved', why: 'a community manager proposes; NCSC approves' },
      proposedBy: serverOnly('recorded from the request’s user'),
      approvedBy: serverOnly('recorded from the request’s user'),
      approvedAt: serverOnly('recorded at approval'),
    },
    note: 'a community manager edits the templates they proposed while they are not approved',
  },
  'interaction-replies': {
    owner: 'campaign-ops plugin',
    graphQL: { singular: 'InteractionReply', plural: 'InteractionReplies' },
    operations: { create: nobody, read: only('admin', 'ncsc', 'cm'), update: nobody, delete: nobody },
    duplicate: true,
    note: 'the inbox’s outbox, one row per idempotency key; written by the reply endpoints only',
  },
  'inbox-sync': {
    owner: 'campaign-ops plugin',
    graphQL: { singular: 'InboxSync', plural: 'InboxSyncs' },
    operations: { create: nobody, read: only('admin', 'ncsc', 'cm'), update: nobody, delete: nobody },
    duplicate: true,
    note: 'per post: last webhook event, last poll, comments only the poll found; written by the inbox',
  },
  'metric-snapshots': {
    owner: 'campaign-ops plugin',
    graphQL: { singular: 'MetricSnapshot', plural: 'MetricSnapshots' },
    operations: { create: nobody, read: only('admin', 'ncsc', 'cm', 'analyst'), update: nobody, delete: nobody },
    duplicate: true,
    note: 'append-only: what a network said about a post at a time, written by the metrics pulls',
  },
  'report-subscriptions': {
    owner: 'campaign-ops plugin',
    graphQL: { singular: 'ReportSubscription', plural: 'ReportSubscriptions' },
    operations: {
      create: only('admin', 'ncsc', 'analyst'),
      read: { all: ['admin', 'ncsc', 'analyst'], own: ['legal', 'consultant', 'cm'] },
      update: only('admin', 'ncsc', 'analyst'),
      delete: only('admin', 'ncsc', 'analyst'),
    },
    duplicate: true,
    fields: { lastPeriodSent: serverOnly('recorded when the scheduled report is sent') },
    note: 'who receives the weekly or monthly report, with which filters; a member of the team sees those they receive',
  },
  'periodic-reports': {
    owner: 'campaign-ops plugin',
    graphQL: { singular: 'PeriodicReport', plural: 'PeriodicReports' },
    operations: {
      create: nobody,
      read: { all: ['admin', 'ncsc', 'analyst'], own: ['legal', 'consultant', 'cm'] },
      update: nobody,
      delete: only('admin'),
    },
    duplicate: true,
    note: 'each report made (PDF, or HTML without Chromium), one per language; written by the reporting queue; a member of the team reads those sent to them',
  },
  'metric-imports': {
    owner: 'campaign-ops plugin',
    graphQL: { singular: 'MetricImport', plural: 'MetricImports' },
    operations: { create: nobody, read: only('admin', 'ncsc', 'cm', 'analyst'), update: nobody, delete: nobody },
    duplicate: true,
    note: 'files of post figures imported through POST /api/metric-imports/file, with progress and a per-row report',
  },
  'press-mentions': {
    owner: 'campaign-ops plugin',
    graphQL: { singular: 'PressMention', plural: 'PressMentions' },
    operations: { create: only('admin', 'ncsc', 'cm'), read: staff, update: only('admin', 'ncsc', 'cm'), delete: only('admin', 'ncsc') },
    duplicate: true,
    note: 'the campaign’s appearances in the media, to highlight',
  },
  'inbox-imports': {
    owner: 'campaign-ops plugin',
    graphQL: { singular: 'InboxImport', plural: 'InboxImports' },
    operations: { create: nobody, read: only('admin', 'ncsc', 'cm'), update: nobody, delete: nobody },
    duplicate: true,
    note: 'files of comments imported through POST /api/interactions/import, with progress and a per-row report',
  },
  'inbound-deliveries': {
    owner: 'campaign-ops plugin',
    graphQL: false,
    operations: { create: nobody, read: nobody, update: nobody, delete: nobody },
    duplicate: true,
    note: 'webhook deliveries as the networks sent them, stored by the signed receivers; server only',
  },
  'payload-kv': {
    owner: 'Payload',
    graphQL: { singular: 'PayloadKv', plural: 'PayloadKvs' },
    operations: { create: nobody, read: nobody, update: nobody, delete: nobody },
    duplicate: true,
    note: 'Payload’s key-value store, server only',
  },
  'payload-jobs': {
    owner: 'Payload',
    graphQL: { singular: 'PayloadJob', plural: 'PayloadJobs' },
    operations: { create: nobody, read: nobody, update: nobody, delete: nobody },
    duplicate: true,
    note: 'the jobs queue; run over HTTP by an administrator only',
  },
  'payload-locked-documents': {
    owner: 'Payload',
    graphQL: { singular: 'PayloadLockedDocument', plural: 'PayloadLockedDocuments' },
    operations: { create: staff, read: staff, update: staff, delete: staff },
    duplicate: true,
    note: 'who is editing what in the admin',
  },
  'payload-preferences': {
    owner: 'Payload',
    graphQL: { singular: 'PayloadPreference', plural: 'PayloadPreferences' },
    operations: { create: staff, read: { all: [], own: staffRoles }, update: { all: [], own: staffRoles }, delete: { all: [], own: staffRoles } },
    duplicate: true,
    note: 'each person’s admin preferences',
  },
  'payload-migrations': {
    owner: 'Payload',
    graphQL: false,
    rest: false,
    operations: { create: nobody, read: nobody, update: nobody, delete: nobody },
    duplicate: false,
    note: 'the schema’s history; migrations run with the Local API’s own access',
  },
}

export type GlobalRules = { owner: CollectionRules['owner']; graphQL: { name: string }; operations: { read: Grant; update: Grant }; note: string }

export const globalRules: Record<string, GlobalRules> = {
  'crisis-mode': {
    owner: 'campaign-ops plugin',
    graphQL: { name: 'CrisisMode' },
    operations: { read: staff, update: nobody },
    note: 'switched through POST /api/publishing/crisis, with a reason',
  },
  'inbox-settings': {
    owner: 'campaign-ops plugin',
    graphQL: { name: 'InboxSetting' },
    operations: { read: only('admin', 'ncsc', 'cm'), update: only('admin', 'ncsc') },
    note: 'the inbox’s answer times per kind, set by NCSC',
  },
  'crisis-watch-settings': {
    owner: 'campaign-ops plugin',
    graphQL: { name: 'CrisisWatchSetting' },
    operations: { read: only('admin', 'ncsc', 'cm'), update: only('admin', 'ncsc') },
    note: 'the crisis watch’s levels and thresholds, set by NCSC',
  },
  'payload-jobs-stats': {
    owner: 'Payload',
    graphQL: { name: 'PayloadJobsStat' },
    operations: { read: nobody, update: nobody },
    note: 'Payload’s record of when each scheduled task last ran; the jobs queue’s alone',
  },
}

/**
 * An endpoint Badil adds, and who passes its gate. `public` endpoints check something else (a
 * signed OAuth state, a feed token). `probe` is a request that passes the gate without changing
 * anything that matters, and `passes` the status it gets then.
 */
export type EndpointRule = {
  method: 'get' | 'post' | 'patch' | 'delete'
  /** As mounted under /api, with :id and :network placeholders. */
  path: string
  callers: readonly Role[] | 'public'
  /** What anonymous and unauthorized callers get (Payload's own endpoints answer 403, or 401 for jobs). */
  refusal?: { anonymous: 401 | 403; others: 401 | 403 }
  note: string
}

const publicationActors: Role[] = ['admin', 'ncsc', 'cm']

export const endpointRules: readonly EndpointRule[] = [
  { method: 'post', path: '/content-items/:id/transition', callers: staffRoles, note: 'the transition table decides each move by role' },
  { method: 'get', path: '/content-items/:id/transitions', callers: staffRoles, note: 'the moves open to the caller' },
  { method: 'post', path: '/platform-variants/validate', callers: staffRoles, note: 'limit report of unsaved edits' },
  { method: 'post', path: '/platform-variants/:id/approve', callers: ['ncsc'], note: 'NCSC approves a variant’s text and media' },
  { method: 'get', path: '/platform-variants/:id/kit', callers: publicationActors, note: 'ready-to-post kit of a cleared variant' },
  { method: 'post', path: '/platform-variants/:id/mark-posted', callers: publicationActors, note: 'a cleared variant posted by hand' },
  { method: 'post', path: '/platform-variants/:id/publish-now', callers: publicationActors, note: 'cleared variants only' },
  { method: 'post', path: '/platform-variants/:id/reschedule', callers: publicationActors, note: 'cleared variants only' },
  { method: 'post', path: '/platform-variants/:id/cancel', callers: publicationActors, note: 'withdraws a variant' },
  { method: 'post', path: '/platform-variants/:id/resolve', callers: publicationActors, note: 'settles an unknown outcome' },
  { method: 'get', path: '/health/live', callers: 'public', note: 'the process answers (load balancers, orchestrators)' },
  {
    method: 'get',
    path: '/health/ready',
    callers: 'public',
    note: 'ready for traffic: database, migrations, storage, not stopping (503 otherwise); each check’s state only, no detail',
  },
  {
    method: 'get',
    path: '/public-media/:filename',
    callers: 'public',
    note: 'one media file for a network to fetch (Instagram): only through a link Badil signed, until it expires (403, 410)',
  },
  { method: 'get', path: '/network-accounts/oauth/:network/connect', callers: ['admin'], note: 'starts a network’s OAuth' },
  {
    method: 'get',
    path: '/network-accounts/oauth/:network/callback',
    callers: 'public',
    note: 'checks the signed state, the browser binding and that its admin is still one',
  },
  { method: 'post', path: '/network-accounts/:id/refresh', callers: ['admin'], note: 'renews an account’s token now' },
  { method: 'get', path: '/calendar', callers: staffRoles, note: 'the editorial calendar' },
  { method: 'get', path: '/calendar.ics', callers: staffRoles, note: 'also with a personal feed token instead of a session' },
  { method: 'post', path: '/calendar/feed-token', callers: staffRoles, note: 'a new personal feed URL' },
  { method: 'post', path: '/moderation/check', callers: ['admin', 'ncsc', 'cm'], note: 'at most 500 comments of 5,000 characters' },
  {
    method: 'get',
    path: '/inbox/webhooks/meta',
    callers: 'public',
    note: 'Meta’s verification handshake: the challenge only for the configured verify token',
  },
  {
    method: 'post',
    path: '/inbox/webhooks/meta',
    callers: 'public',
    note: 'Meta’s deliveries: refused unless signed with the app secret over the raw body (401), stored before 200',
  },
  {
    method: 'post',
    path: '/interactions/import',
    callers: ['admin', 'ncsc', 'cm'],
    note: 'a CSV or JSON Lines file of comments, read in the background (202)',
  },
  {
    method: 'post',
    path: '/interactions/:id/moderate',
    callers: ['admin', 'ncsc', 'cm'],
    note: 'hide, show again or delete on the network; deleting is NCSC’s, with a reason',
  },
  {
    method: 'post',
    path: '/interactions/:id/reply',
    callers: ['admin', 'ncsc', 'cm'],
    note: 'sent once per idempotency key; waits for NCSC on sensitive threads',
  },
  { method: 'post', path: '/interaction-replies/:id/decision', callers: ['admin', 'ncsc'], note: 'NCSC approves (and sends) or rejects a waiting reply' },
  { method: 'post', path: '/interactions/:id/escalate', callers: ['admin', 'ncsc', 'cm'], note: 'escalates to NCSC (and legal), by e-mail, with a reason' },
  {
    method: 'post',
    path: '/interactions/:id/presence',
    callers: ['admin', 'ncsc', 'cm'],
    note: 'the inbox view’s beat (viewing or replying); answers who else is on the thread',
  },
  { method: 'delete', path: '/interactions/:id/presence', callers: ['admin', 'ncsc', 'cm'], note: 'the caller leaves the thread; answers who else is on it' },
  { method: 'get', path: '/reports/kpis', callers: roles, note: 'KPIs over a period; integration keys are rate-limited and counted' },
  { method: 'get', path: '/reports/timeseries', callers: roles, note: 'KPIs per day, week or month' },
  { method: 'get', path: '/reports/breakdown', callers: roles, note: 'KPIs per network, language or moderation category' },
  { method: 'get', path: '/reports/misconceptions', callers: roles, note: 'misconception prevalence per myth and week' },
  { method: 'get', path: '/reports/posts', callers: roles, note: 'posts of the period with their latest figures' },
  {
    method: 'get',
    path: '/reports/recommendations',
    callers: roles,
    note: 'best slots, formats, under-served themes and rising misconceptions, with their figures',
  },
  { method: 'get', path: '/reports/openapi.json', callers: roles, note: 'the reporting API’s OpenAPI 3.1 document' },
  { method: 'get', path: '/reports/usage', callers: ['admin', 'integration'], note: 'calls counted per key; a key sees its own' },
  {
    method: 'post',
    path: '/report-subscriptions/:id/send',
    callers: ['admin', 'ncsc', 'analyst'],
    note: 'makes the subscription’s report now (last complete period or given dates) and e-mails it',
  },
  {
    method: 'post',
    path: '/metric-imports/file',
    callers: ['admin', 'ncsc', 'cm', 'analyst'],
    note: 'imports a network’s export of post figures (CSV) in the background',
  },
  {
    method: 'post',
    path: '/reports/metrics/pull',
    callers: ['admin', 'ncsc'],
    note: 'reads now every post not read in the last minute, within each account’s budget',
  },
  {
    method: 'get',
    path: '/crisis-alerts/:id/room',
    callers: ['admin', 'ncsc', 'cm', 'analyst'],
    note: 'the crisis room’s data: the series against its usual count, the comments behind it (pseudonymized), the playbook',
  },
  {
    method: 'post',
    path: '/crisis-alerts/:id/checklist',
    callers: ['admin', 'ncsc', 'cm'],
    note: 'a playbook step done or undone, with who and when; logged',
  },
  { method: 'post', path: '/crisis-watch/look', callers: ['admin', 'ncsc'], note: 'the crisis watch looks at the comments now' },
  {
    method: 'post',
    path: '/moderation-models/train',
    callers: ['admin', 'ncsc'],
    note: 'queues a training of the triage model on the team’s decisions; refused while there are too few',
  },
  {
    method: 'post',
    path: '/moderation-models/:id/activate',
    callers: ['ncsc'],
    note: 'puts a model in use (when its cross-validated precision holds), retiring the one before; logged',
  },
  { method: 'post', path: '/moderation-models/:id/retire', callers: ['ncsc'], note: 'stops the model in use: the rules triage alone; logged' },
  { method: 'get', path: '/publishing/queue', callers: publicationActors, note: 'the next hours and what needs a person' },
  { method: 'get', path: '/publishing/crisis', callers: staffRoles, note: 'crisis mode state' },
  { method: 'post', path: '/publishing/crisis', callers: ['admin', 'ncsc'], note: 'switches crisis mode, with a reason' },
  {
    method: 'get',
    path: '/payload-jobs/run',
    callers: ['admin'],
    refusal: { anonymous: 401, others: 401 },
    note: 'Payload’s job runner (each web instance runs the queues on its crons)',
  },
  {
    method: 'get',
    path: '/payload-jobs/handle-schedules',
    callers: ['admin'],
    refusal: { anonymous: 401, others: 401 },
    note: 'Payload’s job scheduler (queues the nightly purge)',
  },
  { method: 'get', path: '/payload-preferences/:key', callers: staffRoles, refusal: { anonymous: 403, others: 403 }, note: 'the caller’s own preference' },
  { method: 'post', path: '/payload-preferences/:key', callers: staffRoles, refusal: { anonymous: 403, others: 403 }, note: 'the caller’s own preference' },
  { method: 'delete', path: '/payload-preferences/:key', callers: staffRoles, refusal: { anonymous: 403, others: 403 }, note: 'the caller’s own preference' },
  { method: 'post', path: '/users/unlock', callers: ['admin'], refusal: { anonymous: 403, others: 403 }, note: 'unlocks an account after failed logins' },
  {
    method: 'post',
    path: '/users/first-register',
    callers: [],
    refusal: { anonymous: 403, others: 403 },
    note: 'closed once an account exists (production never starts without one)',
  },
]

/**
 * Payload's own endpoints, answered by the collection's operations (their rows above) or open by
 * design (login, the caller's own session and permissions).
 */
export const payloadOperationEndpoints = {
  collection: [
    'get /',
    'post /',
    'patch /',
    'delete /',
    'get /:id',
    'patch /:id',
    'delete /:id',
    'get /count',
    'get /versions',
    'get /versions/:id',
    'post /versions/:id',
    'post /:id/duplicate',
    'post /access/:id?',
  ],
  upload: ['get /file/:filename'],
  auth: ['post /login', 'post /logout', 'get /me', 'post /refresh-token', 'post /forgot-password', 'post /reset-password', 'post /verify/:id', 'get /init'],
  global: ['get /', 'post /', 'get /versions', 'get /versions/:id', 'post /versions/:id', 'post /access'],
  root: ['get /access'],
} as const

/** Custom GraphQL operations (the generated ones follow their collection's rows). */
export const graphQLMutationRules: Record<string, { callers: readonly Role[]; note: string }> = {
  transitionContentItem: { callers: staffRoles, note: 'the transition table decides each move by role' },
}

/** Custom GraphQL queries. */
export const graphQLQueryRules: Record<string, { callers: readonly Role[]; note: string }> = {
  reports: {
    callers: roles,
    note: 'the reporting API (kpis, timeseries, breakdown, misconceptions, posts, recommendations); integration keys are rate-limited and counted',
  },
}

/** Everyone Badil knows, for generated tables. */
export const everyRole: readonly Role[] = roles
