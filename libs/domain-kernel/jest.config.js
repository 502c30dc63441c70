module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'domain-kernel',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.test.ts'],
};
