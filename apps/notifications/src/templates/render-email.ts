import { Language, Message } from './messages';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const FOOTER: Record<Language, string> = {
  de: 'Sie erhalten diese Nachricht, weil Ihre Organisation Benachrichtigungen von Bildungsraum abonniert hat.',
  en: 'You receive this message because your organisation subscribed to Bildungsraum notifications.',
};

/** Plain text and HTML of one message; every value from an event is escaped in the HTML part. */
export function renderEmail(message: Message, language: Language): RenderedEmail {
  const paragraphs = message.body.split('\n').filter((line) => line.trim());
  return {
    subject: `[Bildungsraum] ${message.title}`,
    text: `${message.title}\n\n${paragraphs.join('\n\n')}\n\n-- \n${FOOTER[language]}\n`,
    html: `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(message.title)}</title></head><body><h1>${escapeHtml(message.title)}</h1>${paragraphs
      .map((line) => `<p>${escapeHtml(line)}</p>`)
      .join('')}<hr><p><small>${escapeHtml(FOOTER[language])}</small></p></body></html>`,
  };
}
