'use client'
import React, { useEffect, useImperativeHandle, useRef, useState } from 'react'

import type { Interaction, InteractionReply, ResponseTemplate } from '../../../../payload-types'
import { callApi } from '../../publishing/admin/publishing-client'
import { usePluginStrings } from '../../translations/use-plugin-strings'
import { fillReplyTemplate } from '../template-text'
import { newIdempotencyKey, replyLanguageFor } from './inbox-actions'
import type { InboxApi, ReplyLanguage } from './inbox-actions'
import styles from './inbox.module.css'
import { InboxOutcome } from './InboxOutcome'

export type InboxReplyBoxHandle = { focus: () => void }

const replyLanguages: ReplyLanguage[] = ['fr', 'ar', 'ary']

/** Refusals the person can overrule after reading the thread again. */
const confirmable = new Set(['thread_changed', 'colleague_replied'])

/**
 * Writing the answer: an approved template in the comment's language (the suggested one first) or
 * free text, sent once whatever the retries (one idempotency key per reply), and stopped for
 * confirmation when the thread changed since it was opened or a colleague answered meanwhile.
 */
export function InboxReplyBox({
  ref,
  interaction,
  api,
  actions,
  openedAt,
  onWriting,
  onSent,
  onReread,
}: {
  ref: React.Ref<InboxReplyBoxHandle>
  interaction: Interaction
  api: string
  actions: InboxApi
  openedAt: string
  onWriting: (writing: boolean) => void
  onSent: () => void
  onReread: () => void
}) {
  const { t } = usePluginStrings()
  const [language, setLanguage] = useState<ReplyLanguage>(() => replyLanguageFor(interaction.language, 'fr'))
  const [templates, setTemplates] = useState<ResponseTemplate[]>([])
  const [templateId, setTemplateId] = useState<number | null>(null)
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [toConfirm, setToConfirm] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const key = useRef(newIdempotencyKey())
  const field = useRef<HTMLTextAreaElement>(null)
  const suggested =
    interaction.suggestedTemplate && typeof interaction.suggestedTemplate === 'object' ? interaction.suggestedTemplate.id : interaction.suggestedTemplate

  useImperativeHandle(ref, () => ({ focus: () => field.current?.focus() }))

  useEffect(() => {
    let active = true
    const query = `where[state][equals]=approved&locale=${language}&fallback-locale=none&depth=0&limit=100&sort=name`
    void callApi<{ docs: ResponseTemplate[] }>(`${api}/response-templates?${query}`).then((result) => {
      if (!active || !result.ok) return
      const usable = (result.body.docs ?? []).filter((template) => template.body?.trim())
      // The suggested correction first: it answers the misconception this comment matched.
      usable.sort((a, b) => Number(b.id === suggested) - Number(a.id === suggested))
      setTemplates(usable)
    })
    return () => {
      active = false
    }
  }, [api, language, suggested])

  const writing = text.trim().length > 0
  useEffect(() => onWriting(writing), [writing, onWriting])

  const choose = (id: number | null) => {
    setTemplateId(id)
    const template = templates.find((candidate) => candidate.id === id)
    if (template) setText(fillReplyTemplate(template.body, interaction.authorHandle))
  }

  const send = async (confirm: boolean) => {
    setBusy(true)
    setError(null)
    setDone(null)
    const result = await actions.reply(interaction.id, {
      text: text.trim(),
      ...(templateId !== null ? { templateId, language } : {}),
      idempotencyKey: key.current,
      openedAt,
      ...(confirm ? { confirm: true } : {}),
    })
    setBusy(false)
    if (!result.ok) {
      if (result.status === 409 && confirmable.has(result.code ?? '')) setToConfirm(result.message)
      else setError(result.message)
      return
    }
    setToConfirm(null)
    const reply: InteractionReply = result.body.reply
    if (reply.state === 'failed') return setError(reply.error || t('inboxView:reply:failed'))
    setDone(
      reply.state === 'awaiting_approval'
        ? t('inboxView:reply:awaitingApproval')
        : reply.state === 'sent'
          ? t('inboxView:reply:sent')
          : t('inboxView:reply:queued'),
    )
    setText('')
    setTemplateId(null)
    key.current = newIdempotencyKey()
    onSent()
  }

  return (
    <section className={styles.reply} aria-label={t('inboxView:reply:label')} data-testid="inbox-reply">
      <h3>{t('inboxView:reply:label')}</h3>
      <div className={styles.actionRow}>
        <label className={styles.filter}>
          <span>{t('inboxView:reply:language')}</span>
          <select name="replyLanguage" value={language} onChange={(event) => setLanguage(event.target.value as ReplyLanguage)}>
            {replyLanguages.map((code) => (
              <option key={code} value={code}>
                {t(`inboxView:reply:languages:${code}`)}
              </option>
            ))}
          </select>
        </label>
        <label className={styles.filter}>
          <span>{t('inboxView:reply:template')}</span>
          <select
            name="template"
            value={templateId === null ? '' : String(templateId)}
            onChange={(event) => choose(event.target.value ? Number(event.target.value) : null)}
          >
            <option value="">{templates.length ? t('inboxView:reply:noTemplate') : t('inboxView:reply:noApprovedTemplate')}</option>
            {templates.map((template) => (
              <option key={template.id} value={String(template.id)}>
                {template.id === suggested ? t('inboxView:reply:suggested', { name: template.name }) : template.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <textarea
        ref={field}
        name="replyText"
        dir="auto"
        rows={4}
        maxLength={8000}
        value={text}
        placeholder={t('inboxView:reply:placeholder')}
        onChange={(event) => setText(event.target.value)}
      />
      {toConfirm ? (
        <div className={styles.warning} role="alert">
          <p>{toConfirm}</p>
          <div className={styles.actionRow}>
            <button type="button" disabled={busy} onClick={() => void send(true)}>
              {t('inboxView:reply:sendAnyway')}
            </button>
            <button
              type="button"
              className={styles.linkButton}
              onClick={() => {
                setToConfirm(null)
                onReread()
              }}
            >
              {t('inboxView:reply:reread')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" disabled={busy || !text.trim()} onClick={() => void send(false)}>
          {t('inboxView:reply:send')}
        </button>
      )}
      <InboxOutcome error={error} done={done} />
    </section>
  )
}
