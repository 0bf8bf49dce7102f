'use client'
import React, { useCallback, useEffect, useImperativeHandle, useRef, useState } from 'react'

import type { Interaction, InteractionReply, PlatformVariant } from '../../../../payload-types'
import { formatInCasablanca } from '../../../../src/domain/casablanca-time'
import { Highlighted } from '../../moderation/admin/Highlighted'
import type { Span } from '../../moderation/admin/Highlighted'
import { callApi } from '../../publishing/admin/publishing-client'
import { labelIn } from '../../publishing/admin/publishing-queue-labels'
import { usePluginStrings } from '../../translations/use-plugin-strings'
import type { InboxApi } from './inbox-actions'
import { memberName } from './inbox-labels'
import type { InboxLabels } from './inbox-labels'
import { threadUrl } from './inbox-query'
import { InboxNotes } from './InboxNotes'
import type { InboxNotesHandle } from './InboxNotes'
import { InboxReplyBox } from './InboxReplyBox'
import type { InboxReplyBoxHandle } from './InboxReplyBox'
import { InboxThreadActions } from './InboxThreadActions'
import type { InboxThreadActionsHandle } from './InboxThreadActions'
import styles from './inbox.module.css'
import { usePresence } from './use-presence'
import type { PresenceActivity } from './use-presence'

/** What the keyboard asks of the open thread. */
export type ThreadCommand = 'reply' | 'assignMe' | 'hide' | 'escalate' | 'close' | 'note'

const isSpan = (span: unknown): span is Span => Array.isArray(span) && span.length === 2 && span.every((value) => typeof value === 'number')

type ModelWord = { excerpt: string; spans: Span[] }

/** The words the triage model weighed most, when stored in their shape. */
function modelWordsOf(interaction: Interaction): ModelWord[] {
  const words = interaction.moderation?.modelWords
  if (!Array.isArray(words)) return []
  return words
    .filter(
      (word): word is ModelWord =>
        typeof word === 'object' && word !== null && typeof (word as ModelWord).excerpt === 'string' && Array.isArray((word as ModelWord).spans),
    )
    .map((word) => ({ excerpt: word.excerpt, spans: word.spans.filter(isSpan) }))
}

/** What a stored decision highlights: the rules' matches and the words the model weighed most. */
function spansOf(interaction: Interaction): Span[] {
  const spans = interaction.moderation?.spans
  const ruleSpans = Array.isArray(spans) ? spans.filter(isSpan) : []
  return [...ruleSpans, ...modelWordsOf(interaction).flatMap((word) => word.spans)].sort((a, b) => a[0] - b[0])
}

const formatRisk = (risk: number, language: string) => `${Math.round(risk * 100).toLocaleString(language === 'ar' ? 'ar-MA' : language)} %`

function PostAnswered({ variant, onShowPost }: { variant: PlatformVariant; onShowPost: () => void }) {
  const { t } = usePluginStrings()
  return (
    <section className={styles.post} aria-label={t('inboxView:thread:post')}>
      <h3>{t('inboxView:thread:post')}</h3>
      {variant.label && <p className={styles.muted}>{variant.label}</p>}
      <p dir="auto" className={styles.postText}>
        {variant.text}
      </p>
      <p className={styles.postLinks}>
        <a href={`/admin/collections/platform-variants/${variant.id}`}>{t('inboxView:thread:openPost')}</a>
        <button type="button" className={styles.linkButton} onClick={onShowPost}>
          {t('inboxView:thread:postComments')}
        </button>
      </p>
    </section>
  )
}

