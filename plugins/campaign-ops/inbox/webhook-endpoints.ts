/**
 * The URL Meta calls for Facebook Page and Instagram events: `GET` for the one-time verification,
 * `POST` for deliveries. Nobody signs in here: the caller is authenticated by the signature of the
 * body with the app secret, checked before anything is read or stored, so these are plain
 * Payload endpoints (the endpoint helper is for signed-in callers) answering in the same envelope.
 */
import type { Endpoint, Payload } from 'payload'

import { requestLanguage } from '../../../src/i18n/request-language'
import { BodyTooLargeError, readBodyWithin } from '../../../src/infra/body-limit'
import { errorResponse } from '../../../src/infra/endpoint'
import { hasValidMetaSignature, readMetaDelivery, verificationChallenge } from '../networks/meta/webhook'
import { pluginText } from '../translations'
import { storeDelivery } from './deliveries'

/** Meta's deliveries are a few kilobytes; a batch stays far below this. */
export const maxDeliveryBytes = 1024 * 1024

export type MetaWebhookSettings = {
  /** The app secret Meta signs deliveries with (FACEBOOK_APP_SECRET). */
  appSecret?: string
  /** The token typed in the app dashboard with the callback URL (META_WEBHOOK_VERIFY_TOKEN). */
  verifyToken?: string
}

export const metaWebhookPath = '/inbox/webhooks/meta'

export function metaWebhookEndpoints(settings: MetaWebhookSettings, onStored: (payload: Payload) => void): Endpoint[] {
  return [
    {
      path: metaWebhookPath,
      method: 'get',
      handler: (req) => {
        const challenge = verificationChallenge(req.searchParams, settings.verifyToken)
        if (challenge === null) {
          const language = requestLanguage(req)
          return errorResponse(403, [{ message: pluginText('inboxWebhooks:verificationRefused')[language], code: 'verification_refused' }])
        }
        return new Response(challenge, { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' } })
      },
    },
    {
      path: metaWebhookPath,
      method: 'post',
      handler: async (req) => {
        const language = requestLanguage(req)
        const refuse = (status: number, code: string, message: { fr: string; ar: string; en: string }, field?: string) =>
          errorResponse(status, [{ message: message[language], code, ...(field ? { field } : {}) }])
        if (!settings.appSecret) return refuse(503, 'not_configured', pluginText('inboxWebhooks:notConfigured'))
        let raw: Uint8Array
        try {
          raw = req.body ? await readBodyWithin(req.body, maxDeliveryBytes) : new Uint8Array()
        } catch (error) {
          if (error instanceof BodyTooLargeError)
            return refuse(413, 'body_too_large', pluginText('inboxWebhooks:tooLarge', { kilobytes: maxDeliveryBytes / 1024 }), 'body')
          throw error
        }
        if (!hasValidMetaSignature(raw, req.headers.get('x-hub-signature-256'), settings.appSecret)) {
          return refuse(401, 'bad_signature', pluginText('inboxWebhooks:badSignature'), 'X-Hub-Signature-256')
        }
        let body: unknown
        try {
          body = JSON.parse(new TextDecoder().decode(raw))
          readMetaDelivery(body)
        } catch {
          return refuse(400, 'invalid_delivery', pluginText('inboxWebhooks:notMetaDelivery'), 'body')
        }
        try {
          await storeDelivery(req.payload, 'meta', raw, body)
        } catch (error) {
          // Not stored: Meta must retry, so it gets a server error, never 200.
          req.payload.logger.error({ err: error }, 'Inbox: a Meta delivery could not be stored; Meta will retry it')
          return refuse(503, 'unavailable', pluginText('inboxWebhooks:unavailable'))
        }
        onStored(req.payload)
        return new Response('EVENT_RECEIVED', { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' } })
      },
    },
  ]
}
