module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'funding',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.test.ts'],
};
