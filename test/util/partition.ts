/**
 * An ARN as aws-cdk-lib renders it in `stack`: with `@aws-cdk/core:enablePartitionLiterals` (in the
 * recommended flags) a stack whose region is known writes its partition as a literal (`arn:aws:…`),
 * without it as `{ Ref: AWS::Partition }`. `rest` is everything after `arn:<partition>`.
 */
import { Stack } from 'aws-cdk-lib';

export function renderedArn(stack: Stack, rest: string): unknown {
  const partition = stack.resolve(stack.partition);
  return typeof partition === 'string' ? `arn:${partition}${rest}` : { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, rest]] };
}
