// The fixture platform library's own tests (the root jest config ignores test/platform-lib/).
// They run against the jsii-compiled lib/ and cdk-cloud-patterns from dist/js (see build.sh).
module.exports = {
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: { module: 'commonjs', target: 'ES2022', esModuleInterop: true, isolatedModules: true } }],
  },
  testTimeout: 120000,
};
