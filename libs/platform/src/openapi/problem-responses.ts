import type { OpenAPIObject } from '@nestjs/swagger';
import type { OperationObject, ResponseObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

const PROBLEM_SCHEMA = {
  type: 'object',
  description: 'RFC 9457 Problem Details. `detail` ist für Menschen (Deutsch), `type` für Programme.',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string', format: 'uri-reference', examples: ['https://bildungsraum.eu/problems/validation-failed'] },
    title: { type: 'string', examples: ['Validation Failed'] },
    status: { type: 'integer', examples: [400] },
    detail: { type: 'string' },
    instance: { type: 'string', examples: ['/needs'] },
    correlationId: { type: 'string', description: 'Bei Rückfragen angeben / quote it in support requests' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'pointer', 'in', 'messages'],
        properties: {
          field: { type: 'string', examples: ['address.postalCode'] },
          pointer: { type: 'string', examples: ['#/address/postalCode'] },
          in: { type: 'string', enum: ['body', 'query', 'path'] },
          messages: { type: 'array', items: { type: 'string' } },
        },
      },
    },
  },
  additionalProperties: true,
};

const RESPONSES: Record<string, string> = {
  BadRequest: 'Ungültige Anfrage (fehlerhaftes JSON, unbekannte oder ungültige Felder) / invalid request',
  Unauthenticated: 'Token fehlt, ist ungültig oder abgelaufen / missing, invalid or expired token',
  Forbidden: 'Keine Berechtigung / not allowed',
  PayloadTooLarge: 'Anfragekörper zu groß / body too large',
  UnsupportedMediaType: 'Nur application/json / JSON only',
  TooManyRequests: 'Rate-Limit überschritten, siehe Retry-After / rate limited',
  Problem: 'Fehler als RFC 9457 Problem Details / any error',
};

function problemResponse(description: string): ResponseObject {
  return { description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } } };
}

const ref = (name: string) => ({ $ref: `#/components/responses/${name}` });

/**
 * Every error is problem+json, so the document says so: a shared ProblemDetails schema and, per
 * operation, the responses the platform itself may give (401/403 when secured, 400/413/415 with a
 * body, 429 when public) plus `default` for everything else. Explicit @ApiResponse entries win.
 */
export function documentProblemResponses(document: OpenAPIObject): OpenAPIObject {
  document.components ??= {};
  (document.components.schemas ??= {}).ProblemDetails = PROBLEM_SCHEMA;
  const responses = (document.components.responses ??= {});
  for (const [name, description] of Object.entries(RESPONSES)) responses[name] = problemResponse(description);

  for (const pathItem of Object.values(document.paths)) {
    for (const [method, value] of Object.entries(pathItem)) {
      if (!['get', 'put', 'post', 'delete', 'patch'].includes(method)) continue;
      const operation = value as OperationObject;
      const isPublic = Array.isArray(operation.security) && operation.security.length === 0;
      const add = (status: string, name: string) => (operation.responses[status] ??= ref(name));
      if (operation.requestBody) {
        add('400', 'BadRequest');
        add('413', 'PayloadTooLarge');
        add('415', 'UnsupportedMediaType');
      } else if ((operation.parameters ?? []).length > 0) {
        add('400', 'BadRequest');
      }
      if (isPublic) add('429', 'TooManyRequests');
      else {
        add('401', 'Unauthenticated');
        add('403', 'Forbidden');
      }
      add('default', 'Problem');
    }
  }
  return document;
}
