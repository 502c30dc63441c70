import { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { buildOpenApiDocument, OpenApiOptions, writeOpenApiDocument } from './openapi';

/**
 * The body of every service's `scripts/write-openapi.ts`: builds the app module offline (no
 * server, no connections), writes its OpenAPI document to `file` and reports; on failure it
 * prints the error and exits 1. The services' drift tests compare this file with what they serve.
 */
export async function writeServiceOpenApi(docsModule: Type, options: OpenApiOptions & { file: string }): Promise<void> {
  try {
    // abortOnError: false – otherwise Nest exits on a missing provider before the catch below can
    // print which one (the logger is off), and the script fails without a word.
    const app = await NestFactory.create(docsModule, { logger: false, abortOnError: false });
    await app.init();
    const document = buildOpenApiDocument(app, options);
    await writeOpenApiDocument(document, options.file);
    await app.close();
    process.stdout.write(`OpenAPI written to ${options.file} (${Object.keys(document.paths).length} paths)\n`);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  }
}
