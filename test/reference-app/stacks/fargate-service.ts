import { Stack } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { BlueGreenController, DeploymentStage, FargateBlueGreenService, StageLogGroup } from '../../../src';
import { Acknowledgement, ReferenceStackSpec } from '../stack-spec';

const REGULATED_PACKS = ['HIPAA.Security', 'NIST.800.53.R5', 'PCI.DSS.321'];

/** The certificate of the reference stacks (imported: nothing is deployed). */
export const REFERENCE_CERTIFICATE_ARN = 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555';
/** The image both reference services run. */
export const REFERENCE_IMAGE = 'public.ecr.aws/nginx/nginx:1.27';

export function certificate(stack: Stack): acm.ICertificate {
  return acm.Certificate.fromCertificateArn(stack, 'Certificate', REFERENCE_CERTIFICATE_ARN);
}

/**
 * A regional web ACL with AWS's common rule set, for the regulated variant (`webAclArn`).
 * Exported so the language apps build the same one.
 */
export function referenceWebAcl(stack: Stack, key: kms.IKey, stage: DeploymentStage): wafv2.CfnWebACL {
  const acl = new wafv2.CfnWebACL(stack, 'WebAcl', {
    scope: 'REGIONAL',
    defaultAction: { allow: {} },
    visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'api', sampledRequestsEnabled: true },
    rules: [{
      name: 'AWSManagedRulesCommonRuleSet',
      priority: 0,
      overrideAction: { none: {} },
      statement: { managedRuleGroupStatement: { vendorName: 'AWS', name: 'AWSManagedRulesCommonRuleSet' } },
      visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'common', sampledRequestsEnabled: true },
    }],
  });
  // WAF logs to log groups whose name starts with aws-waf-logs-
  const logs = new StageLogGroup(stack, 'WebAclLogs', { stage, encryptionKey: key, logGroupName: `aws-waf-logs-${stack.stackName}` });
  new wafv2.CfnLoggingConfiguration(stack, 'WebAclLogging', { resourceArn: acl.attrArn, logDestinationConfigs: [logs.logGroupArn] });
  return acl;
}

