import { App, CfnParameter, Duration, Stack, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as codedeploy from 'aws-cdk-lib/aws-codedeploy';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sns from 'aws-cdk-lib/aws-sns';
import {
  BlueGreenController,
  BlueGreenTraffic,
  DeploymentStage,
  FargateBlueGreenService,
  FargateBlueGreenServiceProps,
} from '../../src';
import { fargateMemoryChoices } from '../../src/fargate-service/private/fargate-rules';

const ENV = { account: '123456789012', region: 'us-east-1' };
const IMAGE = ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27');
const CERT_ARN = 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555';

type Extra = Partial<FargateBlueGreenServiceProps> & { withCertificate?: boolean };

function build(extra: Extra = {}, stage: DeploymentStage = DeploymentStage.PROD) {
  const stack = new Stack(new App(), 'Stack', { env: ENV });
  const { withCertificate, ...rest } = extra;
  const certificate = withCertificate === false ? undefined : acm.Certificate.fromCertificateArn(stack, 'Cert', CERT_ARN);
  const svc = new FargateBlueGreenService(stack, 'Api', { image: IMAGE, containerPort: 80, stage, certificate, ...rest });
  return { stack, svc, template: Template.fromStack(stack) };
}

let shared: ReturnType<typeof build> | undefined;
/**
 * The default service (PROD, with the certificate), built and synthesized once for the tests that
 * only read it (its template, logical ids, the construct's properties); a test that changes the
 * service or synthesizes its app again builds its own with `build()`.
 */
function defaults(): ReturnType<typeof build> {
  shared ??= build();
  return shared;
}

function fails(extra: Extra): () => void {
  return () => build(extra);
}

const CD = { deploymentController: BlueGreenController.CODE_DEPLOY };

describe('the minimal call', () => {
  test('[ECS-4] works with only image and containerPort, HTTP with the httpOnly warning', () => {
    const stack = new Stack(new App(), 'Stack', { env: ENV });
    new FargateBlueGreenService(stack, 'Api', { image: IMAGE, containerPort: 80 });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::ECS::Service', 1);
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Protocol: 'HTTP', Port: 80 });
    const warnings = Annotations.fromStack(stack).findWarning('*', Match.anyValue());
    expect(warnings.map((w) => w.entry.data)).toEqual([
      'No `certificate`: the production listener is plain HTTP on port 80. Pass an ACM certificate for HTTPS with an HTTP→HTTPS redirect. [ack: cdk-cloud-patterns:FargateBlueGreenService.httpOnly]',
    ]);
  });

  test('[ECS-4] no warning at all with a certificate and otherwise defaults', () => {
    const { stack } = build();
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
  });
});

describe('ECS-5 Container Insights and the network', () => {
  test('[ECS-5] the cluster has Container Insights on (containerInsightsV2 ENABLED)', () => {
    defaults().template.hasResourceProperties('AWS::ECS::Cluster', {
      ClusterSettings: [{ Name: 'containerInsights', Value: 'enabled' }],
    });
  });

  test('[ECS-5] containerInsights: ENHANCED is honoured', () => {
    build({ containerInsights: ecs.ContainerInsights.ENHANCED }).template.hasResourceProperties('AWS::ECS::Cluster', {
      ClusterSettings: [{ Name: 'containerInsights', Value: 'enhanced' }],
    });
  });

  test('[ECS-5] a given cluster is used: no cluster and no VPC are created', () => {
    const stack = new Stack(new App(), 'Stack', { env: ENV });
    const vpc = new ec2.Vpc(stack, 'MyVpc', { natGateways: 1 });
    const cluster = new ecs.Cluster(stack, 'MyCluster', { vpc, containerInsightsV2: ecs.ContainerInsights.ENABLED });
    const svc = new FargateBlueGreenService(stack, 'Api', {
      image: IMAGE,
      containerPort: 80,
      cluster,
      certificate: acm.Certificate.fromCertificateArn(stack, 'Cert', CERT_ARN),
    });
    expect(svc.cluster).toBe(cluster);
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::ECS::Cluster', 1);
    template.resourceCountIs('AWS::EC2::VPC', 1);
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
  });

  test('[ECS-5] containerInsights with a given cluster has no effect and warns', () => {
    const stack = new Stack(new App(), 'Stack', { env: ENV });
    const cluster = new ecs.Cluster(stack, 'MyCluster', { vpc: new ec2.Vpc(stack, 'MyVpc') });
    new FargateBlueGreenService(stack, 'Api', {
      image: IMAGE,
      containerPort: 80,
      cluster,
      containerInsights: ecs.ContainerInsights.ENHANCED,
      certificate: acm.Certificate.fromCertificateArn(stack, 'Cert', CERT_ARN),
    });
    Annotations.fromStack(stack).hasWarning('/Stack/Api', Match.stringLikeRegexp('FargateBlueGreenService.containerInsightsIgnored'));
  });

  test('[COST-4] the default VPC has 2 NAT gateways in PROD and 1 in DEV, two AZs, flow logs to a stage log group', () => {
    const prod = defaults().template;
    const dev = build({}, DeploymentStage.DEV).template;
    prod.resourceCountIs('AWS::EC2::NatGateway', 2);
    dev.resourceCountIs('AWS::EC2::NatGateway', 1);
    for (const t of [prod, dev]) {
      t.resourceCountIs('AWS::EC2::Subnet', 4);
      t.hasResourceProperties('AWS::EC2::FlowLog', { TrafficType: 'ALL', LogDestinationType: 'cloud-watch-logs' });
    }
    prod.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 365 });
    dev.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
    expect(FargateBlueGreenService.PROD_NAT_GATEWAYS).toBe(2);
    expect(FargateBlueGreenService.DEV_NAT_GATEWAYS).toBe(1);
  });

  test('[COST-4] natGateways overrides the stage default', () => {
    build({ natGateways: 1 }).template.resourceCountIs('AWS::EC2::NatGateway', 1);
  });

  test('[COST-4] fails for natGateways above the two Availability Zones', () => {
    expect(fails({ natGateways: 3 })).toThrow(
      '[Stack/Api] natGateways: received 3; allowed: an integer from 0 to 2. The VPC the construct creates spans two Availability Zones');
  });

  test('[ECS-4] the tasks run in private subnets without public IPs', () => {
    defaults().template.hasResourceProperties('AWS::ECS::Service', {
      NetworkConfiguration: { AwsvpcConfiguration: { AssignPublicIp: 'DISABLED' } },
    });
  });
});

