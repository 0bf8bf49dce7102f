import { notificationBody } from '../../src/infra/mail-body'

describe('notification e-mail body', () => {
  it('gives a text part with the link after its label, in each language’s typography', () => {
    expect(notificationBody('fr', 'Bonjour', 'https://badil.test/admin', 'Ouvrir').text).toBe('Bonjour\n\nOuvrir : https://badil.test/admin\n')
    expect(notificationBody('en', 'Hello', 'https://badil.test/admin', 'Open').text).toBe('Hello\n\nOpen: https://badil.test/admin\n')
    expect(notificationBody('ar', 'مرحبا', 'https://badil.test/admin', 'فتح').text).toBe('مرحبا\n\nفتح: https://badil.test/admin\n')
  })

  it('lays the HTML part right to left for Arabic only, with lines kept and markup escaped', () => {
    const arabic = notificationBody('ar', 'سطر\n<b>ثان</b>', 'https://badil.test/a?x=1&y="2"', 'فتح')
    expect(arabic.html).toBe(
      '<div dir="rtl" lang="ar"><p>سطر<br>&#60;b&#62;ثان&#60;/b&#62;</p><p><a href="https://badil.test/a?x=1&#38;y=&#34;2&#34;">فتح</a></p></div>',
    )
    expect(notificationBody('fr', 'x', 'https://badil.test', 'y').html.startsWith('<div dir="ltr" lang="fr">')).toBe(true)
  })
})
