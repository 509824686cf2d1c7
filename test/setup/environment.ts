/**
 * Jest set-up (`setupFiles`, before every test file).
 *
 * aws-cdk-lib (2.27x) validates every synthesized template with a built-in CloudFormation
 * validator, a WASM engine that takes ~100 ms to start per App and only prints warnings. The unit
 * tests synthesize hundreds of Apps and assert nothing it says: with it on, it was 40 % of the
 * suite's time (issue #15, `--cpu-prof`). It stays on where a person reads it, in
 * `npx projen demo`; in the tests, cfn-lint checks every reference template
 * (test/reference-app/reference-app.test.ts).
 */
process.env.CDK_VALIDATION = 'false';
