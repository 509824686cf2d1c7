import { App, Stack, aws_lambda as lambda, aws_sqs as sqs } from 'aws-cdk-lib';
import { DeploymentStage } from 'cdk-cloud-patterns';
import { AcmeBucket, AcmeFunction, AcmeRequiredTagsCheck, AcmeTable, AcmeTags } from '../lib';

/** The handler of the platform stack's function (inline: the fixture ships no bundle). */
export const TEAM_HANDLER = 'exports.handler = async () => ({ statusCode: 200 });';

/** Same env as the reference app. */
export const PLATFORM_ENV = { account: '123456789012', region: 'us-east-1' };
export const PLATFORM_STAGES = [DeploymentStage.PROD, DeploymentStage.DEV];

/** CloudPatterns-PlatformLib-<Prod|Dev>: the stacks the Python app builds with the Python package too. */
export function platformStackName(stage: DeploymentStage): string {
  return `CloudPatterns-PlatformLib-${stage === DeploymentStage.PROD ? 'Prod' : 'Dev'}`;
}

/** Builds the platform stack for `stage` with the ACME constructs (test/apps/python/stacks/platform.py in Python). */
export function buildPlatformStack(stack: Stack, stage: DeploymentStage): void {
  new sqs.Queue(stack, 'TeamQueue', { encryption: sqs.QueueEncryption.SQS_MANAGED, enforceSSL: true });
  new AcmeFunction(stack, 'TeamFunction', {
    serviceName: 'team-api',
    code: lambda.Code.fromInline(TEAM_HANDLER),
    handler: 'index.handler',
    stage,
  });
  new AcmeBucket(stack, 'TeamBucket', { stage });
  new AcmeTable(stack, 'TeamTable', {
    stage,
    entities: [{ name: 'Team', partitionKey: 'TEAM#{teamId}', sortKey: 'PROFILE' }],
    accessPatterns: [{ name: 'Get a team', partitionKey: 'TEAM#{teamId}' }],
  });
  AcmeTags.apply(stack, { service: 'platform-lib', stage });
}

/** The platform app: both stages, each checked by AcmeRequiredTagsCheck (a missing tag is an error). */
export function buildPlatformApp(outdir?: string): App {
  const app = new App({ outdir });
  for (const stage of PLATFORM_STAGES) {
    const stack = new Stack(app, platformStackName(stage), { env: PLATFORM_ENV });
    buildPlatformStack(stack, stage);
    AcmeRequiredTagsCheck.addTo(stack);
  }
  return app;
}