describe('ECS-1 health checks', () => {
  test('[ECS-1] the container has the document\'s CMD-SHELL health check', () => {
    defaults().template.hasResourceProperties('AWS::ECS::TaskDefinition', {
      ContainerDefinitions: [Match.objectLike({
        Name: 'App',
        HealthCheck: { Command: ['CMD-SHELL', 'curl -f http://localhost:80/ || exit 1'], Interval: 30, Timeout: 5, Retries: 3, StartPeriod: 60 },
      })],
    });
  });

  test('[ECS-1] healthCheckPath sets the container and target-group checks', () => {
    const { template } = build({ healthCheckPath: '/health' });
    template.hasResourceProperties('AWS::ECS::TaskDefinition', {
      ContainerDefinitions: [Match.objectLike({ HealthCheck: Match.objectLike({ Command: ['CMD-SHELL', 'curl -f http://localhost:80/health || exit 1'] }) })],
    });
    expect(Object.values(template.findResources('AWS::ElasticLoadBalancingV2::TargetGroup')).map((r) => r.Properties.HealthCheckPath))
      .toEqual(['/health', '/health']);
  });

  test('[ECS-1] a custom container health check replaces the default', () => {
    build({ healthCheck: { command: ['CMD', '/bin/check'] } }).template.hasResourceProperties('AWS::ECS::TaskDefinition', {
      ContainerDefinitions: [Match.objectLike({ HealthCheck: Match.objectLike({ Command: ['CMD', '/bin/check'] }) })],
    });
  });

  test('[ECS-1] both target groups check health over HTTP on the container port', () => {
    const tgs = defaults().template.findResources('AWS::ElasticLoadBalancingV2::TargetGroup');
    expect(Object.values(tgs).map((r) => r.Properties)).toEqual([0, 1].map(() => expect.objectContaining({
      Port: 80,
      Protocol: 'HTTP',
      TargetType: 'ip',
      HealthCheckPath: '/',
      Matcher: { HttpCode: '200-399' },
      HealthCheckIntervalSeconds: 15,
      HealthyThresholdCount: 2,
      UnhealthyThresholdCount: 3,
    })));
  });

  test('[ECS-1] fails for a health-check path without a leading slash', () => {
    expect(fails({ healthCheckPath: 'health' })).toThrow("[Stack/Api] healthCheckPath: received 'health'; allowed: a path starting with /");
  });
});

describe('ECS-2 roles', () => {
  test('[ECS-2] the task role has no permissions and is not the execution role', () => {
    const { svc, template } = defaults();
    expect(svc.taskRole).not.toBe(svc.executionRole);
    const taskRoleId = Stack.of(svc).getLogicalId((svc.taskRole as iam.Role).node.defaultChild as iam.CfnRole);
    const policies = template.findResources('AWS::IAM::Policy');
    const attached = Object.values(policies).filter((p) => JSON.stringify(p.Properties.Roles).includes(taskRoleId));
    expect(attached).toEqual([]);
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'ecs-tasks.amazonaws.com' } })] },
      Description: 'The application role: no permissions until granted (ECS-2)',
      ManagedPolicyArns: Match.absent(),
      Policies: Match.absent(),
    });
  });

  test('[ECS-2] a given task role is used', () => {
    const stack = new Stack(new App(), 'Stack', { env: ENV });
    const role = new iam.Role(stack, 'Mine', { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') });
    const svc = new FargateBlueGreenService(stack, 'Api', { image: IMAGE, containerPort: 80, taskRole: role });
    expect(svc.taskRole).toBe(role);
    Template.fromStack(stack).hasResourceProperties('AWS::ECS::TaskDefinition', {
      TaskRoleArn: { 'Fn::GetAtt': [stack.getLogicalId(role.node.defaultChild as iam.CfnRole), 'Arn'] },
    });
  });

  test('[ECS-2] ECS Exec is off by default and on when asked', () => {
    defaults().template.hasResourceProperties('AWS::ECS::Service', { EnableExecuteCommand: false });
    build({ enableExecuteCommand: true }).template.hasResourceProperties('AWS::ECS::Service', { EnableExecuteCommand: true });
  });

  test('[ECS-2] a non-root user and a read-only root filesystem are options', () => {
    defaults().template.hasResourceProperties('AWS::ECS::TaskDefinition', {
      ContainerDefinitions: [Match.objectLike({ User: Match.absent(), ReadonlyRootFilesystem: false })],
    });
    build({ user: '1000:1000', readonlyRootFilesystem: true }).template.hasResourceProperties('AWS::ECS::TaskDefinition', {
      ContainerDefinitions: [Match.objectLike({ User: '1000:1000', ReadonlyRootFilesystem: true })],
    });
  });

  test('[ECS-2] the container logs go to the stage log group through awslogs', () => {
    const { svc, stack, template } = defaults();
    template.hasResourceProperties('AWS::ECS::TaskDefinition', {
      ContainerDefinitions: [Match.objectLike({
        LogConfiguration: {
          LogDriver: 'awslogs',
          Options: Match.objectLike({ 'awslogs-group': { Ref: stack.getLogicalId(svc.logGroup.node.defaultChild as any) }, 'awslogs-stream-prefix': 'app' }),
        },
      })],
    });
  });
});

