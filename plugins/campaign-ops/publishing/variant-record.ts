import type { ContentItem, PlatformVariant } from '../../../payload-types'
import type { SqlClient } from '../../../src/infra/database'
import type { PublishableVariant } from './publish-request'

type Approval = NonNullable<PlatformVariant['approval']>

/**
 * The variant as the engine needs it, read in one SQL statement: it is read on every publication
 * and reconciliation, and Payload's relational read (every field, the attempt history join) cost
 * more CPU than the rest of the publication.
 */
export type VariantRecord = PublishableVariant & {
  networkAccount: number | null
  attempts: number
  approval: Required<Pick<Approval, 'state' | 'approvedHash'>>
  /** The item as the workflow's clearance reads it. */
  item: Required<Pick<ContentItem, 'workflowState' | 'sensitivity'>>
}

export async function loadVariantRecord(db: SqlClient, id: number): Promise<VariantRecord | null> {
  const { rows } = await db.query(
    `SELECT v.id, v.platform::text AS platform, v.language::text AS language, v.title, v.text, v.link, v.first_comment,
            v.content_item_id, v.scheduled_at, v.network_account_id, v.attempts,
            v.approval_state::text AS approval_state, v.approval_approved_hash,
            i.workflow_state::text AS item_state, i.sensitivity::text AS item_sensitivity,
            COALESCE((SELECT array_agg(t.text ORDER BY t."order") FROM platform_variants_texts t
                       WHERE t.parent_id = v.id AND t.path = 'hashtags'), '{}') AS hashtags,
            COALESCE((SELECT array_agg(r.media_id ORDER BY r."order") FROM platform_variants_rels r
                       WHERE r.parent_id = v.id AND r.path = 'media' AND r.media_id IS NOT NULL), '{}') AS media
       FROM platform_variants v LEFT JOIN content_items i ON i.id = v.content_item_id
      WHERE v.id = $1`,
    [id],
  )
  const row = rows[0]
  if (!row) return null
  return {
    id: Number(row.id),
    platform: String(row.platform) as PlatformVariant['platform'],
    language: String(row.language) as PlatformVariant['language'],
    title: (row.title as string | null) ?? null,
    text: (row.text as string | null) ?? null,
    link: (row.link as string | null) ?? null,
    firstComment: (row.first_comment as string | null) ?? null,
    hashtags: (row.hashtags as string[]).filter((tag) => tag !== null),
    media: (row.media as number[]).map(Number),
    contentItem: Number(row.content_item_id),
    scheduledAt: row.scheduled_at ? new Date(row.scheduled_at as string).toISOString() : null,
    networkAccount: row.network_account_id === null ? null : Number(row.network_account_id),
    attempts: Number(row.attempts ?? 0),
    approval: { state: (row.approval_state as Approval['state']) ?? null, approvedHash: (row.approval_approved_hash as string | null) ?? null },
    item: {
      workflowState: (row.item_state as ContentItem['workflowState']) ?? null,
      sensitivity: (row.item_sensitivity as ContentItem['sensitivity']) ?? null,
    },
  }
}
