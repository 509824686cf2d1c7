/**
 * Jest set-up: with `CDK_TEST_FLAGS=recommended`, every `new App()` (and every `new Stack()` without
 * an app) of the test file gets the feature flags aws-cdk-lib recommends for new projects, the ones
 * `cdk init` writes into cdk.json. They are read from the installed aws-cdk-lib at test time (never
 * copied), so an upgrade brings its new flags into this run.
 *
 * App reads extra context from the CDK_CONTEXT_JSON environment variable (cx-api CONTEXT_ENV). That
 * context wins over `new App({ context })`, as `cdk.json` does; a test that needs a flag off sets it
 * with `postCliContext` or `node.setContext` after construction.
 */
import { CONTEXT_ENV, CURRENTLY_RECOMMENDED_FLAGS } from 'aws-cdk-lib/cx-api';

const mode = process.env.CDK_TEST_FLAGS;
if (mode === 'recommended') {
  // on top of the context test/setup/environment.ts put there
  const context = JSON.parse(process.env[CONTEXT_ENV] ?? '{}');
  process.env[CONTEXT_ENV] = JSON.stringify({ ...context, ...CURRENTLY_RECOMMENDED_FLAGS });
} else if (mode !== undefined && mode !== '' && mode !== 'none') {
  throw new Error(`CDK_TEST_FLAGS: received ${mode}; allowed: recommended, none (or unset)`);
}