describe('COST-4 sizing and Spot', () => {
  test('[COST-4] the task is 512 CPU units and 1024 MiB on x86_64 by default', () => {
    defaults().template.hasResourceProperties('AWS::ECS::TaskDefinition', {
      Cpu: '512', Memory: '1024', RuntimePlatform: { CpuArchitecture: 'X86_64', OperatingSystemFamily: 'LINUX' },
    });
  });

  test('[COST-4] cpu, memory and ARM64 are honoured', () => {
    build({ cpu: 1024, memoryLimitMiB: 3072, cpuArchitecture: ecs.CpuArchitecture.ARM64 }).template.hasResourceProperties('AWS::ECS::TaskDefinition', {
      Cpu: '1024', Memory: '3072', RuntimePlatform: Match.objectLike({ CpuArchitecture: 'ARM64' }),
    });
  });

  test('[COST-4] Fargate Spot: one task on FARGATE, the rest on FARGATE_SPOT, providers on the cluster', () => {
    const { template } = build({ spot: true });
    template.hasResourceProperties('AWS::ECS::Service', {
      CapacityProviderStrategy: [{ CapacityProvider: 'FARGATE', Base: 1, Weight: 0 }, { CapacityProvider: 'FARGATE_SPOT', Weight: 1 }],
      LaunchType: Match.absent(),
    });
    template.hasResourceProperties('AWS::ECS::ClusterCapacityProviderAssociations', { CapacityProviders: ['FARGATE', 'FARGATE_SPOT'] });
  });

  test('[COST-4] no Spot by default: launch type FARGATE', () => {
    defaults().template.hasResourceProperties('AWS::ECS::Service', { LaunchType: 'FARGATE', CapacityProviderStrategy: Match.absent() });
  });

  test('[COST-4] Spot with ARM64 warns', () => {
    const { stack } = build({ spot: true, cpuArchitecture: ecs.CpuArchitecture.ARM64 });
    Annotations.fromStack(stack).hasWarning('/Stack/Api', Match.stringLikeRegexp('FargateBlueGreenService.spotOnArm64'));
  });

  test('[COST-4] fails for a memory size Fargate refuses with the CPU', () => {
    expect(fails({ cpu: 512, memoryLimitMiB: 512 })).toThrow(
      '[Stack/Api] memoryLimitMiB: received 512; allowed: with cpu 512, one of 1024 to 4096 in steps of 1024');
    expect(fails({ cpu: 256, memoryLimitMiB: 4096 })).toThrow(
      '[Stack/Api] memoryLimitMiB: received 4096; allowed: with cpu 256, one of 512, 1024 to 2048 in steps of 1024');
  });

  test('[COST-4] fails for a CPU value Fargate refuses', () => {
    expect(fails({ cpu: 768 })).toThrow(
      "[Stack/Api] cpu: received 768; allowed: one of Fargate's CPU values: 256, 512, 1024, 2048, 4096, 8192, 16384");
  });

  test('[COST-4] the size table: every pair Fargate lists', () => {
    expect(fargateMemoryChoices(256)).toEqual([512, 1024, 2048]);
    expect(fargateMemoryChoices(4096)).toHaveLength(23);
    expect(fargateMemoryChoices(8192)?.[0]).toBe(16384);
    expect(fargateMemoryChoices(16384)?.slice(-1)).toEqual([122880]);
    expect(fargateMemoryChoices(100)).toBeUndefined();
  });

  test('[COST-4] validation skips tokens', () => {
    const stack = new Stack(new App(), 'Stack', { env: ENV });
    const param = (name: string) => new CfnParameter(stack, name, { type: 'Number' }).valueAsNumber;
    expect(() => new FargateBlueGreenService(stack, 'Api', {
      image: IMAGE, containerPort: param('Port'), cpu: param('Cpu'), memoryLimitMiB: param('Mem'), minTasks: param('Min'),
    })).not.toThrow();
    expect(Token.isUnresolved(param('Other'))).toBe(true);
  });
});

