import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import nodemailer from 'nodemailer'
import type { Transport, SentMessageInfo } from 'nodemailer'
import type MailMessage from 'nodemailer/lib/mailer/mail-message'

import type { Env } from './env'

type MailDropInfo = SentMessageInfo & { path: string; messageId: string; envelope: unknown }

/**
 * A nodemailer transport that writes each message as an `.eml` file, so that without an SMTP
 * server a person can still open what Badil would have sent (any mail client reads .eml).
 */
export function mailDropTransport(directory: string): Transport<MailDropInfo> {
  return {
    name: 'badil-mail-drop',
    version: '1.0.0',
    send(mail: MailMessage, callback: (error: Error | null, info?: MailDropInfo) => void) {
      const envelope = mail.message.getEnvelope()
      const messageId = mail.message.messageId()
      mail.message.build((buildError, raw) => {
        if (buildError) return callback(buildError)
        const stamp = new Date().toISOString().replace(/[:.]/g, '-')
        const file = path.join(directory, `${stamp}-${randomBytes(4).toString('hex')}.eml`)
        fs.mkdir(directory, { recursive: true })
          .then(() => fs.writeFile(file, raw))
          .then(() => callback(null, { envelope, messageId, path: file } as MailDropInfo))
          .catch((error: Error) => callback(error))
      })
    },
  }
}

export function mailDropDirectory(dataDirPath: string): string {
  return path.join(dataDirPath, 'mail')
}

/** Payload's nodemailer adapter on SMTP when configured, otherwise on the `.eml` drop folder. */
export function createEmailAdapter(env: Env, dataDirPath: string) {
  const transport = env.SMTP_HOST
    ? nodemailer.createTransport({
        host: env.SMTP_HOST,
        port: env.SMTP_PORT,
        secure: env.SMTP_SECURE,
        auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASSWORD } : undefined,
      })
    : nodemailer.createTransport(mailDropTransport(mailDropDirectory(dataDirPath)))
  return nodemailerAdapter({
    defaultFromAddress: env.MAIL_FROM_ADDRESS,
    defaultFromName: env.MAIL_FROM_NAME,
    transport,
    // Verifying an SMTP server at boot would delay start-up and fail it when the server is
    // briefly down; sending reports its own errors.
    skipVerify: true,
  })
}
