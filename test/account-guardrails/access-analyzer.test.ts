import { App, Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AccessAnalyzer, AccessAnalyzerKind } from '../../src';

const newStack = () => new Stack(new App(), 'S');

describe('AccessAnalyzer', () => {
  test('[IAM-4] is opt-in: an account analyzer with no unused-access configuration by default', () => {
    const stack = newStack();
    const analyzer = new AccessAnalyzer(stack, 'Analyzer');
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::AccessAnalyzer::Analyzer', 1);
    template.hasResourceProperties('AWS::AccessAnalyzer::Analyzer', { Type: 'ACCOUNT', AnalyzerConfiguration: Match.absent() });
    expect(stack.resolve(analyzer.analyzerArn)).toEqual({ 'Fn::GetAtt': [expectLogicalId(template, 'AWS::AccessAnalyzer::Analyzer'), 'Arn'] });
  });

  test('[IAM-4] an unused-access analyzer reports access unused for 90 days by default, or the given age', () => {
    const stack = newStack();
    new AccessAnalyzer(stack, 'Unused', { kind: AccessAnalyzerKind.ACCOUNT_UNUSED_ACCESS });
    new AccessAnalyzer(stack, 'Org', { kind: AccessAnalyzerKind.ORGANIZATION_UNUSED_ACCESS, unusedAccessAge: Duration.days(30), analyzerName: 'org' });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::AccessAnalyzer::Analyzer', {
      Type: 'ACCOUNT_UNUSED_ACCESS',
      AnalyzerConfiguration: { UnusedAccessConfiguration: { UnusedAccessAge: 90 } },
    });
    template.hasResourceProperties('AWS::AccessAnalyzer::Analyzer', {
      Type: 'ORGANIZATION_UNUSED_ACCESS',
      AnalyzerName: 'org',
      AnalyzerConfiguration: { UnusedAccessConfiguration: { UnusedAccessAge: 30 } },
    });
  });

  test('fails for an unused-access age outside 1..365 days', () => {
    expect(() => new AccessAnalyzer(newStack(), 'A', { kind: AccessAnalyzerKind.ACCOUNT_UNUSED_ACCESS, unusedAccessAge: Duration.days(400) })).toThrow(
      '[S/A] unusedAccessAge: received 400 days; allowed: between 1 and 365 days',
    );
  });

  test('fails for an unused-access age on an external-access analyzer', () => {
    expect(() => new AccessAnalyzer(newStack(), 'A', { unusedAccessAge: Duration.days(30) })).toThrow(
      '[S/A] unusedAccessAge: received 30 days; allowed: only with kind ACCOUNT_UNUSED_ACCESS or ORGANIZATION_UNUSED_ACCESS. kind is ACCOUNT',
    );
  });
  test('fails for an unused-access age that is not a whole number of days', () => {
    expect(() => new AccessAnalyzer(newStack(), 'A', { kind: AccessAnalyzerKind.ACCOUNT_UNUSED_ACCESS, unusedAccessAge: Duration.hours(36) })).toThrow(
      '[S/A] unusedAccessAge: received 1 day 12 hours; allowed: between 1 and 365 days',
    );
  });

  test('[IAM-4] an organization analyzer for external access', () => {
    const stack = newStack();
    new AccessAnalyzer(stack, 'Org', { kind: AccessAnalyzerKind.ORGANIZATION });
    Template.fromStack(stack).hasResourceProperties('AWS::AccessAnalyzer::Analyzer', { Type: 'ORGANIZATION', AnalyzerConfiguration: Match.absent() });
  });
});

function expectLogicalId(template: Template, type: string): string {
  const ids = Object.keys(template.findResources(type));
  expect(ids).toHaveLength(1);
  return ids[0];
}