describe('CDK-5 secrets', () => {
  test('[CDK-5] fails for a secret-looking plaintext environment value, with the shared rule and message', () => {
    expect(fails({ environment: { DB_PASSWORD: 'hunter2' } })).toThrow(
      "[Stack/Api] environment.DB_PASSWORD: received '<plaintext value, redacted>';" + ' allowed: no plaintext secrets in environment variables. ' +
      'Store it in Secrets Manager and pass it as `secrets: { DB_PASSWORD: ecs.Secret.fromSecretsManager(secret) }` ' +
      '(ECS injects it at task start; the execution role gets read access)');
  });

  test('[CDK-5] container.addEnvironment after construction refuses it too, with the same rule and message', () => {
    const { svc } = build();
    expect(() => svc.container.addEnvironment('DB_PASSWORD', 'hunter2')).toThrow(
      "[Stack/Api/TaskDefinition/App] environment.DB_PASSWORD: received '<plaintext value, redacted>';" + ' allowed: no plaintext secrets in environment variables. ' +
      'Store it in Secrets Manager and pass it as `secrets: { DB_PASSWORD: ecs.Secret.fromSecretsManager(secret) }` ' +
      '(ECS injects it at task start; the execution role gets read access)');
  });

  test('[CDK-5] container.addEnvironment adds plain settings', () => {
    const stack = new Stack(new App(), 'Stack', { env: ENV });
    const svc = new FargateBlueGreenService(stack, 'Api', { image: IMAGE, containerPort: 80 });
    svc.container.addEnvironment('LOG_LEVEL', 'DEBUG');
    Template.fromStack(stack).hasResourceProperties('AWS::ECS::TaskDefinition', {
      ContainerDefinitions: [Match.objectLike({ Environment: [{ Name: 'LOG_LEVEL', Value: 'DEBUG' }] })],
    });
  });

  test('[CDK-5] plain settings and secret references are fine in the environment', () => {
    const { template } = build({ environment: { LOG_LEVEL: 'INFO', DB_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db' } });
    template.hasResourceProperties('AWS::ECS::TaskDefinition', {
      ContainerDefinitions: [Match.objectLike({ Environment: Match.arrayWith([{ Name: 'LOG_LEVEL', Value: 'INFO' }]) })],
    });
  });

  test('[CDK-5] secrets come from Secrets Manager through `secrets`, read by the execution role', () => {
    const stack = new Stack(new App(), 'Stack', { env: ENV });
    const secret = new secretsmanager.Secret(stack, 'Db');
    const svc = new FargateBlueGreenService(stack, 'Api', {
      image: IMAGE,
      containerPort: 80,
      secrets: { DB_PASSWORD: ecs.Secret.fromSecretsManager(secret, 'password') },
    });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::ECS::TaskDefinition', {
      ContainerDefinitions: [Match.objectLike({ Secrets: [{ Name: 'DB_PASSWORD', ValueFrom: Match.anyValue() }], Environment: Match.absent() })],
    });
    const execId = stack.getLogicalId((svc.executionRole as iam.Role).node.defaultChild as iam.CfnRole);
    // the execution role's policy holds the secret's read actions (compared as a set: the
    // recommended flag minimizePolicies sorts them)
    const execPolicies = Object.values(template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: execId }] } }));
    expect(execPolicies).toHaveLength(1);
    const secretStatements = execPolicies[0].Properties.PolicyDocument.Statement
      .filter((s: any) => [s.Action].flat().some((a: string) => a.startsWith('secretsmanager:')));
    expect(secretStatements).toHaveLength(1);
    expect([secretStatements[0].Action].flat().sort()).toEqual(['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue']);
    // the task role is not given the secret
    const taskId = stack.getLogicalId((svc.taskRole as iam.Role).node.defaultChild as iam.CfnRole);
    expect(JSON.stringify(template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: taskId }] } }))).not.toContain('secretsmanager:');
  });
});

describe('ECS-3 auto scaling', () => {
  test('[ECS-3] min 2, max 10, CPU target tracking at 60 %, desired count = min', () => {
    const { template } = defaults();
    template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', { MinCapacity: 2, MaxCapacity: 10 });
    template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      TargetTrackingScalingPolicyConfiguration: Match.objectLike({
        PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' }, TargetValue: 60,
      }),
    });
    template.hasResourceProperties('AWS::ECS::Service', { DesiredCount: 2 });
    template.resourceCountIs('AWS::ApplicationAutoScaling::ScalingPolicy', 1);
  });

  test('[ECS-3] min, max, desired and CPU target are honoured', () => {
    const { template } = build({ minTasks: 3, maxTasks: 20, desiredTasks: 4, cpuTargetPercent: 50 });
    template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', { MinCapacity: 3, MaxCapacity: 20 });
    template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      TargetTrackingScalingPolicyConfiguration: Match.objectLike({ TargetValue: 50 }),
    });
    template.hasResourceProperties('AWS::ECS::Service', { DesiredCount: 4 });
  });

  test('[ECS-3] request-count tracking on both target groups scales out only (CPU scales in)', () => {
    const { template } = build({ requestsPerTarget: 500 });
    const policies = Object.values(template.findResources('AWS::ApplicationAutoScaling::ScalingPolicy'))
      .map((p) => p.Properties.TargetTrackingScalingPolicyConfiguration)
      .filter((c) => c.PredefinedMetricSpecification.PredefinedMetricType === 'ALBRequestCountPerTarget');
    expect(policies).toHaveLength(2);
    for (const c of policies) {
      expect(c).toMatchObject({ TargetValue: 500, DisableScaleIn: true });
    }
  });

  test('[ECS-3] fails for min tasks above max tasks', () => {
    expect(fails({ minTasks: 5, maxTasks: 3 })).toThrow('[Stack/Api] minTasks: received 5; allowed: at most maxTasks (3)');
  });

  test('[ECS-3] fails for a desired count outside min..max', () => {
    expect(fails({ desiredTasks: 11 })).toThrow('[Stack/Api] desiredTasks: received 11; allowed: from minTasks (2) to maxTasks (10)');
  });

  test('[ECS-3] fails for a CPU target outside 1..100', () => {
    expect(fails({ cpuTargetPercent: 0 })).toThrow('[Stack/Api] cpuTargetPercent: received 0; allowed: an integer from 1 to 100');
  });
});

