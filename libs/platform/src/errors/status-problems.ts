import { STATUS_CODES } from 'node:http';
import { PROBLEM_TYPES } from './problem-details';

interface StatusProblem {
  type: string;
  title: string;
  detail: string;
}

/** How plain HttpExceptions (from Nest, guards, libraries) are presented; German details for people. */
const BY_STATUS: Record<number, StatusProblem> = {
  400: { type: PROBLEM_TYPES.badRequest, title: 'Bad Request', detail: 'Die Anfrage ist ungültig.' },
  401: { type: PROBLEM_TYPES.unauthenticated, title: 'Unauthenticated', detail: 'Anmeldung erforderlich: Bitte ein gültiges Bearer-Token senden.' },
  403: { type: PROBLEM_TYPES.forbidden, title: 'Forbidden', detail: 'Für diese Aktion fehlt die Berechtigung.' },
  404: { type: PROBLEM_TYPES.notFound, title: 'Not Found', detail: 'Die angeforderte Ressource wurde nicht gefunden.' },
  409: { type: PROBLEM_TYPES.conflict, title: 'Conflict', detail: 'Die Anfrage steht im Konflikt mit dem aktuellen Zustand der Ressource.' },
  413: { type: PROBLEM_TYPES.payloadTooLarge, title: 'Payload Too Large', detail: 'Der Anfragekörper ist zu groß.' },
  415: { type: PROBLEM_TYPES.unsupportedMediaType, title: 'Unsupported Media Type', detail: 'Dieses Format wird nicht angenommen; bitte application/json senden.' },
  422: { type: PROBLEM_TYPES.unprocessable, title: 'Unprocessable Content', detail: 'Die Anfrage ist formal korrekt, verletzt aber eine fachliche Regel.' },
  429: { type: PROBLEM_TYPES.rateLimited, title: 'Too Many Requests', detail: 'Zu viele Anfragen. Bitte etwas warten und es dann erneut versuchen (siehe Retry-After).' },
  503: { type: PROBLEM_TYPES.unavailable, title: 'Service Unavailable', detail: 'Der Dienst ist vorübergehend nicht verfügbar. Bitte später erneut versuchen.' },
  500: { type: PROBLEM_TYPES.internal, title: 'Internal Server Error', detail: 'Ein unerwarteter Fehler ist aufgetreten. Bei Rückfragen bitte die correlationId angeben.' },
};

export function problemForStatus(status: number): StatusProblem {
  const known = BY_STATUS[status];
  if (known) return known;
  if (status >= 500) return { ...BY_STATUS[500], title: STATUS_CODES[status] ?? BY_STATUS[500].title };
  return { type: PROBLEM_TYPES.generic, title: STATUS_CODES[status] ?? 'Error', detail: `Die Anfrage konnte nicht verarbeitet werden (HTTP ${status}).` };
}
