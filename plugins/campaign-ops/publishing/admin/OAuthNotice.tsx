import React from 'react'

import { OAuthNoticeClient } from './OAuthNoticeClient'
import { networkLabelMap } from './oauth-networks'

/**
 * What the OAuth callback says when it sends the browser back to the admin
 * (`?oauthConnected=<n>`, or `?oauthError=<message>&oauthNetwork=<network>`), as a success or
 * error message. `OAuthNotice` goes above the network-accounts list (`beforeList`);
 * `OAuthNoticeField`, a `ui` field, on an account's page (`?oauthConnected=1`).
 */
export function OAuthNotice() {
  return <OAuthNoticeClient networkLabels={networkLabelMap} gutter />
}

export function OAuthNoticeField() {
  return <OAuthNoticeClient networkLabels={networkLabelMap} gutter={false} />
}