describe('the load balancer', () => {
  test('[ECS-4] HTTPS on 443 with the recommended TLS policy, HTTP 80 redirects, the test listener on 8443', () => {
    const { template } = defaults();
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Protocol: 'HTTPS', Port: 443, Certificates: [{ CertificateArn: CERT_ARN }], SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
    });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Protocol: 'HTTP',
      Port: 80,
      DefaultActions: [{ Type: 'redirect', RedirectConfig: { Port: '443', Protocol: 'HTTPS', StatusCode: 'HTTP_301' } }],
    });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Protocol: 'HTTPS', Port: 8443 });
  });

  test('[ECS-4] invalid header fields are dropped, access logs go to the access-log bucket, deletion protection in PROD only', () => {
    const attrs = (stage: DeploymentStage) => {
      const lb = Object.values(build({}, stage).template.findResources('AWS::ElasticLoadBalancingV2::LoadBalancer'))[0];
      return Object.fromEntries(lb.Properties.LoadBalancerAttributes.map((a: any) => [a.Key, a.Value]));
    };
    expect(attrs(DeploymentStage.PROD)).toMatchObject({
      'routing.http.drop_invalid_header_fields.enabled': 'true',
      'access_logs.s3.enabled': 'true',
      'access_logs.s3.prefix': 'alb',
      'deletion_protection.enabled': 'true',
    });
    expect(attrs(DeploymentStage.DEV)).toMatchObject({ 'deletion_protection.enabled': 'false' });
  });

  test('[ECS-4] the tasks accept only the load balancer\'s security group; the test listener only the VPC', () => {
    const { template } = defaults();
    template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      FromPort: 80, ToPort: 80, SourceSecurityGroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('ApiLoadBalancerSecurityGroup'), 'GroupId'] },
    });
    const lbSg = Object.values(template.findResources('AWS::EC2::SecurityGroup'))
      .find((r) => r.Properties.GroupDescription.startsWith('The load balancer'))!;
    expect(lbSg.Properties.SecurityGroupIngress.map((r: any) => `${r.CidrIp}:${r.FromPort}`).sort())
      .toEqual(['0.0.0.0/0:443', '0.0.0.0/0:80', '10.0.0.0/16:8443']);
    expect(lbSg.Properties.SecurityGroupEgress).toBeUndefined();
    template.resourceCountIs('AWS::EC2::SecurityGroupEgress', 1);
  });

  test('[ECS-4] testListenerPeer widens or narrows the test listener', () => {
    const { template } = build({ testListenerPeer: ec2.Peer.ipv4('192.168.0.0/24') });
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupIngress: Match.arrayWith([Match.objectLike({ CidrIp: '192.168.0.0/24', FromPort: 8443 })]),
    });
  });

  test('[ECS-4] an internal load balancer opens nothing to the internet', () => {
    const { template } = build({ internetFacing: false });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', { Scheme: 'internal' });
    const lbSg = Object.values(template.findResources('AWS::EC2::SecurityGroup'))
      .find((r) => r.Properties.GroupDescription.startsWith('The load balancer'))!;
    expect(JSON.stringify(lbSg.Properties.SecurityGroupIngress ?? [])).not.toContain('0.0.0.0/0');
  });

  test('[ECS-4] without a certificate: HTTP 80 production, HTTP 8080 test, no redirect', () => {
    const { svc, template } = build({ withCertificate: false });
    expect(svc.redirectListener).toBeUndefined();
    template.resourceCountIs('AWS::ElasticLoadBalancingV2::Listener', 2);
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Protocol: 'HTTP', Port: 8080 });
  });

  test('[ECS-4] webAclArn associates a WAF web ACL', () => {
    const arn = 'arn:aws:wafv2:us-east-1:123456789012:regional/webacl/api/abc';
    build({ webAclArn: arn }).template.hasResourceProperties('AWS::WAFv2::WebACLAssociation', { WebACLArn: arn });
  });

  test('[ECS-4] fails for a test listener port equal to the production port', () => {
    expect(fails({ testListenerPort: 443 })).toThrow(
      "[Stack/Api] testListenerPort: received 443; allowed: a port other than the production listener's (443, and 80, the HTTP redirect)");
    expect(fails({ withCertificate: false, testListenerPort: 80 })).toThrow(
      "[Stack/Api] testListenerPort: received 80; allowed: a port other than the production listener's (80)");
  });

  test('[ECS-1] fails for a container port outside 1-65535', () => {
    expect(fails({ containerPort: 0 })).toThrow('[Stack/Api] containerPort: received 0; allowed: an integer from 1 to 65535');
    expect(fails({ containerPort: 70000 })).toThrow('[Stack/Api] containerPort: received 70000; allowed: an integer from 1 to 65535');
  });
});

