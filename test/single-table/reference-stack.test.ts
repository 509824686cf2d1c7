import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { DeploymentStage } from '../../src';
import { REFERENCE_ENV } from '../reference-app/app';
import { singleTableStack } from '../reference-app/stacks/single-table';

// the patterns document's own CDK assertion test, over the reference stack
test.each([DeploymentStage.PROD, DeploymentStage.DEV])(
  '[DDB-6] the reference stack (%s) deploys the orders-table handler with TABLE_NAME and read/write access to the table',
  (stage) => {
    const stack = new Stack(new App(), 'Ref', { env: REFERENCE_ENV });
    singleTableStack.build(stack, stage);
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::DynamoDB::Table', { TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true } });
    t.hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'index.handler',
      Environment: { Variables: Match.objectLike({ TABLE_NAME: { Ref: 'OrdersTable1F8332C7' } }) },
    });
    const statements = Object.values(t.findResources('AWS::IAM::Policy')).flatMap(
      (p) => p.Properties.PolicyDocument.Statement as { Action: string[]; Resource: unknown }[],
    );
    const onTable = statements.find((s) => JSON.stringify(s.Resource).includes('"OrdersTable1F8332C7","Arn"'));
    expect(onTable?.Action).toEqual(expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem']));
  },
);