/** What both service stacks acknowledge, for the service at construct path `id`. */
export function serviceAcknowledgements(id: string, options: { logsEncrypted: boolean; waf: boolean }): Acknowledgement[] {
  return REGULATED_PACKS.flatMap((pack) => [
    ...(pack === 'PCI.DSS.321' ? [] : [{
      path: `${id}/LoadBalancer/Resource`,
      id: `${pack}-ELBDeletionProtectionEnabled`,
      reason: 'Deletion protection is on in PROD (StagePolicy); a DEV stack is meant to be torn down, so its load balancer is not protected. The acknowledgement matters in DEV only.',
    }]),
    ...['PublicSubnet1/Subnet', 'PublicSubnet2/Subnet'].map((subnet) => ({
      path: `${id}/Vpc/${subnet}`,
      id: `${pack}-VPCSubnetAutoAssignPublicIpDisabled`,
      reason: 'The public subnets hold only the internet-facing load balancer and the NAT gateways; the tasks run in the private subnets without public IPs (AssignPublicIp DISABLED).',
    })),
    ...['PublicSubnet1/DefaultRoute', 'PublicSubnet2/DefaultRoute'].map((route) => ({
      path: `${id}/Vpc/${route}`,
      id: `${pack}-VPCNoUnrestrictedRouteToIGW`,
      reason: 'An internet-facing load balancer and NAT gateways need a route to the internet gateway from their public subnets; the private subnets route through the NAT gateways only.',
    })),
    {
      path: `${id}/Vpc/Resource`,
      id: `${pack}-VPCDefaultSecurityGroupClosed`,
      reason: 'Nothing uses the VPC\'s default security group (the load balancer and the tasks have their own); closing it needs aws-cdk-lib\'s restrictDefaultSecurityGroup custom resource, a Lambda function in every stack. Set the feature flag @aws-cdk/aws-ec2:restrictDefaultSecurityGroup to have it.',
    },
    ...['Vpc/FlowLog/IAMRole/DefaultPolicy/Resource', 'TaskDefinition/ExecutionRole/DefaultPolicy/Resource'].map((policy) => ({
      path: `${id}/${policy}`,
      id: `${pack}-IAMNoInlinePolicy`,
      reason: 'The CDK grant policy of this one role (flow-log delivery to its log group; the execution role\'s log writes), scoped to the construct\'s own resources; a customer-managed policy would carry the same statements.',
    })),
    {
      path: `${id}/AccessLogs/Resource`,
      id: `${pack}-S3DefaultEncryptionKMS`,
      reason: 'Application Load Balancer access logs can be delivered only to buckets encrypted with SSE-S3 (SSE-KMS is not supported), so the log bucket uses SSE-S3.',
    },
    {
      path: `${id}/AccessLogs/Resource`,
      id: `${pack}-S3BucketReplicationEnabled`,
      reason: 'Cross-region replication needs a destination bucket in a second region, which a single-stack construct cannot create; pass `accessLogsBucket` with replication configured for regulated workloads.',
    },
    {
      path: `${id}/AccessLogs/Resource`,
      id: `${pack}-S3BucketLoggingEnabled`,
      reason: 'The bucket receives the load balancer\'s access logs; logging access to a log bucket needs yet another log bucket (a bucket logging to itself loops), so the chain ends here.',
    },
    {
      path: `${id}/LoadBalancer/Redirect80To443/Resource`,
      id: `${pack}-ELBv2ACMCertificateRequired`,
      reason: 'The port-80 listener only redirects to HTTPS (HTTP 301) and serves no content; a certificate on it would never be used.',
    },
    ...(options.logsEncrypted ? [] : ['Logs/Resource', 'FlowLogs/Resource'].map((logs) => ({
      path: `${id}/${logs}`,
      id: `${pack}-CloudWatchLogGroupEncrypted`,
      reason: 'CloudWatch Logs encrypts log data at rest with its own keys; regulated workloads pass `logsEncryptionKey`, as the FargateCodeDeploy stack does, which meets the rule.',
    }))),
    ...(options.waf || pack === 'HIPAA.Security' ? [] : [{
      path: `${id}/LoadBalancer/Resource`,
      id: `${pack}-ALBWAFEnabled`,
      reason: 'A web ACL is a product decision (rules, cost per request); regulated workloads pass `webAclArn`, as the FargateCodeDeploy stack does, which meets the rule.',
    }]),
  ]);
}

/**
 * FargateBlueGreenService with ECS-native blue/green (the default) and a certificate: HTTPS with the
 * redirect, every other prop at its default.
 */
export const fargateServiceStack: ReferenceStackSpec = {
  name: 'FargateService',
  build: (stack, stage: DeploymentStage) => {
    new FargateBlueGreenService(stack, 'Api', {
      stage,
      image: ecs.ContainerImage.fromRegistry(REFERENCE_IMAGE),
      containerPort: 80,
      certificate: certificate(stack),
    });
  },
  acknowledgements: serviceAcknowledgements('Api', { logsEncrypted: false, waf: false }),
};

/**
 * The document's CodeDeploy variant, regulated: KMS-encrypted log groups and a WAF web ACL.
 */
export const fargateCodeDeployStack: ReferenceStackSpec = {
  name: 'FargateCodeDeploy',
  build: (stack, stage: DeploymentStage) => {
    const key = new kms.Key(stack, 'LogsKey', { enableKeyRotation: true, description: 'Container and flow logs of the Api service' });
    new FargateBlueGreenService(stack, 'Api', {
      stage,
      image: ecs.ContainerImage.fromRegistry(REFERENCE_IMAGE),
      containerPort: 80,
      certificate: certificate(stack),
      deploymentController: BlueGreenController.CODE_DEPLOY,
      logsEncryptionKey: key,
      webAclArn: referenceWebAcl(stack, key, stage).attrArn,
    });
  },
  acknowledgements: serviceAcknowledgements('Api', { logsEncrypted: true, waf: true }),
};
