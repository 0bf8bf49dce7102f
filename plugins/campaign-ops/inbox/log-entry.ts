import type { Interaction } from '../../../payload-types'
import type { ModerationLogEntry } from '../moderation/moderation-log'
import { interactionsSlug } from './interactions-collection'

type LoggedInteraction = Pick<Interaction, 'id' | 'network' | 'moderation' | 'authorPseudonym' | 'text'>

/**
 * What every log row about an interaction names: its category, network and reference, and its
 * author as the pseudonym already stored. The comment's text (kept by the log as a redacted
 * excerpt) only where the action is about what was said, not for an assignment or a status.
 */
export function interactionLogFields(
  interaction: LoggedInteraction,
  options: { withText: boolean },
): Pick<ModerationLogEntry, 'category' | 'platform' | 'itemRef' | 'commenter' | 'commentText'> {
  return {
    category: interaction.moderation?.category ?? null,
    platform: interaction.network,
    itemRef: `${interactionsSlug}/${interaction.id}`,
    commenter: interaction.authorPseudonym ? { pseudonym: interaction.authorPseudonym } : null,
    ...(options.withText ? { commentText: interaction.text ?? null } : {}),
  }
}