function Message({ message, current, labels }: { message: Interaction; current: boolean; labels: InboxLabels }) {
  const { t, language } = usePluginStrings()
  return (
    <li className={current ? styles.messageCurrent : message.fromAccountItself ? styles.messageOurs : styles.message} data-message-id={message.id}>
      <p className={styles.messageHead}>
        <strong dir="auto">{message.fromAccountItself ? t('inboxView:thread:ourAccount') : message.authorHandle || t('inboxView:anonymousAuthor')}</strong>
        <span className={styles.muted}>{formatInCasablanca(message.remoteCreatedAt ?? message.receivedAt, language)}</span>
        {message.language && <span className={styles.muted}>{labelIn(labels.languages, message.language, language)}</span>}
        {message.hiddenOnNetwork && <span className={styles.badge}>{t('inboxView:badges:hidden')}</span>}
        {message.removedOnNetworkAt && <span className={styles.badge}>{t('inboxView:badges:removed')}</span>}
      </p>
      <p className={styles.messageText}>
        <Highlighted text={message.text ?? ''} spans={spansOf(message)} />
      </p>
    </li>
  )
}

function Presence({ colleagues }: { colleagues: ReturnType<typeof usePresence> }) {
  const { t } = usePluginStrings()
  if (colleagues.length === 0) return null
  return (
    <p className={styles.presence} role="status" data-testid="inbox-presence">
      {colleagues
        .map((colleague) => t(colleague.activity === 'replying' ? 'inboxView:presence:replying' : 'inboxView:presence:viewing', { name: colleague.name }))
        .join(' · ')}
    </p>
  )
}

