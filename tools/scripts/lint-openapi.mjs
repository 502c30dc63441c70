#!/usr/bin/env node
// `npm run lint:openapi`: the Redocly lint step of `npm test` on its own (docs/api/*.openapi.json).
import { validateOpenApiDocuments } from './lib/validate-openapi.mjs';

const failed = await validateOpenApiDocuments();
process.exitCode = failed ? 1 : 0;
