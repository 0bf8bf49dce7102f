// The plugin's server components, named in the admin config through admin-components.ts.
export { ModerationTesterView } from '../moderation/admin/ModerationTesterView'
export { CrisisBanner } from '../publishing/admin/CrisisBanner'
export { NetworkAccountsConnect } from '../publishing/admin/NetworkAccountsConnect'
export { OAuthNotice, OAuthNoticeField } from '../publishing/admin/OAuthNotice'
export { PublishingQueueView } from '../publishing/admin/PublishingQueueView'
export { RenewTokenField } from '../publishing/admin/RenewTokenField'
export { VariantPublishingPanel } from '../publishing/admin/VariantPublishingPanel'
