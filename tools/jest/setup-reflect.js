// Decorators read and write metadata through the Reflect API; load it before any test module.
require('reflect-metadata');
