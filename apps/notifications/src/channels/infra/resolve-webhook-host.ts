import { lookup } from 'node:dns/promises';
import { UnprocessableProblem } from '@bildungsraum/platform';
import { isPrivateAddress, webhookUrlProblem } from '../domain/address-guard';

const URL_PROBLEMS = {
  malformed: 'url ist keine gültige URL / url is not a valid URL',
  scheme: 'url muss mit http:// oder https:// beginnen / url must use http or https',
  credentials: 'url darf keine Zugangsdaten enthalten / url must not contain credentials',
  too_long: 'url ist zu lang (höchstens 2048 Zeichen) / url is too long (2048 characters at most)',
};

/** Refuses bad webhook URLs with a clear 422 before anything is stored. */
export async function assertDeliverableWebhookUrl(raw: string, allowPrivate: boolean): Promise<void> {
  const problem = webhookUrlProblem(raw);
  if (problem) throw new UnprocessableProblem(URL_PROBLEMS[problem], { code: `webhook_url_${problem}` });
  const host = new URL(raw).hostname.replace(/^\[|\]$/g, '');
  const addresses = await lookup(host, { all: true }).catch(() => []);
  if (!addresses.length) throw new UnprocessableProblem(`Der Host ${host} ist nicht auflösbar / host ${host} does not resolve`, { code: 'webhook_host_unresolvable' });
  if (!allowPrivate && addresses.some((entry) => isPrivateAddress(entry.address))) {
    throw new UnprocessableProblem(`Der Host ${host} zeigt auf eine private oder Loopback-Adresse / host ${host} resolves to a private or loopback address`, { code: 'webhook_address_private' });
  }
}