describe('ECS-4 ECS-native blue/green (the default)', () => {
  test('[ECS-4] BLUE_GREEN with a 15 minute bake time, circuit breaker and rollback on the construct\'s alarms', () => {
    const { svc, stack, template } = defaults();
    // written out by the construct, also under the recommended flag
    // @aws-cdk/aws-ecs:disableExplicitDeploymentControllerForCircuitBreaker, so turning it on changes nothing
    template.hasResourceProperties('AWS::ECS::Service', {
      DeploymentController: { Type: 'ECS' },
      DeploymentConfiguration: {
        Strategy: 'BLUE_GREEN',
        BakeTimeInMinutes: 15,
        DeploymentCircuitBreaker: { Enable: true, Rollback: true },
        Alarms: {
          AlarmNames: [
            { Ref: stack.getLogicalId(svc.target5xxAlarm.node.defaultChild as any) },
            { Ref: stack.getLogicalId(svc.unhealthyHostsAlarm.node.defaultChild as any) },
          ],
          Enable: true,
          Rollback: true,
        },
        MaximumPercent: 200,
        MinimumHealthyPercent: 100,
      },
    });
    expect(svc.deploymentGroup).toBeUndefined();
    template.resourceCountIs('AWS::CodeDeploy::DeploymentGroup', 0);
  });

  test('[ECS-4] the alternate target: green target group, production and test listener rules, the exposed infrastructure role', () => {
    const { svc, stack, template } = defaults();
    const id = (c: any) => stack.getLogicalId(c.node.defaultChild ?? c);
    template.hasResourceProperties('AWS::ECS::Service', {
      LoadBalancers: [{
        ContainerName: 'App',
        ContainerPort: 80,
        TargetGroupArn: { Ref: id(svc.blueTargetGroup) },
        AdvancedConfiguration: {
          AlternateTargetGroupArn: { Ref: id(svc.greenTargetGroup) },
          ProductionListenerRule: { Ref: id(svc.productionRule) },
          TestListenerRule: { Ref: id(svc.testRule) },
          RoleArn: { 'Fn::GetAtt': [id(svc.infrastructureRole), 'Arn'] },
        },
      }],
    });
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'ecs.amazonaws.com' } })] },
      ManagedPolicyArns: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancers']] }],
    });
  });

  test('[ECS-4] the production and test rules forward to both target groups (blue 100, green 0); the listeners answer 404 otherwise', () => {
    const { template } = defaults();
    const rules = Object.values(template.findResources('AWS::ElasticLoadBalancingV2::ListenerRule'));
    expect(rules).toHaveLength(2);
    for (const rule of rules) {
      expect(rule.Properties.Priority).toBe(1);
      expect(rule.Properties.Actions[0].ForwardConfig.TargetGroups.map((t: any) => t.Weight)).toEqual([100, 0]);
    }
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 443, DefaultActions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404', ContentType: 'text/plain', MessageBody: 'Not Found' } }],
    });
  });

  test('[ECS-4] a new image or task size changes neither listener rule (aws-cdk issue 36649)', () => {
    const rules = (extra: Extra) => JSON.stringify(build(extra).template.findResources('AWS::ElasticLoadBalancingV2::ListenerRule'));
    const before = rules({});
    const after = rules({
      image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.28'),
      cpu: 1024,
      memoryLimitMiB: 2048,
      environment: { RELEASE: '2' },
      minTasks: 3,
    });
    expect(after).toEqual(before);
    const t1 = defaults().template.toJSON();
    const t2 = build({ image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.28') }).template.toJSON();
    const changed = Object.keys(t1.Resources).filter((k) => JSON.stringify(t1.Resources[k]) !== JSON.stringify(t2.Resources[k]));
    expect(changed).toEqual([expect.stringMatching(/^ApiTaskDefinition/)]);
  });

  test('[ECS-4] a given infrastructure role is used and none is created', () => {
    const stack = new Stack(new App(), 'Stack', { env: ENV });
    const role = iam.Role.fromRoleArn(stack, 'Infra', 'arn:aws:iam::123456789012:role/ecs-infra');
    const svc = new FargateBlueGreenService(stack, 'Api', { image: IMAGE, containerPort: 80, infrastructureRole: role });
    expect(svc.infrastructureRole).toBe(role);
    Template.fromStack(stack).hasResourceProperties('AWS::ECS::Service', {
      LoadBalancers: [Match.objectLike({ AdvancedConfiguration: Match.objectLike({ RoleArn: 'arn:aws:iam::123456789012:role/ecs-infra' }) })],
    });
  });

  test('[ECS-4] bakeTime is honoured', () => {
    build({ bakeTime: Duration.minutes(60) }).template.hasResourceProperties('AWS::ECS::Service', {
      DeploymentConfiguration: Match.objectLike({ BakeTimeInMinutes: 60 }),
    });
  });

  test('[ECS-4] linear traffic shifting', () => {
    build({ traffic: BlueGreenTraffic.linear(10, Duration.minutes(5)) }).template.hasResourceProperties('AWS::ECS::Service', {
      DeploymentConfiguration: Match.objectLike({ Strategy: 'LINEAR', LinearConfiguration: { StepPercent: 10, StepBakeTimeInMinutes: 5 } }),
    });
  });

  test('[ECS-4] canary traffic shifting', () => {
    build({ traffic: BlueGreenTraffic.canary(5, Duration.minutes(10)) }).template.hasResourceProperties('AWS::ECS::Service', {
      DeploymentConfiguration: Match.objectLike({ Strategy: 'CANARY', CanaryConfiguration: { CanaryPercent: 5, CanaryBakeTimeInMinutes: 10 } }),
    });
  });

  test('[ECS-4] lifecycle hooks are passed to ECS', () => {
    const stack = new Stack(new App(), 'Stack', { env: ENV });
    const fn = lambda.Function.fromFunctionArn(stack, 'Hook', 'arn:aws:lambda:us-east-1:123456789012:function:hook');
    new FargateBlueGreenService(stack, 'Api', {
      image: IMAGE,
      containerPort: 80,
      lifecycleHooks: [
        new ecs.DeploymentLifecycleLambdaTarget(fn, 'PostTest', { lifecycleStages: [ecs.DeploymentLifecycleStage.POST_TEST_TRAFFIC_SHIFT] }),
      ],
    });
    Template.fromStack(stack).hasResourceProperties('AWS::ECS::Service', {
      DeploymentConfiguration: Match.objectLike({
        LifecycleHooks: [Match.objectLike({ HookTargetArn: 'arn:aws:lambda:us-east-1:123456789012:function:hook', LifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'] })],
      }),
    });
  });

  test('[ECS-4] the rollback alarms watch both target groups: 5xx rate >= 5 % and unhealthy targets >= 1', () => {
    const { template } = defaults();
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Threshold: 5,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
      Metrics: Match.arrayWith([Match.objectLike({ Expression: '100 * (FILL(b5xx, 0) + FILL(g5xx, 0)) / (FILL(breq, 0) + FILL(greq, 0))' })]),
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Threshold: 1, Metrics: Match.arrayWith([Match.objectLike({ Expression: 'MAX([FILL(bu, 0), FILL(gu, 0)])' })]),
    });
  });

  test('[ECS-4] rollback5xxPercent, rollbackAlarms and alarmActions are honoured', () => {
    const stack = new Stack(new App(), 'Stack', { env: ENV });
    const extra = new cloudwatch.Alarm(stack, 'Latency', {
      metric: new cloudwatch.Metric({ namespace: 'App', metricName: 'Latency' }),
      threshold: 1,
      evaluationPeriods: 1,
    });
    const topic = new sns.Topic(stack, 'Topic');
    const action = new cwActions.SnsAction(topic);
    new FargateBlueGreenService(stack, 'Api', { image: IMAGE, containerPort: 80, rollback5xxPercent: 2, rollbackAlarms: [extra], alarmActions: [action] });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { Threshold: 2, AlarmActions: [{ Ref: stack.getLogicalId(topic.node.defaultChild as sns.CfnTopic) }] });
    const extraName = { Ref: stack.getLogicalId(extra.node.defaultChild as cloudwatch.CfnAlarm) };
    template.hasResourceProperties('AWS::ECS::Service', {
      DeploymentConfiguration: Match.objectLike({ Alarms: Match.objectLike({ AlarmNames: Match.arrayWith([extraName]) }) }),
    });
  });

  test('[ECS-4] fails for linear step percentages ECS refuses', () => {
    expect(fails({ traffic: BlueGreenTraffic.linear(2, Duration.minutes(5)) })).toThrow(
      '[Stack/Api] traffic (linear stepPercent): received 2; allowed: a multiple of 0.1 from 3 to 100');
    expect(fails({ traffic: BlueGreenTraffic.linear(10.05, Duration.minutes(5)) })).toThrow(
      '[Stack/Api] traffic (linear stepPercent): received 10.05; allowed: a multiple of 0.1 from 3 to 100');
  });

  test('[ECS-4] fails for canary percentages ECS refuses', () => {
    expect(fails({ traffic: BlueGreenTraffic.canary(0.05, Duration.minutes(5)) })).toThrow(
      '[Stack/Api] traffic (canary percent): received 0.05; allowed: a multiple of 0.1 from 0.1 to 100');
    expect(fails({ traffic: BlueGreenTraffic.canary(101, Duration.minutes(5)) })).toThrow(
      '[Stack/Api] traffic (canary percent): received 101; allowed: a multiple of 0.1 from 0.1 to 100');
  });

  test('[ECS-4] fails for step bake times ECS refuses', () => {
    expect(fails({ traffic: BlueGreenTraffic.linear(10, Duration.minutes(1441)) })).toThrow(
      '[Stack/Api] traffic (linear stepBakeTime): received 1 day 1 minute; allowed: whole minutes from 0 to 1440');
    expect(fails({ traffic: BlueGreenTraffic.canary(10, Duration.seconds(90)) })).toThrow(
      '[Stack/Api] traffic (canary bakeTime): received 1 minute 30 seconds; allowed: whole minutes from 0 to 1440');
  });

  test('[ECS-4] fails for a bake time ECS refuses', () => {
    expect(fails({ bakeTime: Duration.hours(25) })).toThrow('[Stack/Api] bakeTime: received 1 day 1 hour; allowed: whole minutes from 0 to 1440');
  });

  test('[ECS-4] fails for a linear deployment longer than CloudFormation accepts (33 hours)', () => {
    expect(fails({ traffic: BlueGreenTraffic.linear(3, Duration.minutes(60)) })).toThrow(
      '[Stack/Api] traffic: received \'bakeTime 15 min + 33 step(s) × 60 min = 1995 minutes\'; allowed: at most 1980 minutes');
  });

  test('[ECS-4] fails for CodeDeploy-only props in ECS-native mode', () => {
    expect(fails({ codeDeployConfig: codedeploy.EcsDeploymentConfig.ALL_AT_ONCE })).toThrow(
      "[Stack/Api] codeDeployConfig: received '(set, with deploymentController ECS_NATIVE)'; allowed: only with deploymentController: BlueGreenController.CODE_DEPLOY");
    expect(fails({ codeDeployTerminationWait: Duration.minutes(5) })).toThrow(
      "[Stack/Api] codeDeployTerminationWait: received '(set, with deploymentController ECS_NATIVE)'");
  });
});

