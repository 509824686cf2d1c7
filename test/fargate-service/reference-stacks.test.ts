/**
 * cdk-nag, all five packs, over the two FargateBlueGreenService reference stacks (ECS-native and
 * CodeDeploy), both stages, with the stack file's acknowledgements: no finding is left (errors or
 * warnings), and every acknowledgement is used in each stage.
 */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { DeploymentStage } from '../../src';
import { runRulePacks } from '../reference-app/analysis';
import { applyAcknowledgements, REFERENCE_ENV } from '../reference-app/app';
import { fargateCodeDeployStack, fargateServiceStack } from '../reference-app/stacks/fargate-service';

describe.each([fargateServiceStack, fargateCodeDeployStack])('reference stack $name', (spec) => {
  test.each([DeploymentStage.PROD, DeploymentStage.DEV])('[ECS-4] %s: no finding of the five packs is left, every acknowledgement is used', (stage) => {
    const app = new App();
    const stack = new Stack(app, `${spec.name}-${stage}`, { env: REFERENCE_ENV });
    spec.build(stack, stage);
    const applied = applyAcknowledgements(stack, spec);
    app.synth();
    expect(runRulePacks(stack).map((f) => `${f.pack} ${f.severity} ${f.rule} at ${f.constructPath}`)).toEqual([]);
    expect(applied).toHaveLength(spec.acknowledgements.length);
  });
});

test('[ECS-4] the CodeDeploy stack meets the regulated log and WAF rules by options, not acknowledgements', () => {
  const ids = fargateCodeDeployStack.acknowledgements.map((a) => a.id);
  expect(ids.filter((id) => /CloudWatchLogGroupEncrypted|ALBWAFEnabled/.test(id))).toEqual([]);
  const stack = new Stack(new App(), 'CD', { env: REFERENCE_ENV });
  fargateCodeDeployStack.build(stack, DeploymentStage.PROD);
  const template = Template.fromStack(stack);
  template.resourceCountIs('AWS::WAFv2::WebACLAssociation', 1);
  for (const lg of Object.values(template.findResources('AWS::Logs::LogGroup'))) {
    expect(lg.Properties.KmsKeyId).toBeDefined();
  }
});
