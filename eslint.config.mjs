// Lint rules for the whole workspace. The module boundaries below are the architecture's
// dependency rules (ARCHITECTURE.md §2), enforced rather than hoped for.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const frameworkImports = ['@nestjs/*', 'typeorm', 'pg', '@nats-io/*', 'express', 'pino', 'pino-http'];


/**
 * The architecture's dependency rules (ARCHITECTURE.md §2). Tests may additionally use the
 * test harness; production code may not.
 */
function moduleBoundaries({ forTests }) {
  const withHarness = (tags) => (forTests ? [...tags, 'type:testing'] : tags);
  return {
    enforceBuildableLibDependency: false,
    allow: [],
    depConstraints: [
      // Contracts are what other teams integrate with: no framework, no other lib.
      { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: withHarness([]), bannedExternalImports: forTests ? [] : frameworkImports },
      { sourceTag: 'type:domain', onlyDependOnLibsWithTags: withHarness(['type:contracts']), bannedExternalImports: forTests ? [] : frameworkImports },
      // The platform maps domain errors to problem responses: outer layer → inner, never back.
      { sourceTag: 'type:platform', onlyDependOnLibsWithTags: withHarness(['type:contracts', 'type:domain']) },
      // Tests of one infra lib prove guarantees end to end with the other (outbox relay → JetStream).
      { sourceTag: 'type:infra', onlyDependOnLibsWithTags: withHarness(forTests ? ['type:contracts', 'type:platform', 'type:infra'] : ['type:contracts', 'type:platform']) },
      { sourceTag: 'type:reference', onlyDependOnLibsWithTags: withHarness(['type:contracts']) },
      { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:contracts', 'type:platform', 'type:infra', 'type:reference', 'type:domain'] },
      // Apps depend on libs only, never on another app.
      { sourceTag: 'type:app', onlyDependOnLibsWithTags: withHarness(['type:contracts', 'type:domain', 'type:platform', 'type:infra', 'type:reference']) },
      // The end-to-end story drives the services over HTTP and watches NATS, SMTP and webhooks:
      // it may use the contracts and the test harness, never an app's (or any other lib's) code.
      { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:contracts', 'type:testing'] },
      { sourceTag: 'type:bench', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:platform', 'type:infra', 'type:reference', 'type:testing'] },
      // Each service owns its data: a scope sees shared libs and itself only.
      { sourceTag: 'scope:partners', onlyDependOnLibsWithTags: ['scope:shared', 'scope:partners'] },
      { sourceTag: 'scope:needs', onlyDependOnLibsWithTags: ['scope:shared', 'scope:needs'] },
      { sourceTag: 'scope:catalogue', onlyDependOnLibsWithTags: ['scope:shared', 'scope:catalogue'] },
      { sourceTag: 'scope:matching', onlyDependOnLibsWithTags: ['scope:shared', 'scope:matching'] },
      { sourceTag: 'scope:notifications', onlyDependOnLibsWithTags: ['scope:shared', 'scope:notifications'] },
      { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:shared'] },
      { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
    ],
  };
}

const testFiles = ['**/test/**/*.ts', '**/*.spec.ts'];

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', '**/tmp/**', '.data/**', '.nx/**', 'coverage/**'] },
  ...tseslint.configs.recommended.map((config) => ({ ...config, files: ['**/*.ts'] })),
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@nx/enforce-module-boundaries': ['error', moduleBoundaries({ forTests: false })],
    },
  },
  {
    // Production code never reaches for the test harness.
    files: ['apps/*/src/**/*.ts', 'libs/*/src/**/*.ts'],
    ignores: ['**/*.spec.ts', 'libs/testing/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: '@bildungsraum/testing', message: 'The test harness is for tests only.' }] }],
    },
  },
  {
    // Domain rules stay free of framework code (ARCHITECTURE.md §2). Comes after the rule above
    // because flat config lets the last matching block decide a rule's options.
    files: ['apps/*/src/**/domain/**/*.ts', 'libs/*/src/**/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: '@bildungsraum/testing', message: 'The test harness is for tests only.' }], patterns: frameworkImports.map((group) => ({ group: [group], message: 'domain/ holds pure rules: no framework or I/O imports.' })) }],
    },
  },
  {
    files: testFiles,
    rules: { '@nx/enforce-module-boundaries': ['error', moduleBoundaries({ forTests: true })] },
  },
];
