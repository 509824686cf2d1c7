/**
 * The seven constructs, each next to the same checklist written in plain aws-cdk-lib
 * (test/benchmarks/plain/), as the synthesis benchmark builds them: construct `i` of n in one stack.
 */
import { Stack, aws_certificatemanager as acm, aws_ecs as ecs, aws_iam as iam } from 'aws-cdk-lib';
import {
  AccountGuardrails,
  EventBusWithArchive,
  FargateBlueGreenService,
  GitHubOidcRole,
  PatternHandlers,
  PowertoolsFunction,
  SecureBucket,
  SingleTable,
} from '../../src';
import { plainAccountGuardrails, plainRequiredTags } from './plain/account-guardrails';
import { plainEventBus } from './plain/event-bus';
import { plainFargateService } from './plain/fargate-service';
import { plainGitHubOidcProvider, plainGitHubOidcRole } from './plain/github-oidc';
import { plainPowertoolsFunction } from './plain/powertools-function';
import { plainSecureBucket } from './plain/secure-bucket';
import { plainSingleTable } from './plain/single-table';

/** One construct and its plain twin: `build(stack, i)` adds the i-th of n to the stack. */
export interface SynthCase {
  readonly name: string;
  readonly ours: (stack: Stack, i: number) => void;
  readonly plain: (stack: Stack, i: number) => void;
}

const IMAGE = 'public.ecr.aws/nginx/nginx:1.27';
const CERTIFICATE = 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555';
const certificate = (stack: Stack, i: number) => acm.Certificate.fromCertificateArn(stack, `Certificate${i}`, CERTIFICATE);

/** A stack-wide singleton of the plain version (what a user writes once per stack). */
function once<T>(stack: Stack, id: string, make: () => T): T {
  const existing = stack.node.tryFindChild(id);
  return (existing as unknown as T) ?? make();
}

export const SYNTH_CASES: SynthCase[] = [
  {
    name: 'PowertoolsFunction',
    ours: (stack, i) => new PowertoolsFunction(stack, `Fn${i}`, { serviceName: 'orders', code: PatternHandlers.ordersApi(), handler: PatternHandlers.HANDLER }),
    plain: (stack, i) => plainPowertoolsFunction(stack, `Fn${i}`, { serviceName: 'orders', code: PatternHandlers.ordersApi() }),
  },
  {
    name: 'SingleTable',
    ours: (stack, i) => new SingleTable(stack, `Table${i}`),
    plain: (stack, i) => plainSingleTable(stack, `Table${i}`),
  },
  {
    name: 'SecureBucket',
    ours: (stack, i) => new SecureBucket(stack, `Bucket${i}`),
    plain: (stack, i) => plainSecureBucket(stack, `Bucket${i}`),
  },
  {
    name: 'EventBusWithArchive',
    ours: (stack, i) => new EventBusWithArchive(stack, `Bus${i}`),
    plain: (stack, i) => plainEventBus(stack, `Bus${i}`),
  },
  {
    name: 'FargateBlueGreenService',
    ours: (stack, i) => new FargateBlueGreenService(stack, `Service${i}`, {
      image: ecs.ContainerImage.fromRegistry(IMAGE),
      containerPort: 80,
      certificate: certificate(stack, i),
    }),
    plain: (stack, i) => plainFargateService(stack, `Service${i}`, { image: ecs.ContainerImage.fromRegistry(IMAGE), certificate: certificate(stack, i) }),
  },
  {
    name: 'GitHubOidcRole',
    ours: (stack, i) => new GitHubOidcRole(stack, `Role${i}`, { repository: 'myorg/myrepo', branches: ['main'] }),
    plain: (stack, i) => plainGitHubOidcRole(stack, `Role${i}`,
      once<iam.IOidcProvider>(stack, 'GitHubOidcProvider', () => plainGitHubOidcProvider(stack, 'GitHubOidcProvider')), 'myorg/myrepo', ['main']),
  },
  {
    name: 'AccountGuardrails',
    ours: (stack, i) => new AccountGuardrails(stack, `Guardrails${i}`, { team: 'platform', alertEmails: ['finops@example.com'] }),
    plain: (stack, i) => {
      // a user tags the stack once, however many guardrails it holds
      if (i === 0) plainRequiredTags(stack, 'platform', 'account-guardrails');
      plainAccountGuardrails(stack, `Guardrails${i}`, ['finops@example.com']);
    },
  },
];
