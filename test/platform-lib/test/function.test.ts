import { App, Stack, aws_kms as kms, aws_lambda as lambda } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AlarmRouting, DeploymentStage, PowertoolsFunction } from 'cdk-cloud-patterns';
import { AcmeDefaults, AcmeFunction } from '../lib';

const code = lambda.Code.fromInline('exports.handler = async () => ({});');
const env = { account: '123456789012', region: 'eu-west-1' };

function build(extra: Partial<ConstructorParameters<typeof AcmeFunction>[2]> = {}) {
  const stack = new Stack(new App(), 'S', { env });
  const fn = new AcmeFunction(stack, 'Fn', { serviceName: 'orders', code, handler: 'index.handler', stage: DeploymentStage.DEV, ...extra });
  return { stack, fn, template: Template.fromStack(stack) };
}

/**
 * The KMS keys of the function itself, without the library's alarm topic key: every stack whose
 * constructs create alarms gets one encrypted alarm topic (AlarmRouting), with its own key.
 */
function functionKeys(template: Template): string[] {
  const keys = Object.keys(template.findResources('AWS::KMS::Key'));
  const alarmTopicKeys = keys.filter((id) => id.startsWith(AlarmRouting.KEY_ID));
  expect(alarmTopicKeys).toHaveLength(1);
  return keys.filter((id) => !alarmTopicKeys.includes(id));
}

describe('AcmeFunction', () => {
  test('is a PowertoolsFunction: the library defaults stay (Powertools env, live alias, DLQ alarm)', () => {
    const { fn, template } = build();
    expect(fn).toBeInstanceOf(PowertoolsFunction);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ POWERTOOLS_SERVICE_NAME: 'orders' }) },
      TracingConfig: { Mode: 'Active' },
    });
    template.resourceCountIs('AWS::Lambda::Alias', 1);
    template.resourceCountIs('AWS::CloudWatch::Alarm', 1);
  });

  test('forces KMS on: one rotating key encrypts the log group and the dead-letter queue', () => {
    const { template } = build();
    const [keyId, ...others] = functionKeys(template);
    expect(others).toEqual([]);
    expect(template.findResources('AWS::KMS::Key')[keyId].Properties.EnableKeyRotation).toBe(true);
    template.hasResourceProperties('AWS::Logs::LogGroup', { KmsKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } });
    template.hasResourceProperties('AWS::SQS::Queue', { KmsMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } });
  });

  test('uses the team key when one is given, and creates none', () => {
    const stack = new Stack(new App(), 'S', { env });
    const teamKey = new kms.Key(stack, 'Shared', { enableKeyRotation: true });
    const fn = new AcmeFunction(stack, 'Fn', { serviceName: 'orders', code, handler: 'index.handler', teamKey });
    expect(fn.teamKey).toBe(teamKey);
    const template = Template.fromStack(stack);
    expect(functionKeys(template).map((id) => id.startsWith('Shared'))).toEqual([true]);
    template.hasResourceProperties('AWS::SQS::Queue', { KmsMasterKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Shared'), 'Arn'] } });
  });

  /** The layer ARNs of the only function, partition-aware (`arn:<partition>:...` joins). */
  function layerArns(template: Template): string[] {
    const layers = Object.values(template.findResources('AWS::Lambda::Function'))[0].Properties.Layers as unknown[];
    return layers.map((l) => JSON.stringify(l));
  }

  test('adds the ACME telemetry layer after the Powertools layer', () => {
    const layers = layerArns(build().template);
    expect(layers).toHaveLength(2);
    expect(layers[0]).toMatch(/:lambda:eu-west-1:\d+:layer:AWSLambdaPowertoolsTypeScriptV2:\d+"/);
    expect(layers[1]).toContain(`:lambda:eu-west-1:${AcmeFunction.TEAM_LAYER_ACCOUNT}:layer:acme-telemetry:${AcmeFunction.TEAM_LAYER_VERSION}"`);
  });

  test('the team layer version can be overridden', () => {
    expect(layerArns(build({ teamLayerVersion: 9 }).template)[1]).toContain(':layer:acme-telemetry:9"');
  });

  test('tags the function and its children with the ACME team and cost centre', () => {
    const { template } = build();
    for (const type of ['AWS::Lambda::Function', 'AWS::SQS::Queue', 'AWS::IAM::Role']) {
      template.hasResourceProperties(type, {
        Tags: Match.arrayWith([
          { Key: 'CostCenter', Value: AcmeDefaults.COST_CENTER },
          { Key: 'Team', Value: AcmeDefaults.TEAM },
        ]),
      });
    }
  });

  test('a per-resource key prop still wins over the team key', () => {
    const stack = new Stack(new App(), 'S', { env });
    const logKey = new kms.Key(stack, 'LogKey', { enableKeyRotation: true });
    new AcmeFunction(stack, 'Fn', { serviceName: 'orders', code, handler: 'index.handler', logGroupEncryptionKey: logKey });
    Template.fromStack(stack).hasResourceProperties('AWS::Logs::LogGroup', { KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^LogKey'), 'Arn'] } });
  });

  test('fails with the library error on an empty service name', () => {
    const stack = new Stack(new App(), 'S', { env });
    expect(() => new AcmeFunction(stack, 'Fn', { serviceName: '', code, handler: 'index.handler' }))
      .toThrow("[S/Fn] serviceName: received ''");
  });
});
