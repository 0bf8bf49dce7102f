/**
 * The one way Badil reaches the `twitter-text` library (X's own counting and URL rules), typed for
 * the parts it uses: weighing a post (validation) and finding its links (the X adapter's lookup).
 */
import twitterTextModule from 'twitter-text'

export interface ParsedXText {
  weightedLength: number
  valid: boolean
}

export interface XWeightConfig {
  scale: number
  defaultWeight: number
  ranges: { start: number; end: number; weight: number }[]
}

export interface TwitterTextApi {
  parseTweet(text: string): ParsedXText
  extractUrls(text: string): string[]
  configs: { version3: XWeightConfig }
}

// twitter-text is CommonJS whose module.exports is the API object: a default import yields it
// under Node ESM, Jest and bundlers alike. Some interop layers wrap it once more in `default`.
function loadTwitterText(): TwitterTextApi {
  const loaded = twitterTextModule as unknown as Partial<TwitterTextApi> & { default?: Partial<TwitterTextApi> }
  const api = typeof loaded.parseTweet === 'function' ? loaded : loaded.default
  if (typeof api?.parseTweet !== 'function' || typeof api.extractUrls !== 'function' || api.configs?.version3 === undefined) {
    throw new Error('twitter-text did not expose parseTweet, extractUrls and configs')
  }
  return api as TwitterTextApi
}

export const twitterText: TwitterTextApi = loadTwitterText()
