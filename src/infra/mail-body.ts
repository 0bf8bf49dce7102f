/**
 * The text and HTML parts of a notification e-mail: a message and one link, laid out right to left
 * for Arabic readers. Every e-mail Badil sends to its staff is built here, so they all look alike.
 */
export type MailBody = { text: string; html: string }

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`)
}

export function notificationBody(language: 'fr' | 'ar' | 'en', message: string, link: string, linkLabel: string): MailBody {
  // French typography puts a space before the colon; Arabic and English do not.
  const separator = language === 'fr' ? ' : ' : ': '
  return {
    text: `${message}\n\n${linkLabel}${separator}${link}\n`,
    html:
      `<div dir="${language === 'ar' ? 'rtl' : 'ltr'}" lang="${language}">` +
      `<p>${escapeHtml(message).replace(/\n/g, '<br>')}</p>` +
      `<p><a href="${escapeHtml(link)}">${escapeHtml(linkLabel)}</a></p></div>`,
  }
}
