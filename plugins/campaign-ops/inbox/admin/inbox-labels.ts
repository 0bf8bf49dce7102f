import type { Localized } from '../../../../src/i18n/catalogue'
import { idOf } from '../../publishing/admin/publishing-client'

/** A colleague the inbox can assign to: the inbox team (community managers, NCSC, administrators). */
export type TeamMember = { id: number; name: string; role: string }
export type KeyMomentChoice = { id: number; title: string }

/**
 * What the inbox shows that comes from the server's configuration (collections are server-only
 * modules): the options' labels in each language, the team and the key moments.
 */
export type InboxLabels = {
  networks: Record<string, string>
  kinds: Record<string, Localized>
  statuses: Record<string, Localized>
  languages: Record<string, Localized>
  categories: Record<string, Localized>
  actions: Record<string, Localized>
  severities: Record<string, Localized>
  replyStates: Record<string, Localized>
  team: TeamMember[]
  keyMoments: KeyMomentChoice[]
}

/** A team member's name, or a neutral word when the id is not in the team any more. */
export const memberName = (team: TeamMember[], user: unknown, fallback: string): string => {
  const id = idOf(user)
  return team.find((member) => String(member.id) === String(id))?.name ?? fallback
}
