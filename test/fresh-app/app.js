/**
 * A new user's app (issues 9 and 21): `cdk-cloud-patterns` installed from the packed tarball next to
 * one aws-cdk-lib release (run.sh: the floor, the pinned and the newest), every exported construct
 * built with its minimal call, with no flags and with that release's recommended flags (what
 * `cdk init` writes into cdk.json), and, with FRESH_APP_NAG=required (the pinned and the newest),
 * checked with cdk-nag 3's AwsSolutions and Serverless packs: 0 findings. Prints one JSON line per
 * case; FRESH_APP_ROLE labels the release (floor, pinned, newest).
 *
 * Plain JavaScript on purpose: it runs in a temporary directory with nothing but the installed
 * packages (see run.sh). To add a construct, add one entry to CONSTRUCTS
 * (test/core/construct-registry.test.ts checks every exported construct has one).
 */
const cdk = require('aws-cdk-lib');
const { CURRENTLY_RECOMMENDED_FLAGS } = require('aws-cdk-lib/cx-api');
const lambda = require('aws-cdk-lib/aws-lambda');
const ecs = require('aws-cdk-lib/aws-ecs');
const patterns = require('cdk-cloud-patterns');

/**
 * Each construct's minimal call. `allowed`: rule-pack findings that are the user's choice, not the
 * construct's (an older Python runtime picked on purpose).
 */
const CONSTRUCTS = [
  {
    name: 'PowertoolsFunction (Node.js)',
    exports: ['PowertoolsFunction', 'PatternHandlers'],
    build: (s) => new patterns.PowertoolsFunction(s, 'Fn', {
      serviceName: 'orders', handler: 'index.handler', code: patterns.PatternHandlers.ordersApi(),
    }),
  },
  {
    // a Python function must name its runtime: the minimal call takes the library's newest
    name: 'PowertoolsFunction (Python, newestPython())',
    exports: ['PowertoolsFunction', 'PowertoolsRuntimes'],
    build: (s) => new patterns.PowertoolsFunction(s, 'Fn', {
      serviceName: 'orders', runtime: patterns.PowertoolsRuntimes.newestPython(), handler: 'index.handler',
      code: lambda.Code.fromInline('def handler(event, context):\n    return {"statusCode": 200}\n'),
    }),
  },
  {
    name: 'PowertoolsFunction (Python 3.13, pinned by the user)',
    exports: ['PowertoolsFunction'],
    build: (s) => new patterns.PowertoolsFunction(s, 'Fn', {
      serviceName: 'orders', runtime: lambda.Runtime.PYTHON_3_13, handler: 'index.handler',
      code: lambda.Code.fromInline('def handler(event, context):\n    return {"statusCode": 200}\n'),
    }),
    // an older runtime the user picked stays reported (the construct acknowledges only the newest)
    allowed: ['AwsSolutions-L1', 'Serverless-LambdaLatestVersion'],
  },
  { name: 'SingleTable', exports: ['SingleTable'], build: (s) => new patterns.SingleTable(s, 'Table') },
  { name: 'SecureBucket', exports: ['SecureBucket'], build: (s) => new patterns.SecureBucket(s, 'Bucket') },
  {
    name: 'PresignedUrlIssuer',
    exports: ['PresignedUrlIssuer', 'SecureBucket'],
    build: (s) => new patterns.PresignedUrlIssuer(s, 'Urls', { bucket: new patterns.SecureBucket(s, 'Bucket') }),
  },
  { name: 'AccessAnalyzer', exports: ['AccessAnalyzer'], build: (s) => new patterns.AccessAnalyzer(s, 'Analyzer') },
  { name: 'CostAnomalyMonitor', exports: ['CostAnomalyMonitor'], build: (s) => new patterns.CostAnomalyMonitor(s, 'Costs', { emails: ['ops@example.com'] }) },
  { name: 'EventBusWithArchive', exports: ['EventBusWithArchive'], build: (s) => new patterns.EventBusWithArchive(s, 'AppBus') },
  {
    name: 'FargateBlueGreenService',
    exports: ['FargateBlueGreenService'],
    build: (s) => new patterns.FargateBlueGreenService(s, 'Service', {
      image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), containerPort: 80,
    }),
  },
  { name: 'GitHubOidcRole', exports: ['GitHubOidcRole'], build: (s) => new patterns.GitHubOidcRole(s, 'Deploy', { repository: 'myorg/myrepo', branches: ['main'] }) },
  { name: 'AccountGuardrails', exports: ['AccountGuardrails'], build: (s) => new patterns.AccountGuardrails(s, 'Guardrails', { team: 'payments', alertEmails: ['ops@example.com'] }) },
];

// cdk-nag 3 needs a newer aws-cdk-lib than the floor: run.sh installs it on the pinned and the newest
// only, and says so (FRESH_APP_NAG=required); there a missing cdk-nag fails, it never skips.
const nag = process.env.FRESH_APP_NAG === 'required' ? require('cdk-nag') : undefined;
const role = process.env.FRESH_APP_ROLE || 'unlabelled';

const FLAG_SETS = { none: {}, recommended: CURRENTLY_RECOMMENDED_FLAGS };

function runCase(construct, flags) {
  const missing = construct.exports.filter((e) => !(e in patterns));
  if (missing.length > 0) return { status: 'error', detail: `the tarball does not export ${missing.join(', ')}: rebuild it (npx projen compile && npx projen package:js)` };
  const app = new cdk.App({ context: FLAG_SETS[flags], outdir: require('fs').mkdtempSync(require('path').join(require('os').tmpdir(), 'fresh-app-')) });
  const stack = new cdk.Stack(app, 'FreshStack'); // environment-agnostic, as `cdk init` writes it
  try {
    construct.build(stack);
    app.synth();
  } catch (e) {
    return { status: 'error', detail: String(e && e.message ? e.message : e).split('\n').slice(0, 3).join(' ') };
  }
  if (!nag) return { status: 'ok', detail: 'synthesized (no cdk-nag)' };
  const findings = [];
  for (const pack of [new nag.AwsSolutionsChecks(), new nag.ServerlessChecks()]) {
    for (const v of pack.validateScope(stack).violations) {
      for (const r of v.violatingResources) findings.push(`${v.ruleName} at ${r.constructPath || r.resourceLogicalId}`);
    }
  }
  const allowed = construct.allowed || [];
  const unexpected = findings.filter((f) => !allowed.includes(f.split(' ')[0]));
  if (unexpected.length > 0) return { status: 'findings', detail: unexpected.join('; ') };
  return { status: 'ok', detail: findings.length ? `allowed: ${findings.join('; ')}` : '0 findings (AwsSolutions, Serverless)' };
}

const version = require('aws-cdk-lib/package.json').version;
for (const construct of CONSTRUCTS) {
  for (const flags of Object.keys(FLAG_SETS)) {
    const result = runCase(construct, flags);
    console.log(JSON.stringify({ construct: construct.name, version, role, flags, nag: Boolean(nag), ...result }));
  }
}
