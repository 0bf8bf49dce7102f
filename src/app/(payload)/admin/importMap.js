import { UserLanguageSync as UserLanguageSync_af9ac8c7278a294c0b961b71cb3c2efc } from '../../../../src/admin/UserLanguageSync'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/src/admin/UserLanguageSync#UserLanguageSync": UserLanguageSync_af9ac8c7278a294c0b961b71cb3c2efc,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