/** The selected interaction: the post it answers, its whole thread, what moderation found, and what can be done. */
export function InboxThread({
  interaction,
  labels,
  api,
  actions,
  userId,
  userRole,
  commandRef,
  onUpdated,
  onShowPost,
}: {
  interaction: Interaction
  labels: InboxLabels
  api: string
  actions: InboxApi
  userId: number
  userRole: string
  commandRef: React.RefObject<((command: ThreadCommand) => void) | null>
  onUpdated: (interaction: Interaction) => void
  onShowPost: (variantId: number) => void
}) {
  const { t, language } = usePluginStrings()
  // The version of the thread the person has seen, by the server's clock (its last change): a reply
  // is stopped for confirmation if the thread changed after it. The person's own actions move it;
  // the list's refreshes do not, so a colleague's change is never taken as read.
  const [seenVersion, setSeenVersion] = useState(interaction.updatedAt)
  const [messages, setMessages] = useState<Interaction[]>([])
  const [replies, setReplies] = useState<InteractionReply[]>([])
  const [activity, setActivity] = useState<PresenceActivity>('viewing')
  const colleagues = usePresence(api, interaction.id, activity)
  const replyBox = useRef<InboxReplyBoxHandle>(null)
  const actionBar = useRef<InboxThreadActionsHandle>(null)
  const notes = useRef<InboxNotesHandle>(null)

  const loadThread = useCallback(async () => {
    const thread = await callApi<{ docs: Interaction[] }>(threadUrl(api, interaction))
    if (!thread.ok) return
    const docs = thread.body.docs ?? []
    setMessages(docs.some((doc) => doc.id === interaction.id) ? docs : [...docs, interaction])
    const ids = docs.map((doc) => doc.id).join(',') || String(interaction.id)
    const sent = await callApi<{ docs: InteractionReply[] }>(`${api}/interaction-replies?where[interaction][in]=${ids}&sort=createdAt&depth=0&limit=100`)
    if (sent.ok) setReplies(sent.body.docs ?? [])
  }, [api, interaction])

  useEffect(() => {
    void loadThread()
  }, [loadThread])

  const updated = useCallback(
    (next: Interaction) => {
      setSeenVersion(next.updatedAt)
      onUpdated(next)
      void loadThread()
    },
    [onUpdated, loadThread],
  )

  const reread = useCallback(async () => {
    const fresh = await actions.find(interaction.id)
    if (fresh.ok) updated(fresh.body)
    else void loadThread()
  }, [actions, interaction.id, updated, loadThread])

  useImperativeHandle(commandRef, () => (command: ThreadCommand) => {
    if (command === 'reply') replyBox.current?.focus()
    else if (command === 'note') notes.current?.focus()
    else actionBar.current?.run(command)
  })

  const variant = interaction.variant && typeof interaction.variant === 'object' ? interaction.variant : null
  const moderation = interaction.moderation
  return (
    <article className={styles.thread} aria-label={t('inboxView:thread:label')} data-testid="inbox-thread">
      <Presence colleagues={colleagues} />
      {variant ? (
        <PostAnswered variant={variant} onShowPost={() => onShowPost(variant.id)} />
      ) : (
        <p className={styles.muted}>{interaction.kind === 'dm' ? t('inboxView:thread:directMessage') : t('inboxView:thread:notOurPost')}</p>
      )}
      <ol className={styles.messages}>
        {messages.map((message) => (
          <Message key={message.id} message={message} current={message.id === interaction.id} labels={labels} />
        ))}
      </ol>
      {replies.length > 0 && (
        <section aria-label={t('inboxView:thread:repliesSent')}>
          <h3>{t('inboxView:thread:repliesSent')}</h3>
          <ul className={styles.messages}>
            {replies.map((reply) => (
              <li key={reply.id} className={styles.messageOurs}>
                <p className={styles.messageHead}>
                  <strong>{memberName(labels.team, reply.author, t('inboxView:unknownMember'))}</strong>
                  <span className={styles.badge}>{labelIn(labels.replyStates, reply.state, language)}</span>
                  {reply.sentAt && <span className={styles.muted}>{formatInCasablanca(reply.sentAt, language)}</span>}
                </p>
                <p className={styles.messageText} dir="auto">
                  {reply.text}
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
      {moderation?.decidedAt && (moderation.category || moderation.flagged) && (
        <dl className={styles.facts} data-testid="inbox-moderation">
          {moderation.category && (
            <>
              <dt>{t('inboxView:thread:category')}</dt>
              <dd>{labelIn(labels.categories, moderation.category, language)}</dd>
            </>
          )}
          {moderation.action && (
            <>
              <dt>{t('inboxView:thread:proposedAction')}</dt>
              <dd>{labelIn(labels.actions, moderation.action, language)}</dd>
            </>
          )}
          {moderation.severity && (
            <>
              <dt>{t('inboxView:thread:severity')}</dt>
              <dd>{labelIn(labels.severities, moderation.severity, language)}</dd>
            </>
          )}
          {typeof moderation.risk === 'number' && (
            <>
              <dt>{t('triageModels:riskLabel')}</dt>
              <dd data-testid="inbox-risk">{formatRisk(moderation.risk, language)}</dd>
            </>
          )}
          {moderation.modelRaised && (
            <>
              <dt>{t('inboxView:thread:modelView', { version: moderation.modelVersion ?? '' })}</dt>
              <dd data-testid="inbox-model-view">
                {moderation.modelRaised
                  .split(',')
                  .map((name) => t(name === 'misinformation' ? 'triageModels:classLabel:misinformation' : 'triageModels:classLabel:hostile'))
                  .join(t('triageModel:separator'))}
                {modelWordsOf(interaction).length > 0 &&
                  ` — ${t('triageModel:words', {
                    words: modelWordsOf(interaction)
                      .map((word) => t('triageModel:word', { excerpt: word.excerpt }))
                      .join(t('triageModel:separator')),
                  })}`}
              </dd>
            </>
          )}
        </dl>
      )}
      {interaction.networkActionError && (
        <p className={styles.warning} role="status">
          {interaction.networkActionError}
        </p>
      )}
      <InboxThreadActions ref={actionBar} interaction={interaction} labels={labels} actions={actions} userId={userId} userRole={userRole} onUpdated={updated} />
      <InboxReplyBox
        ref={replyBox}
        interaction={interaction}
        api={api}
        actions={actions}
        openedAt={seenVersion}
        onWriting={(writing) => setActivity(writing ? 'replying' : 'viewing')}
        onSent={() => void reread()}
        onReread={() => void reread()}
      />
      <InboxNotes ref={notes} interaction={interaction} labels={labels} actions={actions} onUpdated={updated} />
    </article>
  )
}
