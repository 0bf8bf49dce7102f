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
import { VariantPublishingPanel as VariantPublishingPanel_5e698f75bee6db9a9c9fd85d68fbe0f1 } from '../../../../plugins/campaign-ops/exports/rsc'
import { OAuthNoticeField as OAuthNoticeField_5e698f75bee6db9a9c9fd85d68fbe0f1 } from '../../../../plugins/campaign-ops/exports/rsc'
import { RenewTokenField as RenewTokenField_5e698f75bee6db9a9c9fd85d68fbe0f1 } from '../../../../plugins/campaign-ops/exports/rsc'
import { OAuthNotice as OAuthNotice_5e698f75bee6db9a9c9fd85d68fbe0f1 } from '../../../../plugins/campaign-ops/exports/rsc'
import { NetworkAccountsConnect as NetworkAccountsConnect_5e698f75bee6db9a9c9fd85d68fbe0f1 } from '../../../../plugins/campaign-ops/exports/rsc'
import { MetricsImportPanel as MetricsImportPanel_49033927bfdb43d0d5d201c043044b75 } from '../../../../plugins/campaign-ops/exports/client'
import { SendReportNow as SendReportNow_49033927bfdb43d0d5d201c043044b75 } from '../../../../plugins/campaign-ops/exports/client'
import { ModelActivation as ModelActivation_49033927bfdb43d0d5d201c043044b75 } from '../../../../plugins/campaign-ops/exports/client'
import { TrainModelButton as TrainModelButton_49033927bfdb43d0d5d201c043044b75 } from '../../../../plugins/campaign-ops/exports/client'
import { CrisisModeControl as CrisisModeControl_49033927bfdb43d0d5d201c043044b75 } from '../../../../plugins/campaign-ops/exports/client'
import { CrisisBanner as CrisisBanner_5e698f75bee6db9a9c9fd85d68fbe0f1 } from '../../../../plugins/campaign-ops/exports/rsc'
import { CrisisAlertBanner as CrisisAlertBanner_49033927bfdb43d0d5d201c043044b75 } from '../../../../plugins/campaign-ops/exports/client'
import { BadilIcon as BadilIcon_49ba465cc9bf9e910bd52dc95c57651a } from '../../../../src/admin/BadilLogo'
import { BadilLogo as BadilLogo_49ba465cc9bf9e910bd52dc95c57651a } from '../../../../src/admin/BadilLogo'
import { ModerationTesterNavLink as ModerationTesterNavLink_49033927bfdb43d0d5d201c043044b75 } from '../../../../plugins/campaign-ops/exports/client'
import { PublishingQueueNavLink as PublishingQueueNavLink_49033927bfdb43d0d5d201c043044b75 } from '../../../../plugins/campaign-ops/exports/client'
import { InboxNavLink as InboxNavLink_49033927bfdb43d0d5d201c043044b75 } from '../../../../plugins/campaign-ops/exports/client'
import { ReportsApiNavLink as ReportsApiNavLink_49033927bfdb43d0d5d201c043044b75 } from '../../../../plugins/campaign-ops/exports/client'
import { CrisisRoomNavLink as CrisisRoomNavLink_49033927bfdb43d0d5d201c043044b75 } from '../../../../plugins/campaign-ops/exports/client'
import { ReviewQueueNav as ReviewQueueNav_ec052741a5f9f4ae742036b057c06c28 } from '../../../../src/admin/ReviewQueueNav'
import { CalendarNavLink as CalendarNavLink_4cb7eecac3ae9d8c77e4fce5aae3b42e } from '../../../../src/admin/CalendarNavLink'
import { UserLanguageSync as UserLanguageSync_af9ac8c7278a294c0b961b71cb3c2efc } from '../../../../src/admin/UserLanguageSync'
import { S3ClientUploadHandler as S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24 } from '@payloadcms/storage-s3/client'
import { CalendarView as CalendarView_c852a4fce6104cc29945524c4abb31b2 } from '../../../../src/admin/CalendarView'
import { ModerationTesterView as ModerationTesterView_5e698f75bee6db9a9c9fd85d68fbe0f1 } from '../../../../plugins/campaign-ops/exports/rsc'
import { PublishingQueueView as PublishingQueueView_5e698f75bee6db9a9c9fd85d68fbe0f1 } from '../../../../plugins/campaign-ops/exports/rsc'
import { InboxView as InboxView_5e698f75bee6db9a9c9fd85d68fbe0f1 } from '../../../../plugins/campaign-ops/exports/rsc'
import { ReportsApiView as ReportsApiView_5e698f75bee6db9a9c9fd85d68fbe0f1 } from '../../../../plugins/campaign-ops/exports/rsc'
import { CrisisRoomView as CrisisRoomView_5e698f75bee6db9a9c9fd85d68fbe0f1 } from '../../../../plugins/campaign-ops/exports/rsc'
import { MyWorkWidget as MyWorkWidget_283912bbdeb69473edc23238025b699a } from '../../../../src/admin/home/MyWorkWidget'
import { ShortcutsWidget as ShortcutsWidget_05cf84eb9164967a511e207a2a14711c } from '../../../../src/admin/home/ShortcutsWidget'
import { PublishingProblemsWidget as PublishingProblemsWidget_5e698f75bee6db9a9c9fd85d68fbe0f1 } from '../../../../plugins/campaign-ops/exports/rsc'
import { NextPostsWidget as NextPostsWidget_5e698f75bee6db9a9c9fd85d68fbe0f1 } from '../../../../plugins/campaign-ops/exports/rsc'
import { InboxDueWidget as InboxDueWidget_5e698f75bee6db9a9c9fd85d68fbe0f1 } from '../../../../plugins/campaign-ops/exports/rsc'
import { KeyFiguresWidget as KeyFiguresWidget_5e698f75bee6db9a9c9fd85d68fbe0f1 } from '../../../../plugins/campaign-ops/exports/rsc'
import { PressMentionsWidget as PressMentionsWidget_5e698f75bee6db9a9c9fd85d68fbe0f1 } from '../../../../plugins/campaign-ops/exports/rsc'
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
  "/plugins/campaign-ops/exports/rsc#VariantPublishingPanel": VariantPublishingPanel_5e698f75bee6db9a9c9fd85d68fbe0f1,
  "/plugins/campaign-ops/exports/rsc#OAuthNoticeField": OAuthNoticeField_5e698f75bee6db9a9c9fd85d68fbe0f1,
  "/plugins/campaign-ops/exports/rsc#RenewTokenField": RenewTokenField_5e698f75bee6db9a9c9fd85d68fbe0f1,
  "/plugins/campaign-ops/exports/rsc#OAuthNotice": OAuthNotice_5e698f75bee6db9a9c9fd85d68fbe0f1,
  "/plugins/campaign-ops/exports/rsc#NetworkAccountsConnect": NetworkAccountsConnect_5e698f75bee6db9a9c9fd85d68fbe0f1,
  "/plugins/campaign-ops/exports/client#MetricsImportPanel": MetricsImportPanel_49033927bfdb43d0d5d201c043044b75,
  "/plugins/campaign-ops/exports/client#SendReportNow": SendReportNow_49033927bfdb43d0d5d201c043044b75,
  "/plugins/campaign-ops/exports/client#ModelActivation": ModelActivation_49033927bfdb43d0d5d201c043044b75,
  "/plugins/campaign-ops/exports/client#TrainModelButton": TrainModelButton_49033927bfdb43d0d5d201c043044b75,
  "/plugins/campaign-ops/exports/client#CrisisModeControl": CrisisModeControl_49033927bfdb43d0d5d201c043044b75,
  "/plugins/campaign-ops/exports/rsc#CrisisBanner": CrisisBanner_5e698f75bee6db9a9c9fd85d68fbe0f1,
  "/plugins/campaign-ops/exports/client#CrisisAlertBanner": CrisisAlertBanner_49033927bfdb43d0d5d201c043044b75,
  "/src/admin/BadilLogo#BadilIcon": BadilIcon_49ba465cc9bf9e910bd52dc95c57651a,
  "/src/admin/BadilLogo#BadilLogo": BadilLogo_49ba465cc9bf9e910bd52dc95c57651a,
  "/plugins/campaign-ops/exports/client#ModerationTesterNavLink": ModerationTesterNavLink_49033927bfdb43d0d5d201c043044b75,
  "/plugins/campaign-ops/exports/client#PublishingQueueNavLink": PublishingQueueNavLink_49033927bfdb43d0d5d201c043044b75,
  "/plugins/campaign-ops/exports/client#InboxNavLink": InboxNavLink_49033927bfdb43d0d5d201c043044b75,
  "/plugins/campaign-ops/exports/client#ReportsApiNavLink": ReportsApiNavLink_49033927bfdb43d0d5d201c043044b75,
  "/plugins/campaign-ops/exports/client#CrisisRoomNavLink": CrisisRoomNavLink_49033927bfdb43d0d5d201c043044b75,
  "/src/admin/ReviewQueueNav#ReviewQueueNav": ReviewQueueNav_ec052741a5f9f4ae742036b057c06c28,
  "/src/admin/CalendarNavLink#CalendarNavLink": CalendarNavLink_4cb7eecac3ae9d8c77e4fce5aae3b42e,
  "/src/admin/UserLanguageSync#UserLanguageSync": UserLanguageSync_af9ac8c7278a294c0b961b71cb3c2efc,
  "@payloadcms/storage-s3/client#S3ClientUploadHandler": S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24,
  "/src/admin/CalendarView#CalendarView": CalendarView_c852a4fce6104cc29945524c4abb31b2,
  "/plugins/campaign-ops/exports/rsc#ModerationTesterView": ModerationTesterView_5e698f75bee6db9a9c9fd85d68fbe0f1,
  "/plugins/campaign-ops/exports/rsc#PublishingQueueView": PublishingQueueView_5e698f75bee6db9a9c9fd85d68fbe0f1,
  "/plugins/campaign-ops/exports/rsc#InboxView": InboxView_5e698f75bee6db9a9c9fd85d68fbe0f1,
  "/plugins/campaign-ops/exports/rsc#ReportsApiView": ReportsApiView_5e698f75bee6db9a9c9fd85d68fbe0f1,
  "/plugins/campaign-ops/exports/rsc#CrisisRoomView": CrisisRoomView_5e698f75bee6db9a9c9fd85d68fbe0f1,
  "/src/admin/home/MyWorkWidget#MyWorkWidget": MyWorkWidget_283912bbdeb69473edc23238025b699a,
  "/src/admin/home/ShortcutsWidget#ShortcutsWidget": ShortcutsWidget_05cf84eb9164967a511e207a2a14711c,
  "/plugins/campaign-ops/exports/rsc#PublishingProblemsWidget": PublishingProblemsWidget_5e698f75bee6db9a9c9fd85d68fbe0f1,
  "/plugins/campaign-ops/exports/rsc#NextPostsWidget": NextPostsWidget_5e698f75bee6db9a9c9fd85d68fbe0f1,
  "/plugins/campaign-ops/exports/rsc#InboxDueWidget": InboxDueWidget_5e698f75bee6db9a9c9fd85d68fbe0f1,
  "/plugins/campaign-ops/exports/rsc#KeyFiguresWidget": KeyFiguresWidget_5e698f75bee6db9a9c9fd85d68fbe0f1,
  "/plugins/campaign-ops/exports/rsc#PressMentionsWidget": PressMentionsWidget_5e698f75bee6db9a9c9fd85d68fbe0f1,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
