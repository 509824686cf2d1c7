import { App, Aspects, Stack, aws_sqs as sqs, aws_iam as iam } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { DeploymentStage, PatternTags, RequiredTagsCheck } from '../../src';

describe('PatternTags', () => {
  test('[CDK-1] applies Env, Team and Service to every taggable resource', () => {
    const stack = new Stack(new App(), 'S');
    new sqs.Queue(stack, 'Q');
    PatternTags.apply(stack, { team: 'payments', service: 'orders', stage: DeploymentStage.DEV });
    Template.fromStack(stack).hasResourceProperties('AWS::SQS::Queue', {
      Tags: Match.arrayWith([
        { Key: 'Env', Value: 'dev' },
        { Key: 'Service', Value: 'orders' },
        { Key: 'Team', Value: 'payments' },
      ]),
    });
  });

  test('[CDK-1] Env follows the context key env, and PROD when unset', () => {
    const prod = new Stack(new App(), 'P');
    new sqs.Queue(prod, 'Q');
    PatternTags.apply(prod, { team: 't', service: 's' });
    Template.fromStack(prod).hasResourceProperties('AWS::SQS::Queue', { Tags: Match.arrayWith([{ Key: 'Env', Value: 'prod' }]) });

    const dev = new Stack(new App({ context: { env: 'dev' } }), 'D');
    new sqs.Queue(dev, 'Q');
    PatternTags.apply(dev, { team: 't', service: 's' });
    Template.fromStack(dev).hasResourceProperties('AWS::SQS::Queue', { Tags: Match.arrayWith([{ Key: 'Env', Value: 'dev' }]) });
  });

  test('fails for an empty team, naming the prop and the value', () => {
    const stack = new Stack(new App(), 'S');
    expect(() => PatternTags.apply(stack, { team: ' ', service: 'orders' })).toThrow(
      "[S] team: received ' '; allowed: a non-empty value for the 'Team' tag",
    );
  });

  test('fails for a value AWS tags do not allow: a character outside the tag alphabet, or over 256 characters', () => {
    const stack = new Stack(new App(), 'S');
    expect(() => PatternTags.apply(stack, { team: 'payments', service: 'orders;drop' })).toThrow(
      "[S] service: received 'orders;drop'; allowed: a 'Service' tag value of letters, digits, spaces and _ . : / = + - @ only",
    );
    expect(() => PatternTags.apply(stack, { team: 'x'.repeat(257), service: 'orders' })).toThrow(
      "allowed: a 'Team' tag value of at most 256 characters (received 257)",
    );
  });
});

describe('RequiredTagsCheck', () => {
  test('[CDK-1] warns, with an acknowledgeable id, about each taggable resource missing a tag', () => {
    const stack = new Stack(new App(), 'S');
    new sqs.Queue(stack, 'Q');
    RequiredTagsCheck.addTo(stack);
    const warnings = Annotations.fromStack(stack).findWarning(
      '/S/Q/Resource',
      Match.stringLikeRegexp('AWS::SQS::Queue .* is missing the tag\\(s\\) Env, Team, Service \\(CDK-1\\)'),
    );
    expect(warnings).toHaveLength(1);
    expect(JSON.stringify(warnings[0].entry.data)).toContain('[ack: cdk-cloud-patterns:RequiredTagsCheck.missingTags]');
  });

  test('[CDK-1] sees the tags applied by PatternTags (runs after Tags) and reports nothing then', () => {
    const stack = new Stack(new App(), 'S');
    new sqs.Queue(stack, 'Q');
    RequiredTagsCheck.addTo(stack, { failOnMissing: true });
    PatternTags.apply(stack, { team: 't', service: 's' });
    expect(Annotations.fromStack(stack).findError('*', Match.anyValue())).toEqual([]);
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
  });

  test('[CDK-1] failOnMissing reports an error naming only the missing key', () => {
    const stack = new Stack(new App(), 'S');
    new sqs.Queue(stack, 'Q');
    PatternTags.apply(stack, { team: 't', service: 's' });
    const check = new RequiredTagsCheck({ requiredKeys: ['Env', 'CostCenter'], failOnMissing: true });
    Aspects.of(stack).add(check);
    Annotations.fromStack(stack).hasError('/S/Q/Resource', Match.stringLikeRegexp('missing the tag\\(s\\) CostCenter \\(CDK-1\\)'));
  });

  test('ignores resources that cannot carry tags', () => {
    const stack = new Stack(new App(), 'S');
    const role = new iam.Role(stack, 'R', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    role.addToPolicy(new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: ['arn:aws:sqs:us-east-1:1:q'] }));
    const check = new RequiredTagsCheck();
    const policy = stack.node.findAll().find((c) => c.node.path === 'S/R/DefaultPolicy/Resource')!;
    expect(check.missingTags(policy)).toEqual([]);
    expect(check.missingTags(role.node.defaultChild!)).toEqual(['Env', 'Team', 'Service']);
  });
});

test('[CDK-1] a subclass of RequiredTagsCheck applies itself with applyTo (the extension point for other languages)', () => {
  class CostCenterCheck extends RequiredTagsCheck {
    constructor() {
      super({ requiredKeys: ['CostCenter'] });
    }
  }
  const stack = new Stack(new App(), 'S');
  new sqs.Queue(stack, 'Q');
  new CostCenterCheck().applyTo(stack);
  Annotations.fromStack(stack).hasWarning('/S/Q/Resource', Match.stringLikeRegexp('missing the tag\\(s\\) CostCenter \\(CDK-1\\)'));
});
