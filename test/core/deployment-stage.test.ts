import { App, Stack, Token } from 'aws-cdk-lib';
import { DeploymentStage, StagePolicy } from '../../src';

function stackWithContext(env?: unknown): Stack {
  const app = new App(env === undefined ? {} : { context: { env } });
  return new Stack(app, 'S');
}

describe('StagePolicy.resolve', () => {
  test('[CDK-2] no prop and no context means PROD', () => {
    expect(StagePolicy.resolve(stackWithContext())).toBe(DeploymentStage.PROD);
  });

  test.each([
    ['prod', DeploymentStage.PROD],
    ['production', DeploymentStage.PROD],
    ['PROD', DeploymentStage.PROD],
    ['dev', DeploymentStage.DEV],
    [' Development ', DeploymentStage.DEV],
  ])('reads the context key env=%p', (value, expected) => {
    expect(StagePolicy.resolve(stackWithContext(value))).toBe(expected);
  });

  test('the stage prop wins over the context', () => {
    expect(StagePolicy.resolve(stackWithContext('prod'), DeploymentStage.DEV)).toBe(DeploymentStage.DEV);
    expect(StagePolicy.resolve(stackWithContext('dev'), DeploymentStage.PROD)).toBe(DeploymentStage.PROD);
  });

  test('context set on an inner scope applies below it', () => {
    const stack = stackWithContext('prod');
    stack.node.setContext(StagePolicy.CONTEXT_KEY, 'dev');
    expect(StagePolicy.resolve(stack)).toBe(DeploymentStage.DEV);
  });

  test('fails for an unknown env value, naming the path, the key, the value and what is allowed', () => {
    expect(() => StagePolicy.resolve(stackWithContext('staging'))).toThrow(
      "[S] context 'env': received 'staging'; allowed: 'prod' (or 'production') or 'dev' (or 'development'); leave it unset for prod",
    );
  });

  test('an unresolved token in the context is not rejected (PROD is assumed)', () => {
    const token = Token.asString({ Ref: 'EnvParam' });
    expect(StagePolicy.resolve(stackWithContext(token))).toBe(DeploymentStage.PROD);
  });
});
