import { ApiExtension } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';

const RAW_REQUEST_BODY_EXTENSION = 'x-bildungsraum-raw-request-body';

interface RawRequestBodyDoc {
  mediaType: string;
  description: string;
}

/**
 * Documents that an operation also takes its body raw in `mediaType` (see `RawBodyRoute`): the
 * document then lists that media type beside JSON, as a string, with `description`.
 */
export const ApiRawRequestBody = (mediaType: string, description: string): MethodDecorator =>
  ApiExtension(RAW_REQUEST_BODY_EXTENSION, { mediaType, description } satisfies RawRequestBodyDoc);

export function documentRawRequestBodies(document: OpenAPIObject): OpenAPIObject {
  for (const pathItem of Object.values(document.paths)) {
    for (const operation of Object.values(pathItem)) {
      if (!operation || typeof operation !== 'object' || !(RAW_REQUEST_BODY_EXTENSION in operation)) continue;
      const marked = operation as Record<string, unknown> & { requestBody?: { content?: Record<string, unknown> } };
      const raw = marked[RAW_REQUEST_BODY_EXTENSION] as RawRequestBodyDoc;
      delete marked[RAW_REQUEST_BODY_EXTENSION];
      if (marked.requestBody?.content) marked.requestBody.content[raw.mediaType] = { schema: { type: 'string', description: raw.description } };
    }
  }
  return document;
}
