/**
 * cdk-nag over the SecureBucket stacks of the reference app (both stages), with the stack file's
 * acknowledgements applied: AwsSolutions and Serverless have no finding at all (errors or warnings); the regulated packs
 * (HIPAA, NIST 800-53 R5, PCI DSS 3.2.1) have none left either, because their KMS and replication
 * rules are met by options or acknowledged with a reason.
 */
import { Stack } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks, NIST80053R5Checks, PCIDSS321Checks, ServerlessChecks } from 'cdk-nag';
import { buildReferenceApp } from '../reference-app/app';
import { secureBucketStack } from '../reference-app/stacks/secure-bucket';

let stacks: Stack[];
beforeAll(() => {
  const ref = buildReferenceApp({ only: ['SecureBucket'] });
  ref.app.synth();
  stacks = ref.stacks.filter((s) => s.stackName.startsWith('CloudPatterns-SecureBucket-'));
});

function findings(stack: Stack, pack: { validateScope(s: Stack): { violations: any[] } }): string[] {
  return pack
    .validateScope(stack)
    .violations.flatMap((v) => v.violatingResources.map((r: any) => `${v.ruleName} at ${r.constructPath ?? r.resourceLogicalId}`));
}

test('the reference app has a prod and a dev SecureBucket stack', () => {
  expect(stacks.map((s) => s.stackName).sort()).toEqual(['CloudPatterns-SecureBucket-Dev', 'CloudPatterns-SecureBucket-Prod']);
});

test('[S3-3] AwsSolutions: no finding at all (errors or warnings) on the bucket stacks', () => {
  for (const stack of stacks) {
    expect(findings(stack, new AwsSolutionsChecks())).toEqual([]);
  }
});

test('[S3-3] Serverless: no finding at all (errors or warnings) on the bucket stacks', () => {
  for (const stack of stacks) {
    expect(findings(stack, new ServerlessChecks())).toEqual([]);
  }
});

test('[S3-2] regulated packs: no finding is left; the KMS rule is met by the KMS option on Uploads', () => {
  for (const stack of stacks) {
    for (const pack of [new HIPAASecurityChecks(), new NIST80053R5Checks(), new PCIDSS321Checks()]) {
      expect(findings(stack, pack)).toEqual([]);
    }
  }
  const kmsAcks = secureBucketStack.acknowledgements.filter((a) => a.id.endsWith('-S3DefaultEncryptionKMS'));
  expect([...new Set(kmsAcks.map((a) => a.path))].sort()).toEqual(['Assets/AccessLogs/Resource', 'Assets/Resource', 'Uploads/AccessLogs/Resource']);
});

test('[S3-3] the log buckets log nowhere, and cdk-nag accepts that because they are the log targets of their bucket', () => {
  for (const stack of stacks) {
    for (const path of ['Assets/AccessLogs', 'Uploads/AccessLogs']) {
      const logs = stack.node.findChild(path.split('/')[0]).node.findChild('AccessLogs').node.defaultChild as any;
      expect(stack.resolve(logs.loggingConfiguration)).toBeUndefined();
    }
  }
  // the rules that would flag them (AwsSolutions-S1, *-S3BucketLoggingEnabled) exempt a bucket that is
  // another bucket's logging destination in the same stack: no acknowledgement is needed (it would be stale)
  expect(secureBucketStack.acknowledgements.filter((a) => /S3BucketLoggingEnabled|AwsSolutions-S1$/.test(a.id))).toEqual([]);
});
