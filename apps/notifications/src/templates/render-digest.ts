import { Language, Message } from './messages';
import { renderEmail, RenderedEmail } from './render-email';

const TITLE: Record<Language, (count: number) => string> = {
  de: (count) => `Ihre tägliche Zusammenfassung: ${count} ${count === 1 ? 'Neuigkeit' : 'Neuigkeiten'}`,
  en: (count) => `Your daily digest: ${count} ${count === 1 ? 'update' : 'updates'}`,
};

/** One email for the day's messages of a digest subscription: each message a titled section. */
export function renderDigest(messages: Message[], language: Language): RenderedEmail {
  const body = messages.map((message) => `■ ${message.title}\n${message.body}`).join('\n');
  return renderEmail({ title: TITLE[language](messages.length), body }, language);
}
