/**
 * cdk-nag over a fresh app with only the minimal call: AwsSolutions and Serverless find nothing
 * (errors or warnings), in both blue/green modes and both stages. The reference stacks
 * (test/reference-app/stacks/fargate-service.ts) are judged by all five packs in the reference-app test.
 */
import { App, Stack } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { BlueGreenController, DeploymentStage, FargateBlueGreenService } from '../../src';
import { REFERENCE_ENV } from '../reference-app/app';

function findings(stack: Stack): string[] {
  return [new AwsSolutionsChecks(), new ServerlessChecks()].flatMap((pack) =>
    pack.validateScope(stack).violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} at ${r.constructPath}`)));
}

/** The minimal call (the controller only when it is not the default) in `stack`, and the findings. */
function minimalCallFindings(stack: Stack, deploymentController: BlueGreenController): string[] {
  new FargateBlueGreenService(stack, 'Api', {
    image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'),
    containerPort: 80,
    ...(deploymentController === BlueGreenController.CODE_DEPLOY ? { deploymentController } : {}),
  });
  App.of(stack)!.synth();
  return findings(stack);
}

describe.each([BlueGreenController.ECS_NATIVE, BlueGreenController.CODE_DEPLOY])('the minimal call (%s)', (deploymentController) => {
  test.each([DeploymentStage.PROD, DeploymentStage.DEV])('[ECS-4] %s: 0 AwsSolutions and 0 Serverless findings', (stage) => {
    const app = new App({ context: { env: stage === DeploymentStage.DEV ? 'dev' : 'prod' } });
    expect(minimalCallFindings(new Stack(app, 'Minimal', { env: REFERENCE_ENV }), deploymentController)).toEqual([]);
  });
});

test.each([BlueGreenController.ECS_NATIVE, BlueGreenController.CODE_DEPLOY])('[ECS-4] an environment-agnostic stack (cdk init), %s: 0 AwsSolutions and 0 Serverless findings', (deploymentController) => {
  expect(minimalCallFindings(new Stack(new App(), 'Minimal'), deploymentController)).toEqual([]);
});

test('[ECS-4] the construct acknowledges only what is inherent, each on its own resource', () => {
  const stack = new Stack(new App(), 'Minimal', { env: REFERENCE_ENV });
  new FargateBlueGreenService(stack, 'Api', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), containerPort: 80 });
  const acks = stack.node.findAll().flatMap((c) => c.node.metadata
    .filter((m) => m.type === 'aws:cdk:acknowledged-rules')
    .flatMap((m) => Object.keys(m.data))
    .filter((rule) => !rule.startsWith('CloudFormation-Validate')) // aws-cdk-lib's own
    .map((rule) => `${c.node.path.replace('Minimal/Api/', '')} ${rule.replace('Annotation::', '')}`));
  expect(acks.sort()).toEqual([
    'AccessLogs AwsSolutions-S1',
    'InfrastructureRole AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancers]',
    'LoadBalancerSecurityGroup/Resource AwsSolutions-EC23',
  ]);
});
