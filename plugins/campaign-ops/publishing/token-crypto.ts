import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'

/**
 * Network tokens at rest: AES-256-GCM with a key from the environment (NETWORK_TOKEN_KEY), or —
 * outside production — one derived from the Payload secret. The purpose ("access", "refresh",
 * "webhook-secret"…) is bound as associated data, so a ciphertext copied into another column
 * does not decrypt.
 */

const formatVersion = 'v1'
const authTagLength = 16

export class TokenDecryptionError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'TokenDecryptionError'
  }
}

export type TokenCipher = {
  encrypt(plaintext: string, purpose: string): string
  decrypt(sealed: string, purpose: string): string
}

/** A development key derived from the Payload secret (production requires NETWORK_TOKEN_KEY). */
export function derivedTokenKey(payloadSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', payloadSecret, 'badil', 'network-token-key', 32))
}

export function createTokenCipher(key: Buffer): TokenCipher {
  if (key.length !== 32) throw new Error('The token key must be 32 bytes.')
  return {
    encrypt(plaintext, purpose) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength })
      cipher.setAAD(Buffer.from(purpose))
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
      return [formatVersion, iv.toString('base64'), cipher.getAuthTag().toString('base64'), ciphertext.toString('base64')].join(':')
    },
    decrypt(sealed, purpose) {
      const [version, iv, tag, ciphertext] = sealed.split(':')
      if (version !== formatVersion || !iv || !tag || ciphertext === undefined) {
        throw new TokenDecryptionError('Not a sealed token.')
      }
      const authTag = Buffer.from(tag, 'base64')
      const nonce = Buffer.from(iv, 'base64')
      // A shorter tag would be accepted by GCM and is far easier to forge: only the full 16 bytes are.
      if (authTag.length !== authTagLength || nonce.length !== 12) throw new TokenDecryptionError('Not a sealed token.')
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength })
        decipher.setAAD(Buffer.from(purpose))
        decipher.setAuthTag(authTag)
        return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64')), decipher.final()]).toString('utf8')
      } catch {
        // Wrong key (NETWORK_TOKEN_KEY changed) or a tampered value: the account must be reconnected.
        throw new TokenDecryptionError('The token cannot be decrypted with the configured NETWORK_TOKEN_KEY.')
      }
    },
  }
}
