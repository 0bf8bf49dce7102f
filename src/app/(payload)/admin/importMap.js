import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { WorkflowTimeline as WorkflowTimeline_dfec09fbf13736dc9923a543c147c716 } from '../../../../src/admin/WorkflowTimeline'
import { WorkflowControls as WorkflowControls_5af4879ab8b99199585e00d9caed956e } from '../../../../src/admin/WorkflowControls'
import { VariantReportField as VariantReportField_937da6c857380d1d5b372b93d4613f46 } from '../../../../src/admin/VariantReportField'
import { VariantPublishingPanel as VariantPublishingPanel_a924db5ccc6d47a95a2df9972c6a3d21 } from '../../../../src/admin/publishing/VariantPublishingPanel'
import { OAuthNoticeField as OAuthNoticeField_add0b681638f1fa353f689f86285056c } from '../../../../src/admin/publishing/OAuthNotice'
import { RenewTokenField as RenewTokenField_02dd1dbd8faa60c81b12d0d256112db2 } from '../../../../src/admin/publishing/RenewTokenField'
import { OAuthNotice as OAuthNotice_add0b681638f1fa353f689f86285056c } from '../../../../src/admin/publishing/OAuthNotice'
import { NetworkAccountsConnect as NetworkAccountsConnect_6dd24376201ee7fd2705036f58ac988b } from '../../../../src/admin/publishing/NetworkAccountsConnect'
import { CrisisModeControl as CrisisModeControl_526187e24f1a38274ac0872e21ffd640 } from '../../../../src/admin/publishing/CrisisModeControl'
import { CrisisBanner as CrisisBanner_e0370146f13fbec6fa3b3e1f5d02abdc } from '../../../../src/admin/publishing/CrisisBanner'
import { ModerationTesterNavLink as ModerationTesterNavLink_93b41c409a7081152482bebcfed770cb } from '../../../../src/admin/ModerationTesterNavLink'
import { PublishingQueueNavLink as PublishingQueueNavLink_d02a9d958ec82c2bc128d9821ca760e6 } from '../../../../src/admin/publishing/PublishingQueueNavLink'
import { ReviewQueueNav as ReviewQueueNav_ec052741a5f9f4ae742036b057c06c28 } from '../../../../src/admin/ReviewQueueNav'
import { CalendarNavLink as CalendarNavLink_4cb7eecac3ae9d8c77e4fce5aae3b42e } from '../../../../src/admin/CalendarNavLink'
import { UserLanguageSync as UserLanguageSync_af9ac8c7278a294c0b961b71cb3c2efc } from '../../../../src/admin/UserLanguageSync'
import { CalendarView as CalendarView_c852a4fce6104cc29945524c4abb31b2 } from '../../../../src/admin/CalendarView'
import { ModerationTesterView as ModerationTesterView_0a785060ee23fedeb54d949eef65f9c6 } from '../../../../src/admin/ModerationTesterView'
import { PublishingQueueView as PublishingQueueView_67c661f44760e2ba3cb0dce784c7e88b } from '../../../../src/admin/publishing/PublishingQueueView'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/src/admin/WorkflowTimeline#WorkflowTimeline": WorkflowTimeline_dfec09fbf13736dc9923a543c147c716,
  "/src/admin/WorkflowControls#WorkflowControls": WorkflowControls_5af4879ab8b99199585e00d9caed956e,
  "/src/admin/VariantReportField#VariantReportField": VariantReportField_937da6c857380d1d5b372b93d4613f46,
  "/src/admin/publishing/VariantPublishingPanel#VariantPublishingPanel": VariantPublishingPanel_a924db5ccc6d47a95a2df9972c6a3d21,
  "/src/admin/publishing/OAuthNotice#OAuthNoticeField": OAuthNoticeField_add0b681638f1fa353f689f86285056c,
  "/src/admin/publishing/RenewTokenField#RenewTokenField": RenewTokenField_02dd1dbd8faa60c81b12d0d256112db2,
  "/src/admin/publishing/OAuthNotice#OAuthNotice": OAuthNotice_add0b681638f1fa353f689f86285056c,
  "/src/admin/publishing/NetworkAccountsConnect#NetworkAccountsConnect": NetworkAccountsConnect_6dd24376201ee7fd2705036f58ac988b,
  "/src/admin/publishing/CrisisModeControl#CrisisModeControl": CrisisModeControl_526187e24f1a38274ac0872e21ffd640,
  "/src/admin/publishing/CrisisBanner#CrisisBanner": CrisisBanner_e0370146f13fbec6fa3b3e1f5d02abdc,
  "/src/admin/ModerationTesterNavLink#ModerationTesterNavLink": ModerationTesterNavLink_93b41c409a7081152482bebcfed770cb,
  "/src/admin/publishing/PublishingQueueNavLink#PublishingQueueNavLink": PublishingQueueNavLink_d02a9d958ec82c2bc128d9821ca760e6,
  "/src/admin/ReviewQueueNav#ReviewQueueNav": ReviewQueueNav_ec052741a5f9f4ae742036b057c06c28,
  "/src/admin/CalendarNavLink#CalendarNavLink": CalendarNavLink_4cb7eecac3ae9d8c77e4fce5aae3b42e,
  "/src/admin/UserLanguageSync#UserLanguageSync": UserLanguageSync_af9ac8c7278a294c0b961b71cb3c2efc,
  "/src/admin/CalendarView#CalendarView": CalendarView_c852a4fce6104cc29945524c4abb31b2,
  "/src/admin/ModerationTesterView#ModerationTesterView": ModerationTesterView_0a785060ee23fedeb54d949eef65f9c6,
  "/src/admin/publishing/PublishingQueueView#PublishingQueueView": PublishingQueueView_67c661f44760e2ba3cb0dce784c7e88b,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
