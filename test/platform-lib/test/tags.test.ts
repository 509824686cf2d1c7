import { App, Stack, Tags, aws_sqs as sqs } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { DeploymentStage, RequiredTagsCheck } from 'cdk-cloud-patterns';
import { AcmeDefaults, AcmeRequiredTagsCheck, AcmeTags } from '../lib';
import { buildPlatformApp, platformStackName } from './platform-app';

/** The tags of the only queue in `stack`. */
function tagsOf(stack: Stack): unknown {
  const [queue] = Object.values(Template.fromStack(stack).findResources('AWS::SQS::Queue'));
  return queue.Properties.Tags;
}

describe('AcmeTags', () => {
  test('applies the library tags with the ACME team, plus the ACME cost centre', () => {
    const stack = new Stack();
    new sqs.Queue(stack, 'Q');
    AcmeTags.apply(stack, { service: 'orders', stage: DeploymentStage.DEV });
    expect(tagsOf(stack)).toEqual([
      { Key: 'CostCenter', Value: AcmeDefaults.COST_CENTER },
      { Key: 'Env', Value: 'dev' },
      { Key: 'Service', Value: 'orders' },
      { Key: 'Team', Value: 'acme-platform' },
    ]);
  });

  test('leaves the stage to the library: no stage and no context means prod', () => {
    const stack = new Stack();
    new sqs.Queue(stack, 'Q');
    AcmeTags.apply(stack, { service: 'orders' });
    expect(tagsOf(stack)).toEqual(expect.arrayContaining([{ Key: 'Env', Value: 'prod' }]));
  });

  test('fails with the library error on an empty service', () => {
    const stack = new Stack(new App(), 'S');
    expect(() => AcmeTags.apply(stack, { service: ' ' })).toThrow("[S] service: received ' '");
  });
});

describe('AcmeRequiredTagsCheck', () => {
  test('requires the cost centre on top of the library keys', () => {
    const check = new AcmeRequiredTagsCheck();
    expect(check).toBeInstanceOf(RequiredTagsCheck);
    const stack = new Stack();
    const queue = new sqs.Queue(stack, 'Q');
    Tags.of(stack).add('Env', 'prod');
    Tags.of(stack).add('Team', 't');
    Tags.of(stack).add('Service', 's');
    Template.fromStack(stack); // tags are rendered during synthesis
    expect(check.missingTags(queue.node.defaultChild!)).toEqual(['CostCenter']);
  });

  test('reports a missing tag as an error by default', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    new sqs.Queue(stack, 'Q');
    AcmeRequiredTagsCheck.addTo(app);
    Annotations.fromStack(stack).hasError('/S/Q/Resource', Match.stringLikeRegexp('missing the tag\\(s\\) Env, Team, Service, CostCenter'));
  });

  test('a team can still downgrade it to a warning, and change the keys', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    new sqs.Queue(stack, 'Q');
    AcmeRequiredTagsCheck.addTo(app, { failOnMissing: false, requiredKeys: ['CostCenter'] });
    const annotations = Annotations.fromStack(stack);
    annotations.hasNoError('*', Match.anyValue());
    annotations.hasWarning('/S/Q/Resource', Match.stringLikeRegexp('missing the tag\\(s\\) CostCenter \\(CDK-1\\)'));
  });
});

describe('the platform app', () => {
  test('builds a prod and a dev stack whose resources carry every ACME tag, with no error', () => {
    const app = buildPlatformApp();
    const assembly = app.synth();
    for (const stage of [DeploymentStage.PROD, DeploymentStage.DEV]) {
      const artifact = assembly.getStackByName(platformStackName(stage));
      expect(artifact.messages.filter((m) => m.level === 'error')).toEqual([]);
      const queues = Object.values(artifact.template.Resources).filter((r: any) => r.Type === 'AWS::SQS::Queue');
      expect(queues.length).toBeGreaterThan(0);
      for (const q of queues as any[]) {
        expect(q.Properties.Tags).toEqual(expect.arrayContaining([
          { Key: 'CostCenter', Value: AcmeDefaults.COST_CENTER },
          { Key: 'Env', Value: stage },
          { Key: 'Team', Value: AcmeDefaults.TEAM },
        ]));
      }
    }
  });
});
