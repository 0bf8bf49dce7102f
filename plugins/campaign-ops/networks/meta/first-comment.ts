/**
 * The first comment under a Facebook or Instagram post (where campaigns put links and sources).
 * The post is already live when it is written, so a failure is a warning on the publication,
 * never a failed publication.
 */
import { graph } from './graph'
import { firstCommentWarning } from '../first-comment-warning'
import type { AccountCredentials, AdapterContext } from '../types'
import type { Localized } from '../../../../src/i18n/catalogue'

/** Posts `text` as the first comment of `objectId`; returns the warnings for the person who scheduled it. */
export async function postFirstComment(objectId: string, text: string, account: AccountCredentials, context: AdapterContext): Promise<Localized[]> {
  try {
    await graph(context, account, `${encodeURIComponent(objectId)}/comments`, {
      method: 'POST',
      body: new URLSearchParams({ message: text }),
      sideEffect: true,
    })
    return []
  } catch (error) {
    return [firstCommentWarning(error)]
  }
}
