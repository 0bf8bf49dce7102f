/** Options of the campaign-ops plugin (publishing, inbox and moderation, reporting). */
export type CampaignOpsOptions = {
  /**
   * Turns the plugin's behaviour off while keeping the collections it adds, so the database
   * schema and its migrations stay the same whether it is on or off.
   */
  enabled?: boolean
}