describe('ECS-4 CodeDeploy blue/green (the document\'s pattern)', () => {
  test('[ECS-4] CODE_DEPLOY controller; CloudFormation names only the task family, so it cannot roll out revisions', () => {
    const { svc, stack, template } = build(CD);
    const service = Object.values(template.findResources('AWS::ECS::Service'))[0].Properties;
    expect(service.DeploymentController).toEqual({ Type: 'CODE_DEPLOY' });
    // the family, not the revision's ARN: a new revision does not change the service resource
    expect(service.TaskDefinition).toEqual(stack.resolve(svc.taskDefinition.family));
    expect(service.DeploymentConfiguration.Strategy).toBeUndefined();
    template.resourceCountIs('AWS::ElasticLoadBalancingV2::ListenerRule', 0);
    // flow logs, task, execution and CodeDeploy roles (and, with the recommended flag
    // @aws-cdk/aws-ec2:restrictDefaultSecurityGroup, the VPC's custom-resource role): no ECS infrastructure role
    const trusted = Object.values(template.findResources('AWS::IAM::Role'))
      .map((r: any) => r.Properties.AssumeRolePolicyDocument.Statement.map((st: any) => st.Principal.Service).join(','));
    expect(trusted.filter((p) => p !== 'lambda.amazonaws.com').sort())
      .toEqual(['codedeploy.amazonaws.com', 'ecs-tasks.amazonaws.com', 'ecs-tasks.amazonaws.com', 'vpc-flow-logs.amazonaws.com']);
    expect(trusted).not.toContain('ecs.amazonaws.com');
  });

  test('[ECS-4] the deployment group: blue and green target groups, test listener, 15 minute wait, all at once, rollback on the alarms', () => {
    const { svc, stack, template } = build(CD);
    const id = (c: any) => stack.getLogicalId(c.node.defaultChild ?? c);
    expect(svc.deploymentGroup).toBeInstanceOf(codedeploy.EcsDeploymentGroup);
    expect(svc.infrastructureRole).toBeUndefined();
    template.hasResourceProperties('AWS::CodeDeploy::DeploymentGroup', {
      DeploymentConfigName: 'CodeDeployDefault.ECSAllAtOnce',
      DeploymentStyle: { DeploymentOption: 'WITH_TRAFFIC_CONTROL', DeploymentType: 'BLUE_GREEN' },
      AutoRollbackConfiguration: { Enabled: true, Events: ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_REQUEST', 'DEPLOYMENT_STOP_ON_ALARM'] },
      AlarmConfiguration: { Enabled: true, Alarms: [{ Name: { Ref: id(svc.target5xxAlarm) } }, { Name: { Ref: id(svc.unhealthyHostsAlarm) } }] },
      BlueGreenDeploymentConfiguration: {
        TerminateBlueInstancesOnDeploymentSuccess: { Action: 'TERMINATE', TerminationWaitTimeInMinutes: 15 },
        DeploymentReadyOption: { ActionOnTimeout: 'CONTINUE_DEPLOYMENT', WaitTimeInMinutes: 0 },
      },
      LoadBalancerInfo: {
        TargetGroupPairInfoList: [{
          TargetGroups: [{ Name: { 'Fn::GetAtt': [id(svc.blueTargetGroup), 'TargetGroupName'] } }, { Name: { 'Fn::GetAtt': [id(svc.greenTargetGroup), 'TargetGroupName'] } }],
          ProdTrafficRoute: { ListenerArns: [{ Ref: id(svc.listener) }] },
          TestTrafficRoute: { ListenerArns: [{ Ref: id(svc.testListener) }] },
        }],
      },
    });
  });

  test('[ECS-4] production starts on blue, the test listener on green', () => {
    const { svc, stack, template } = build(CD);
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 443, DefaultActions: [{ Type: 'forward', TargetGroupArn: { Ref: stack.getLogicalId(svc.blueTargetGroup.node.defaultChild as any) } }],
    });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 8443, DefaultActions: [{ Type: 'forward', TargetGroupArn: { Ref: stack.getLogicalId(svc.greenTargetGroup.node.defaultChild as any) } }],
    });
  });

  test('[ECS-4] codeDeployConfig and codeDeployTerminationWait are honoured', () => {
    build({ ...CD, codeDeployConfig: codedeploy.EcsDeploymentConfig.CANARY_10PERCENT_5MINUTES, codeDeployTerminationWait: Duration.minutes(30) })
      .template.hasResourceProperties('AWS::CodeDeploy::DeploymentGroup', {
        DeploymentConfigName: 'CodeDeployDefault.ECSCanary10Percent5Minutes',
        BlueGreenDeploymentConfiguration: Match.objectLike({ TerminateBlueInstancesOnDeploymentSuccess: { Action: 'TERMINATE', TerminationWaitTimeInMinutes: 30 } }),
      });
  });

  test('[ECS-4] the CodeDeploy role has the AWS managed policy for ECS deployments', () => {
    build(CD).template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'codedeploy.amazonaws.com' } })] },
      ManagedPolicyArns: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/AWSCodeDeployRoleForECS']] }],
    });
  });

  test('[ECS-4] fails for ECS-native-only props with CodeDeploy', () => {
    expect(fails({ ...CD, traffic: BlueGreenTraffic.allAtOnce() })).toThrow(
      "[Stack/Api] traffic: received '(set, with deploymentController CODE_DEPLOY)'; allowed: only with deploymentController: BlueGreenController.ECS_NATIVE (the default)");
    expect(fails({ ...CD, bakeTime: Duration.minutes(5) })).toThrow("[Stack/Api] bakeTime: received '(set, with deploymentController CODE_DEPLOY)'");
  });

  test('[ECS-4] fails for lifecycle hooks with CodeDeploy', () => {
    expect(fails({ ...CD, lifecycleHooks: [] })).toThrow(
      "[Stack/Api] lifecycleHooks: received '(set, with deploymentController CODE_DEPLOY)'; allowed: only with deploymentController: BlueGreenController.ECS_NATIVE (the default). " +
      'Lifecycle hooks are an ECS-native feature; with CodeDeploy, put the hooks in the AppSpec');
  });
});

