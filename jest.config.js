/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  // Suites start servers and talk to Redis; two workers match the two cores.
  maxWorkers: 2,
  // A bound that catches a hung test, not a speed check: suites start servers and child
  // processes, and the shared two-core machines have run at load 13+.
  testTimeout: 60000,
};
