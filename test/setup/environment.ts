/**
 * Jest set-up (`setupFiles`, before every test file).
 *
 * aws-cdk-lib (2.27x) validates every synthesized template with a built-in CloudFormation
 * validator, a WASM engine that takes ~100 ms to start per App and only prints warnings. The unit
 * tests synthesize hundreds of Apps and assert nothing it says: with it on, it was 40 % of the
 * suite's time (issue #15, `--cpu-prof`). It stays on where a person reads it, in
 * `npx projen demo`; in the tests, cfn-lint checks every reference template
 * (test/reference-app/reference-app.test.ts).
 *
 * Creation stack traces: every CfnElement and Stack records the JavaScript stack that created it
 * (metadata `aws:cdk:creationStack`, read only by the CLI when it reports a deploy error). Under
 * jest each capture goes through jest's source-map call-site rewriting: it was 6 % of the suite's
 * CPU (issue #15, `--cpu-prof`), and no test reads it. The context key aws-cdk-lib checks
 * (`aws:cdk:disable-creation-stack-traces`) is given through CDK_CONTEXT_JSON, which every
 * `new App()` reads; test/setup/recommended-flags.ts adds to it, never replaces it.
 */
import { CONTEXT_ENV, DISABLE_CREATION_STACK_TRACES } from 'aws-cdk-lib/cx-api';

process.env.CDK_VALIDATION = 'false';
process.env[CONTEXT_ENV] = JSON.stringify({ [DISABLE_CREATION_STACK_TRACES]: true });
