// Shared Jest settings for every project. SWC transpiles TypeScript with decorator
// metadata, which Nest's dependency injection and TypeORM's entity columns need.
const { resolve } = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

const root = __dirname;
const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias}$`, resolve(root, target)]),
);

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
          keepClassNames: true,
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  setupFiles: [resolve(root, 'tools/jest/setup-reflect.js')],
  reporters: ['default', resolve(root, 'tools/jest/summary-reporter.js')],
  testTimeout: 60_000,
};