describe('the fixed monthly cost of the defaults (src/fargate-service/README.md)', () => {
  // us-east-1 list prices (USD), 730 hours a month; traffic-driven charges are left out
  const HOURS = 730;
  const PRICE = { natHour: 0.045, ipv4Hour: 0.005, albHour: 0.0225, vcpuHour: 0.04048, gbHour: 0.004445 };
  const monthly = (stage: DeploymentStage) => {
    const t = build({}, stage).template.toJSON();
    const resources = Object.values<any>(t.Resources);
    const count = (type: string) => resources.filter((r) => r.Type === type).length;
    const task = resources.find((r) => r.Type === 'AWS::ECS::TaskDefinition').Properties;
    const tasks = resources.find((r) => r.Type === 'AWS::ECS::Service').Properties.DesiredCount;
    const subnetsOfAlb = 2; // an internet-facing ALB has one public IPv4 address per Availability Zone
    const nat = count('AWS::EC2::NatGateway') * (PRICE.natHour + PRICE.ipv4Hour) * HOURS;
    const alb = count('AWS::ElasticLoadBalancingV2::LoadBalancer') * (PRICE.albHour + subnetsOfAlb * PRICE.ipv4Hour) * HOURS;
    const fargate = tasks * ((Number(task.Cpu) / 1024) * PRICE.vcpuHour + (Number(task.Memory) / 1024) * PRICE.gbHour) * HOURS;
    return [nat, alb, fargate, nat + alb + fargate].map((x) => Math.round(x * 100) / 100);
  };

  test('[COST-4] PROD: $73.00 NAT + $23.73 ALB + $36.04 tasks = $132.77 a month', () => {
    expect(monthly(DeploymentStage.PROD)).toEqual([73, 23.73, 36.04, 132.77]);
  });

  test('[COST-4] DEV: $36.50 NAT + $23.73 ALB + $36.04 tasks = $96.27 a month', () => {
    expect(monthly(DeploymentStage.DEV)).toEqual([36.5, 23.73, 36.04, 96.27]);
  });
});
