import { writeFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { PUBLIC_OPENAPI_EXTENSION } from '../auth/decorators';
import { documentProblemResponses } from './problem-responses';
import { nullableAsType } from './nullable-as-type';
import { pruneUnusedSchemas } from './prune-unused-schemas';
import { documentRawRequestBodies } from './raw-request-body';
import { describeDtosFromValidation } from './validation-schemas';

export interface OpenApiOptions {
  serviceName: string;
  version?: string;
  description?: string;
}

/** The licence of Bildungsraum's code and API descriptions (package.json). */
const LICENSE = { name: 'EUPL-1.2', url: 'https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12' };

/** The service's API description; a bearer scheme applies to every operation except @Public ones (documented per route). */
export function buildOpenApiDocument(app: INestApplication, options: OpenApiOptions): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle(`Bildungsraum – ${options.serviceName}`)
    .setDescription(options.description ?? `HTTP-API des Dienstes ${options.serviceName}. Fehler: RFC 9457 (application/problem+json).`)
    .setVersion(options.version ?? '0.1.0')
    .setLicense(LICENSE.name, LICENSE.url)
    // Relative: the API is served by the host that serves this document (GET /docs/openapi.json),
    // whatever a deployment calls it; the published file names no environment.
    .addServer('/', 'Dieser Dienst / this service')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
    .addSecurityRequirements('bearer')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  return nullableAsType(pruneUnusedSchemas(documentProblemResponses(documentRawRequestBodies(describeDtosFromValidation(markPublicOperations(document))))));
}

/** @Public() operations override the global bearer requirement with "no security needed". */
function markPublicOperations(document: OpenAPIObject): OpenAPIObject {
  for (const pathItem of Object.values(document.paths)) {
    for (const operation of Object.values(pathItem)) {
      if (operation && typeof operation === 'object' && PUBLIC_OPENAPI_EXTENSION in operation) {
        const marked = operation as Record<string, unknown>;
        marked.security = [];
        delete marked[PUBLIC_OPENAPI_EXTENSION];
      }
    }
  }
  return document;
}

/** Serves the UI at /docs and the document at /docs/openapi.json. */
export function serveOpenApi(app: INestApplication, document: OpenAPIObject): void {
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json', yamlDocumentUrl: 'docs/openapi.yaml' });
}

/** For `docs/api/<service>.openapi.json`: build the app (no listen), then write. */
export async function writeOpenApiDocument(document: OpenAPIObject, file: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(document, null, 2)}\n`, 'utf8');
}
