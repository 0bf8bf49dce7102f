import { consentStatus, expiringSoonDays, type ConsentRecord } from '../../src/domain/consent'

// 15 June 2026, noon in Casablanca (UTC+1 outside Ramadan).
const at = new Date('2026-06-15T11:00:00Z')

function consent(overrides: Partial<ConsentRecord> = {}): ConsentRecord {
  return { person: 'Salma Bennani', signedOn: '2026-01-10', scope: ['social_media', 'video'], expiresOn: null, ...overrides }
}

const shown = (...consents: ConsentRecord[]) => ({ peopleShown: true, consents })

describe('consentStatus', () => {
  it('is not required when no people are shown, whatever the records say', () => {
    for (const peopleShown of [false, null, undefined]) {
      const result = consentStatus({ peopleShown, consents: [consent({ expiresOn: '2020-01-01' })] }, at)
      expect(result).toMatchObject({ status: 'not_required', expiresOn: null })
    }
  })

  it('is missing when people are shown and no consent is recorded', () => {
    for (const consents of [[], null, undefined]) {
      const result = consentStatus({ peopleShown: true, consents }, at)
      expect(result).toMatchObject({ status: 'missing', expiresOn: null })
      expect(result.message.fr).toContain('aucun consentement')
    }
  })

  it('is ok with a consent that never expires', () => {
    expect(consentStatus(shown(consent()), at)).toMatchObject({ status: 'ok', expiresOn: null })
  })

  it('counts a consent valid through its expiry day: today is expiring soon, yesterday is expired', () => {
    const today = consentStatus(shown(consent({ expiresOn: '2026-06-15' })), at)
    expect(today).toMatchObject({ status: 'expiring_soon', expiresOn: '2026-06-15' })
    expect(today.message.en).toContain('today')

    const yesterday = consentStatus(shown(consent({ expiresOn: '2026-06-14' })), at)
    expect(yesterday).toMatchObject({ status: 'expired', expiresOn: '2026-06-14' })
    expect(yesterday.message.en).toBe('The consent of Salma Bennani expired on 14/06/2026. Do not use this asset until it is renewed.')
    expect(yesterday.message.fr).toContain('a expiré le 14/06/2026')
    expect(yesterday.message.ar).toContain('14/06/2026')
  })

  it(`flags expiry within ${expiringSoonDays} days and not beyond`, () => {
    expect(consentStatus(shown(consent({ expiresOn: '2026-07-14' })), at).status).toBe('expiring_soon') // 29 days
    expect(consentStatus(shown(consent({ expiresOn: '2026-07-15' })), at).status).toBe('expiring_soon') // 30 days
    const later = consentStatus(shown(consent({ expiresOn: '2026-07-16' })), at) // 31 days
    expect(later).toMatchObject({ status: 'ok', expiresOn: '2026-07-16' })
    expect(later.message.fr).toContain("jusqu'au 16/07/2026")
    expect(consentStatus(shown(consent({ expiresOn: '2026-07-14' })), at).message.en).toContain('in 29 days')
  })

  it('lets the earliest expiry among the people shown decide', () => {
    const result = consentStatus(
      shown(
        consent({ person: 'Salma Bennani', expiresOn: '2027-01-01' }),
        consent({ person: 'Youssef Alaoui', expiresOn: '2026-06-01' }),
        consent({ person: 'Nadia', expiresOn: null }),
      ),
      at,
    )
    expect(result).toMatchObject({ status: 'expired', expiresOn: '2026-06-01' })
    expect(result.message.en).toContain('Youssef Alaoui')
  })

  it('takes a renewed consent over the person’s earlier one', () => {
    const result = consentStatus(
      shown(consent({ expiresOn: '2026-05-31' }), consent({ person: ' salma  BENNANI ', signedOn: '2026-06-01', expiresOn: '2028-05-31' })),
      at,
    )
    expect(result).toMatchObject({ status: 'ok', expiresOn: '2028-05-31' })
  })

  it('reads "today" in Casablanca: late evening UTC is already tomorrow there', () => {
    const lateEvening = new Date('2026-06-15T23:30:00Z') // 00:30 on 16 June in Casablanca
    expect(consentStatus(shown(consent({ expiresOn: '2026-06-15' })), lateEvening).status).toBe('expired')
    // A timestamp is read as its Casablanca date (midnight UTC is 01:00 on the same day there).
    expect(consentStatus(shown(consent({ expiresOn: new Date('2026-06-15T00:00:00Z') })), at)).toMatchObject({
      status: 'expiring_soon',
      expiresOn: '2026-06-15',
    })
    expect(consentStatus(shown(consent({ expiresOn: '2026-06-14T23:30:00.000Z' })), at).expiresOn).toBe('2026-06-15')
  })

  it('ignores records that prove nothing today: signed in the future, unreadable dates', () => {
    expect(consentStatus(shown(consent({ signedOn: '2026-06-16' })), at).status).toBe('missing')
    expect(consentStatus(shown(consent({ signedOn: 'yesterday' })), at).status).toBe('missing')
    expect(consentStatus(shown(consent({ signedOn: '2026-02-30' })), at).status).toBe('missing')
    expect(consentStatus(shown(consent({ expiresOn: 'never' })), at).status).toBe('missing')
    expect(consentStatus(shown(consent({ signedOn: '2026-06-15', expiresOn: '' })), at).status).toBe('ok')
  })

  it('counts only consents covering the required use when one is asked for', () => {
    const printOnly = shown(consent({ scope: ['print'] }))
    expect(consentStatus(printOnly, at).status).toBe('ok')
    const forSocial = consentStatus(printOnly, at, { requiredScope: 'social_media' })
    expect(forSocial.status).toBe('missing')
    expect(forSocial.message.en).toContain('social media')
    expect(consentStatus(shown(consent()), at, { requiredScope: 'social_media' }).status).toBe('ok')
  })

  it('refuses an invalid reference date', () => {
    expect(() => consentStatus(shown(consent()), new Date('nope'))).toThrow(RangeError)
  })
})
