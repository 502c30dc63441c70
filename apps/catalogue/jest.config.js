module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'catalogue',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.test.ts'],
};
