/**
 * What Meta's webhook sender does (docs/networks.md#meta-webhooks): the delivery bodies of Page
 * feed and Instagram comment events and of private messages (Messenger, Instagram), serialized the way Meta does (non-ASCII as \uXXXX escapes,
 * "/" escaped), signed with the app secret over those exact bytes, and POSTed to the callback.
 */
import { createHmac } from 'node:crypto'

export type WebhookAuthor = { id: string; name: string }

export type PageCommentChange = {
  verb: 'add' | 'edited' | 'remove' | 'hide' | 'unhide'
  commentId: string
  postId: string
  parentId?: string
  message?: string
  from?: WebhookAuthor
  createdTime: number
}

export type InstagramCommentChange = {
  commentId: string
  mediaId: string
  text: string
  from: WebhookAuthor
  parentId?: string
  field?: 'comments' | 'live_comments'
}

/** One private message as Meta's `messaging` item carries it; times in milliseconds, as Meta gives them. */
export type MessagingItem = {
  senderId: string
  recipientId: string
  timestamp: number
  mid: string
  text?: string
  /** Written by the account itself (Meta Business Suite, the app, or the Send API). */
  echo?: boolean
  /** Unsent by the person (Instagram sends the message again with `is_deleted`). */
  deleted?: boolean
  attachments?: { type: string; url: string }[]
}

/** JSON as Meta writes it: every non-ASCII character and "/" escaped, so a re-serialization never matches the signature. */
export function metaJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/[\u007f-\uffff]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/\//g, '\\/')
}

export function pageDelivery(pageId: string, time: number, changes: PageCommentChange[]): unknown {
  return {
    object: 'page',
    entry: [
      {
        id: pageId,
        time,
        changes: changes.map((change) => ({
          field: 'feed',
          value: {
            item: 'comment',
            verb: change.verb,
            comment_id: change.commentId,
            post_id: change.postId,
            parent_id: change.parentId ?? change.postId,
            created_time: change.createdTime,
            ...(change.message !== undefined ? { message: change.message } : {}),
            ...(change.from ? { from: change.from } : {}),
            post: {
              id: change.postId,
              status_type: 'mobile_status_update',
              is_published: true,
              updated_time: new Date(time * 1000).toISOString().replace('.000Z', '+0000'),
              promotion_status: 'inactive',
            },
          },
        })),
      },
    ],
  }
}

export function instagramDelivery(igUserId: string, time: number, changes: InstagramCommentChange[]): unknown {
  return {
    object: 'instagram',
    entry: [
      {
        id: igUserId,
        time,
        changes: changes.map((change) => ({
          field: change.field ?? 'comments',
          value: {
            id: change.commentId,
            text: change.text,
            ...(change.parentId ? { parent_id: change.parentId } : {}),
            from: { id: change.from.id, username: change.from.name, self_ig_scoped_id: change.from.id },
            media: { id: change.mediaId, media_product_type: 'FEED' },
          },
        })),
      },
    ],
  }
}

/**
 * A messaging delivery: `object` is `page` for Messenger and `instagram` for Instagram Direct; the
 * entry is the account's, with its `messaging` items (one per entry, as Meta batches them).
 */
export function messagingDelivery(object: 'page' | 'instagram', accountId: string, items: MessagingItem[]): unknown {
  return {
    object,
    entry: items.map((item) => ({
      id: accountId,
      time: item.timestamp,
      messaging: [
        {
          sender: { id: item.senderId },
          recipient: { id: item.recipientId },
          timestamp: item.timestamp,
          message: {
            mid: item.mid,
            ...(item.echo ? { is_echo: true, app_id: 1517000000000001 } : {}),
            ...(item.deleted ? { is_deleted: true } : {}),
            ...(item.text !== undefined ? { text: item.text } : {}),
            ...(item.attachments ? { attachments: item.attachments.map(({ type, url }) => ({ type, payload: { url } })) } : {}),
          },
        },
      ],
    })),
  }
}

export function signMetaBody(raw: string, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(raw, 'utf8').digest('hex')}`
}

export type DeliveryAnswer = { status: number; text: string }

/** POSTs a delivery as Meta does; `signature` replaces the real one (forged, missing with null). */
export async function sendMetaDelivery(
  callbackUrl: string,
  body: unknown,
  appSecret: string,
  options: { signature?: string | null; raw?: string } = {},
): Promise<DeliveryAnswer> {
  const raw = options.raw ?? metaJson(body)
  const signature = options.signature === undefined ? signMetaBody(raw, appSecret) : options.signature
  const response = await fetch(callbackUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(signature !== null ? { 'x-hub-signature-256': signature } : {}),
      'x-hub-signature': `sha1=${createHmac('sha1', appSecret).update(raw, 'utf8').digest('hex')}`,
    },
    body: raw,
  })
  return { status: response.status, text: await response.text() }
}
