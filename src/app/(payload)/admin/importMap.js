import { ModerationTesterNavLink as ModerationTesterNavLink_93b41c409a7081152482bebcfed770cb } from '../../../../src/admin/ModerationTesterNavLink'
import { UserLanguageSync as UserLanguageSync_af9ac8c7278a294c0b961b71cb3c2efc } from '../../../../src/admin/UserLanguageSync'
import { ModerationTesterView as ModerationTesterView_0a785060ee23fedeb54d949eef65f9c6 } from '../../../../src/admin/ModerationTesterView'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/src/admin/ModerationTesterNavLink#ModerationTesterNavLink": ModerationTesterNavLink_93b41c409a7081152482bebcfed770cb,
  "/src/admin/UserLanguageSync#UserLanguageSync": UserLanguageSync_af9ac8c7278a294c0b961b71cb3c2efc,
  "/src/admin/ModerationTesterView#ModerationTesterView": ModerationTesterView_0a785060ee23fedeb54d949eef65f9c6,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
