module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'platform-e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  // Five services start as processes before the first test: generous on a loaded 2-core machine.
  testTimeout: 300_000,
};
