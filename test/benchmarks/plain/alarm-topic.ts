import {
  RemovalPolicy,
  Stack,
  aws_cloudwatch as cloudwatch,
  aws_cloudwatch_actions as cloudwatchActions,
  aws_iam as iam,
  aws_kms as kms,
  aws_sns as sns,
} from 'aws-cdk-lib';

/**
 * One encrypted, TLS-only SNS topic that CloudWatch may publish to, as the action of every alarm of
 * the stack (core's AlarmRouting default), written in plain aws-cdk-lib.
 */
export function plainAlarmTopic(stack: Stack, id: string): sns.Topic {
  // plain:start
  const key = new kms.Key(stack, `${id}Key`, { enableKeyRotation: true, removalPolicy: RemovalPolicy.RETAIN });
  const cloudWatch = new iam.ServicePrincipal('cloudwatch.amazonaws.com');
  key.addToResourcePolicy(new iam.PolicyStatement({ principals: [cloudWatch], actions: ['kms:Decrypt', 'kms:GenerateDataKey*'], resources: ['*'] }));
  const topic = new sns.Topic(stack, id, { masterKey: key, enforceSSL: true });
  topic.addToResourcePolicy(new iam.PolicyStatement({
    principals: [cloudWatch],
    actions: ['sns:Publish'],
    resources: [topic.topicArn],
    conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
  }));
  for (const alarm of stack.node.findAll().filter((c): c is cloudwatch.Alarm => c instanceof cloudwatch.Alarm)) {
    alarm.addAlarmAction(new cloudwatchActions.SnsAction(topic));
  }
  return topic;
  // plain:end
}
