import {
  Duration,
  RemovalPolicy,
  aws_certificatemanager as acm,
  aws_cloudwatch as cloudwatch,
  aws_ec2 as ec2,
  aws_ecs as ecs,
  aws_elasticloadbalancingv2 as elbv2,
  aws_iam as iam,
  aws_logs as logs,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { plainAccessLogsBucket } from './secure-bucket';

/** What a plain FargateBlueGreenService is given. */
export interface PlainServiceProps {
  readonly image: ecs.ContainerImage;
  readonly certificate: acm.ICertificate;
  readonly secrets?: Record<string, ecs.Secret>;
}

/** The service and its task role (for grants). */
export interface PlainService {
  readonly service: ecs.FargateService;
  readonly taskRole: iam.Role;
}

/**
 * FargateBlueGreenService's checklist (ECS-1…5) in plain aws-cdk-lib: a two-AZ VPC with flow logs,
 * a cluster with Container Insights, a task with a health-checked container logging to a retained
 * log group, an HTTPS load balancer with access logs, a test listener, two target groups, ECS-native
 * blue/green with bake time and rollback on two alarms, and CPU auto-scaling from 2 to 10 tasks.
 */
export function plainFargateService(scope: Construct, id: string, props: PlainServiceProps): PlainService {
  // plain:start
  const vpc = new ec2.Vpc(scope, `${id}Vpc`, {
    ipAddresses: ec2.IpAddresses.cidr('10.0.0.0/16'),
    maxAzs: 2,
    natGateways: 2,
    subnetConfiguration: [
      { name: 'Public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
      { name: 'Private', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 22 },
    ],
  });
  const flowLogs = new logs.LogGroup(scope, `${id}FlowLogs`, { retention: logs.RetentionDays.ONE_YEAR, removalPolicy: RemovalPolicy.RETAIN });
  vpc.addFlowLog('FlowLog', { destination: ec2.FlowLogDestination.toCloudWatchLogs(flowLogs), trafficType: ec2.FlowLogTrafficType.ALL });
  const cluster = new ecs.Cluster(scope, `${id}Cluster`, { vpc, containerInsightsV2: ecs.ContainerInsights.ENABLED });
  const taskRole = new iam.Role(scope, `${id}TaskRole`, { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') });
  const taskDefinition = new ecs.FargateTaskDefinition(scope, `${id}TaskDefinition`, {
    cpu: 512,
    memoryLimitMiB: 1024,
    taskRole,
    runtimePlatform: { cpuArchitecture: ecs.CpuArchitecture.X86_64, operatingSystemFamily: ecs.OperatingSystemFamily.LINUX },
  });
  const serviceLogs = new logs.LogGroup(scope, `${id}ServiceLogs`, { retention: logs.RetentionDays.ONE_YEAR, removalPolicy: RemovalPolicy.RETAIN });
  taskDefinition.addContainer('App', {
    containerName: 'App',
    image: props.image,
    portMappings: [{ containerPort: 80, protocol: ecs.Protocol.TCP }],
    logging: ecs.LogDrivers.awsLogs({ logGroup: serviceLogs, streamPrefix: 'app' }),
    secrets: props.secrets,
    healthCheck: {
      command: ['CMD-SHELL', 'curl -f http://localhost:80/ || exit 1'],
      interval: Duration.seconds(30),
      timeout: Duration.seconds(5),
      retries: 3,
      startPeriod: Duration.seconds(60),
    },
    essential: true,
  });
  const albSecurityGroup = new ec2.SecurityGroup(scope, `${id}LoadBalancerSecurityGroup`, { vpc, allowAllOutbound: false });
  const loadBalancer = new elbv2.ApplicationLoadBalancer(scope, `${id}LoadBalancer`, {
    vpc,
    internetFacing: true,
    securityGroup: albSecurityGroup,
    dropInvalidHeaderFields: true,
    deletionProtection: true,
  });
  const albLogs = plainAccessLogsBucket(scope, `${id}AccessLogs`);
  loadBalancer.logAccessLogs(albLogs, 'alb');
  const notFound = elbv2.ListenerAction.fixedResponse(404, { contentType: 'text/plain', messageBody: 'Not found' });
  const listener = loadBalancer.addListener('Listener', {
    protocol: elbv2.ApplicationProtocol.HTTPS,
    port: 443,
    certificates: [elbv2.ListenerCertificate.fromCertificateManager(props.certificate)],
    sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS,
    defaultAction: notFound,
  });
  loadBalancer.addRedirect({ sourcePort: 80, targetPort: 443 });
  const testListener = loadBalancer.addListener('TestListener', {
    protocol: elbv2.ApplicationProtocol.HTTPS,
    port: 8443,
    certificates: [elbv2.ListenerCertificate.fromCertificateManager(props.certificate)],
    sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS,
    open: false,
    defaultAction: notFound,
  });
  testListener.connections.allowDefaultPortFrom(ec2.Peer.ipv4('10.0.0.0/16'));
  const targetGroup = (name: string) => new elbv2.ApplicationTargetGroup(scope, `${id}${name}`, {
    vpc,
    port: 80,
    protocol: elbv2.ApplicationProtocol.HTTP,
    targetType: elbv2.TargetType.IP,
    healthCheck: {
      path: '/',
      healthyHttpCodes: '200-399',
      interval: Duration.seconds(15),
      timeout: Duration.seconds(5),
      healthyThresholdCount: 2,
      unhealthyThresholdCount: 3,
    },
    deregistrationDelay: Duration.seconds(30),
  });
  const blue = targetGroup('Blue');
  const green = targetGroup('Green');
  const forward = () => elbv2.ListenerAction.weightedForward([{ targetGroup: blue, weight: 100 }, { targetGroup: green, weight: 0 }]);
  const productionRule = new elbv2.ApplicationListenerRule(scope, `${id}ProductionRule`, {
    listener,
    priority: 1,
    conditions: [elbv2.ListenerCondition.pathPatterns(['/*'])],
    action: forward(),
  });
  const testRule = new elbv2.ApplicationListenerRule(scope, `${id}TestRule`, {
    listener: testListener,
    priority: 1,
    conditions: [elbv2.ListenerCondition.pathPatterns(['/*'])],
    action: forward(),
  });
  // both alarms: a per-minute expression over the blue and green target groups, 3 periods at the threshold
  const alarm = (name: string, expression: string, usingMetrics: Record<string, cloudwatch.IMetric>, threshold: number) =>
    new cloudwatch.Alarm(scope, `${id}${name}Alarm`, {
      metric: new cloudwatch.MathExpression({ expression, usingMetrics, period: Duration.minutes(1) }),
      threshold,
      evaluationPeriods: 3,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
  const perMinute = (statistic: string) => ({ period: Duration.minutes(1), statistic });
  const target5xx = alarm('Target5xx', '100 * (b5 + g5) / MAX([b + g, 1])', {
    b5: blue.metrics.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, perMinute('Sum')),
    g5: green.metrics.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, perMinute('Sum')),
    b: blue.metrics.requestCount(perMinute('Sum')),
    g: green.metrics.requestCount(perMinute('Sum')),
  }, 5);
  const unhealthyHosts = alarm('UnhealthyHosts', 'MAX([b, g])', {
    b: blue.metrics.unhealthyHostCount(perMinute('Maximum')),
    g: green.metrics.unhealthyHostCount(perMinute('Maximum')),
  }, 1);
  const service = new ecs.FargateService(scope, `${id}Service`, {
    cluster,
    taskDefinition,
    desiredCount: 2,
    minHealthyPercent: 100,
    maxHealthyPercent: 200,
    vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
    assignPublicIp: false,
    healthCheckGracePeriod: Duration.seconds(60),
    deploymentStrategy: ecs.DeploymentStrategy.BLUE_GREEN,
    bakeTime: Duration.minutes(15),
    circuitBreaker: { enable: true, rollback: true },
    deploymentAlarms: { alarmNames: [target5xx.alarmName, unhealthyHosts.alarmName], behavior: ecs.AlarmBehavior.ROLLBACK_ON_ALARM },
  });
  const infrastructureRole = new iam.Role(scope, `${id}InfrastructureRole`, {
    assumedBy: new iam.ServicePrincipal('ecs.amazonaws.com'),
    managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonECSInfrastructureRolePolicyForLoadBalancers')],
  });
  service.loadBalancerTarget({
    containerName: 'App',
    containerPort: 80,
    protocol: ecs.Protocol.TCP,
    alternateTarget: new ecs.AlternateTarget('AlternateTarget', {
      alternateTargetGroup: green,
      productionListener: ecs.ListenerRuleConfiguration.applicationListenerRule(productionRule),
      testListener: ecs.ListenerRuleConfiguration.applicationListenerRule(testRule),
      role: infrastructureRole,
    }),
  }).attachToApplicationTargetGroup(blue);
  green.registerConnectable(service, ec2.Port.tcp(80));
  service.autoScaleTaskCount({ minCapacity: 2, maxCapacity: 10 }).scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60 });
  return { service, taskRole };
  // plain:end
}
