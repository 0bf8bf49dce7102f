/** The queue of the inbox's background work: reading stored deliveries, escalation e-mails. */
export const inboxQueue = 'inbox'
