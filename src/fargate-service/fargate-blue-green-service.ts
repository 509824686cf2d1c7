import {
  Duration,
  aws_certificatemanager as acm,
  aws_cloudwatch as cloudwatch,
  aws_codedeploy as codedeploy,
  aws_ec2 as ec2,
  aws_ecs as ecs,
  aws_elasticloadbalancingv2 as elbv2,
  aws_iam as iam,
  aws_kms as kms,
  aws_logs as logs,
  aws_s3 as s3,
  aws_wafv2 as wafv2,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { BlueGreenController, BlueGreenTraffic } from './blue-green-traffic';
import { BlueGreenDeployment, DEFAULT_BAKE_TIME } from './private/blue-green-deployment';
import { GuardedContainerDefinition } from './private/guarded-container';
import { RegionAgnosticLoadBalancer } from './private/region-agnostic-load-balancer';
import { createRollbackAlarms } from './private/rollback-alarms';
import { CONTAINER_PORT, DEFAULT_CPU, DEFAULT_MEMORY_MIB, ListenerPlan, ServicePlan, planService } from './private/service-plan';
import { AccessLogsBucket } from '../core/access-logs-bucket';
import { AlarmRouting } from '../core/alarm-routing';
import { DeploymentStage, DeploymentStageOptions } from '../core/deployment-stage';
import { StageLogGroup } from '../core/log-group';
import { addWarning } from '../core/private/errors';
import { acknowledgeInherent } from '../core/private/rule-packs';
import { describeRange, requireProps } from '../core/private/validation';
import { StagePolicy } from '../core/stage-policy';

/** Properties of a `FargateBlueGreenService`. Only `image` and `containerPort` are required. */
export interface FargateBlueGreenServiceProps extends DeploymentStageOptions {
  // ---------------------------------------------------------------- container

  /** The container image, e.g. `ecs.ContainerImage.fromEcrRepository(repo, tag)`. */
  readonly image: ecs.ContainerImage;

  /** The port the container listens on (1–65535). */
  readonly containerPort: number;

  /**
   * The container's name in the task definition (the AppSpec of a CodeDeploy release names it).
   *
   * @default 'App'
   */
  readonly containerName?: string;

  /**
   * Plain environment variables. A secret-looking name with a literal value (`DB_PASSWORD=…`) is a
   * synth error (CDK-5): pass it through `secrets`.
   *
   * @default - none
   */
  readonly environment?: { [key: string]: string };

  /**
   * Secrets from Secrets Manager or SSM Parameter Store, injected by ECS at task start (CDK-5); the
   * execution role, not the task role, gets read access.
   *
   * @default - none
   */
  readonly secrets?: { [key: string]: ecs.Secret };

  /**
   * The HTTP path the container and target-group health checks request (ECS-1).
   *
   * @default '/'
   */
  readonly healthCheckPath?: string;

  /**
   * The container health check (ECS-1).
   *
   * @default - the document's form: `CMD-SHELL curl -f http://localhost:<containerPort><healthCheckPath> || exit 1`,
   * every 30 seconds, 5 second timeout, 3 retries, 60 second start period (the image must contain curl)
   */
  readonly healthCheck?: ecs.HealthCheck;

  /**
   * The user the container runs as (`uid`, `uid:gid` or a name), e.g. `'1000'` for a non-root user.
   *
   * @default - the image's user
   */
  readonly user?: string;

  /**
   * Whether the container's root filesystem is read-only.
   *
   * @default false - many images (nginx among them) write to their filesystem; turn it on when yours does not
   */
  readonly readonlyRootFilesystem?: boolean;

  // ---------------------------------------------------------------- task (COST-4, ECS-2)

  /**
   * The task's CPU units; with `memoryLimitMiB` it must be a pair Fargate accepts (COST-4).
   *
   * @default 512 - the document's size
   */
  readonly cpu?: number;

  /**
   * The task's memory in MiB (COST-4).
   *
   * @default 1024 - the document's size
   */
  readonly memoryLimitMiB?: number;

  /**
   * The CPU architecture; ARM64 (Graviton) costs about 20 % less per vCPU-hour (COST-4).
   *
   * @default ecs.CpuArchitecture.X86_64
   */
  readonly cpuArchitecture?: ecs.CpuArchitecture;

  /**
   * Whether tasks run on Fargate Spot (COST-4): one task always on regular Fargate, the rest on
   * Spot, which AWS can reclaim with two minutes' notice.
   *
   * @default false - every task on regular Fargate
   */
  readonly spot?: boolean;

  /**
   * The role the application's code runs as (ECS-2).
   *
   * @default - a new role that has no permissions until you grant them (`service.taskRole`)
   */
  readonly taskRole?: iam.IRole;

  /**
   * Whether ECS Exec (`aws ecs execute-command`) is on. It adds SSM permissions to the task role.
   *
   * @default false
   */
  readonly enableExecuteCommand?: boolean;

  /**
   * Where the container logs go.
   *
   * @default - a `StageLogGroup` (stage retention and removal)
   */
  readonly logGroup?: logs.ILogGroup;

  /**
   * A KMS key for the log groups the construct creates (container logs and VPC flow logs), for
   * regulated workloads; its key policy is extended for CloudWatch Logs.
   *
   * @default - CloudWatch Logs' own encryption
   */
  readonly logsEncryptionKey?: kms.IKey;

  // ---------------------------------------------------------------- scaling (ECS-3)

  /**
   * The fewest tasks (ECS-3).
   *
   * @default 2 - the document's minimum, one per Availability Zone
   */
  readonly minTasks?: number;

  /**
   * The most tasks (ECS-3).
   *
   * @default 10
   */
  readonly maxTasks?: number;

  /**
   * The task count a new service starts with; afterwards auto scaling decides.
   *
   * @default - `minTasks`
   */
  readonly desiredTasks?: number;

  /**
   * The average CPU utilization that target tracking keeps (ECS-3).
   *
   * @default 60
   */
  readonly cpuTargetPercent?: number;

  /**
   * Requests per target per minute that request-count target tracking keeps; it scales out only
   * (CPU tracking scales in), because the production target group alternates between deployments.
   *
   * @default - no request-count scaling
   */
  readonly requestsPerTarget?: number;

  // ---------------------------------------------------------------- network

  /**
   * The VPC. Ignored when `cluster` is given (the cluster's VPC is used).
   *
   * @default - a new VPC over two Availability Zones with flow logs; NAT gateways by stage (`natGateways`)
   */
  readonly vpc?: ec2.IVpc;

  /**
   * NAT gateways of the VPC the construct creates: the largest fixed cost of the setup.
   *
   * @default - 2 in PROD (one per Availability Zone, so egress survives the loss of one), 1 in DEV
   */
  readonly natGateways?: number;

  /**
   * The ECS cluster.
   *
   * @default - a new cluster with Container Insights (ECS-5)
   */
  readonly cluster?: ecs.ICluster;

  /**
   * Container Insights of the cluster the construct creates (ECS-5).
   *
   * @default ecs.ContainerInsights.ENABLED
   */
  readonly containerInsights?: ecs.ContainerInsights;

  /**
   * The subnets the tasks run in.
   *
   * @default - the VPC's private subnets with egress
   */
  readonly taskSubnets?: ec2.SubnetSelection;

  // ---------------------------------------------------------------- load balancer

  /**
   * Whether the load balancer is reachable from the internet.
   *
   * @default true
   */
  readonly internetFacing?: boolean;

  /**
   * The certificate of the HTTPS listener. With it, the production listener is HTTPS on 443 and
   * port 80 redirects to it; without it, the production listener is HTTP on 80 and the construct
   * warns (`FargateBlueGreenService.httpOnly`).
   *
   * @default - HTTP only, with a warning
   */
  readonly certificate?: acm.ICertificate;

  /**
   * The port of the test listener, which serves the new revision before production traffic moves.
   * It must differ from the production port.
   *
   * @default - 8443 with a certificate, 8080 without
   */
  readonly testListenerPort?: number;

  /**
   * Who may reach the test listener.
   *
   * @default - the VPC's CIDR range only
   */
  readonly testListenerPeer?: ec2.IPeer;

  /**
   * The bucket for the load balancer's access logs.
   *
   * @default - an `AccessLogsBucket`
   */
  readonly accessLogsBucket?: s3.IBucket;

  /**
   * The ARN of a WAFv2 web ACL (scope REGIONAL) to associate with the load balancer (regulated
   * workloads).
   *
   * @default - no web ACL
   */
  readonly webAclArn?: string;

  // ---------------------------------------------------------------- blue/green (ECS-4)

  /**
   * Which controller runs blue/green deployments.
   *
   * @default BlueGreenController.ECS_NATIVE
   */
  readonly deploymentController?: BlueGreenController;

  /**
   * ECS-native only: how production traffic moves to the new revision.
   *
   * @default BlueGreenTraffic.allAtOnce()
   */
  readonly traffic?: BlueGreenTraffic;

  /**
   * ECS-native only: how long the old revision keeps running after production traffic has moved,
   * so an alarm can roll back at once. Whole minutes from 0 to 1440.
   *
   * @default Duration.minutes(15)
   */
  readonly bakeTime?: Duration;

  /**
   * ECS-native only: Lambda functions ECS calls at deployment stages.
   *
   * @default - none
   */
  readonly lifecycleHooks?: ecs.IDeploymentLifecycleHookTarget[];

  /**
   * ECS-native only: the role ECS assumes to modify the listener rules (`ecs.amazonaws.com`).
   *
   * @default - a new role with `AmazonECSInfrastructureRolePolicyForLoadBalancers`
   */
  readonly infrastructureRole?: iam.IRole;

  /**
   * CodeDeploy only: how CodeDeploy shifts traffic.
   *
   * @default codedeploy.EcsDeploymentConfig.ALL_AT_ONCE
   */
  readonly codeDeployConfig?: codedeploy.IEcsDeploymentConfig;

  /**
   * CodeDeploy only: how long the old task set keeps running after traffic has moved.
   *
   * @default Duration.minutes(15) - the same as the ECS-native bake time
   */
  readonly codeDeployTerminationWait?: Duration;

  /**
   * The share of 5xx answers of the targets, in percent, that rolls a deployment back.
   *
   * @default 5
   */
  readonly rollback5xxPercent?: number;

  /**
   * More alarms that roll a deployment back (ECS-native: deployment alarms; CodeDeploy: the
   * deployment group's alarms).
   *
   * @default - only the construct's 5xx-rate and unhealthy-host alarms
   */
  readonly rollbackAlarms?: cloudwatch.IAlarm[];

  /**
   * Actions of the construct's rollback alarms (an SNS topic, for example), so someone hears of a
   * rolled-back release.
   *
   * @default - the destination `AlarmRouting` resolves for the construct's scope (a setting on the stack
   * or app, else the context key `cdk-cloud-patterns:alarmTopicArn`, else the stack's alarm topic);
   * `[]` means no action, on purpose
   */
  readonly alarmActions?: cloudwatch.IAlarmAction[];
}


/**
 * A load-balanced Fargate service with health checks, auto scaling, Container Insights and
 * zero-downtime blue/green deployments (ECS-1 … ECS-5, COST-4, CDK-5): ECS-native blue/green by
 * default, the patterns document's CodeDeploy controller as an option.
 *
 * @example
 * declare const certificate: acm.ICertificate;
 * const api = new FargateBlueGreenService(this, 'Api', {
 *   image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'),
 *   containerPort: 80,
 *   certificate,
 * });
 * declare const bucket: s3.IBucket;
 * bucket.grantRead(api.taskRole);
 */
export class FargateBlueGreenService extends Construct implements ec2.IConnectable {
  /** The default task CPU units (the document's). */
  public static readonly DEFAULT_CPU = DEFAULT_CPU;
  /** The default task memory in MiB (the document's). */
  public static readonly DEFAULT_MEMORY_MIB = DEFAULT_MEMORY_MIB;
  /** The default bake time of ECS-native deployments and the CodeDeploy termination wait. */
  public static readonly DEFAULT_BAKE_TIME = DEFAULT_BAKE_TIME;
  /** The NAT gateways of the VPC the construct creates, in PROD. */
  public static readonly PROD_NAT_GATEWAYS = 2;
  /** The NAT gateways of the VPC the construct creates, in DEV. */
  public static readonly DEV_NAT_GATEWAYS = 1;
  /** The CIDR range of the VPC the construct creates. */
  public static readonly VPC_CIDR = '10.0.0.0/16';

  /** The deployment stage the construct was built for: the `stage` prop, else the CDK context key `env`, else PROD. */
  public readonly stage: DeploymentStage;
  /** The VPC the service runs in. */
  public readonly vpc: ec2.IVpc;
  /** The cluster (created, or the one you passed). */
  public readonly cluster: ecs.ICluster;
  /** The task definition. */
  public readonly taskDefinition: ecs.FargateTaskDefinition;
  /** The application container. */
  public readonly container: ecs.ContainerDefinition;
  /** The role the application runs as (ECS-2): no permissions until granted. */
  public readonly taskRole: iam.IRole;
  /** The role ECS uses to pull the image, write logs and read `secrets` (separate from the task role). */
  public readonly executionRole: iam.IRole;
  /** The Fargate service. */
  public readonly service: ecs.FargateService;
  /** The container logs. */
  public readonly logGroup: logs.ILogGroup;
  /** The application load balancer. */
  public readonly loadBalancer: elbv2.ApplicationLoadBalancer;
  /** The production listener (HTTPS with a certificate, else HTTP). */
  public readonly listener: elbv2.ApplicationListener;
  /** The test listener, which serves the new revision before production traffic moves. */
  public readonly testListener: elbv2.ApplicationListener;
  /** The HTTP listener that redirects to HTTPS (only with a certificate). */
  public readonly redirectListener?: elbv2.ApplicationListener;
  /** ECS-native: the production listener rule ECS shifts between the target groups. */
  public readonly productionRule?: elbv2.ApplicationListenerRule;
  /** ECS-native: the test listener rule. */
  public readonly testRule?: elbv2.ApplicationListenerRule;
  /** The target group production traffic starts on. */
  public readonly blueTargetGroup: elbv2.ApplicationTargetGroup;
  /** The target group a deployment brings the new revision up in (the roles swap with each release). */
  public readonly greenTargetGroup: elbv2.ApplicationTargetGroup;
  /** The auto-scaling target of the task count (ECS-3). */
  public readonly scalableTarget: ecs.ScalableTaskCount;
  /** Rolls back when the targets answer too many 5xx (both target groups). */
  public readonly target5xxAlarm: cloudwatch.Alarm;
  /** Rolls back when a target is unhealthy (both target groups). */
  public readonly unhealthyHostsAlarm: cloudwatch.Alarm;
  /** ECS-native: the role ECS assumes to modify the listener rules. */
  public readonly infrastructureRole?: iam.IRole;
  /** CodeDeploy: the deployment group. */
  public readonly deploymentGroup?: codedeploy.EcsDeploymentGroup;
  /** The bucket of the load balancer's access logs. */
  public readonly accessLogsBucket: s3.IBucket;

  constructor(scope: Construct, id: string, props: FargateBlueGreenServiceProps) {
    super(scope, id);
    requireProps(this, props, {
      image: "a container image, e.g. ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27')",
      containerPort: describeRange(CONTAINER_PORT),
    });
    const policy = StagePolicy.of(this, props.stage);
    this.stage = policy.stage;
    const plan = planService(this, props);
    const deployment = plan.deployment;

    // ---- network and cluster (ECS-5)
    this.logGroup = props.logGroup ?? new StageLogGroup(this, 'Logs', { stage: policy.stage, encryptionKey: props.logsEncryptionKey });
    this.cluster = props.cluster ?? this.createCluster(props, policy);
    this.vpc = this.cluster.vpc;
    if (props.cluster && props.vpc) {
      addWarning(this, 'FargateBlueGreenService.vpcIgnored', '`vpc` has no effect when `cluster` is given: the cluster\'s VPC is used.');
    }
    if (props.cluster && props.containerInsights !== undefined) {
      addWarning(this, 'FargateBlueGreenService.containerInsightsIgnored', '`containerInsights` has no effect when `cluster` is given: set it on your cluster.');
    }
    if (props.spot && this.cluster instanceof ecs.Cluster) {
      // an imported cluster must have FARGATE and FARGATE_SPOT associated already
      this.cluster.enableFargateCapacityProviders();
    }

    // ---- task definition and container (ECS-1, ECS-2, COST-4, CDK-5)
    this.taskRole = props.taskRole ?? new iam.Role(this, 'TaskRole', {
      assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com'),
      description: 'The application role: no permissions until granted (ECS-2)',
    });
    this.taskDefinition = new ecs.FargateTaskDefinition(this, 'TaskDefinition', {
      cpu: plan.cpu,
      memoryLimitMiB: plan.memoryLimitMiB,
      taskRole: this.taskRole,
      runtimePlatform: {
        cpuArchitecture: props.cpuArchitecture ?? ecs.CpuArchitecture.X86_64,
        operatingSystemFamily: ecs.OperatingSystemFamily.LINUX,
      },
    });
    this.container = this.createContainer(props, plan);
    this.executionRole = this.taskDefinition.obtainExecutionRole();

    // ---- load balancer, listeners and target groups (ECS-1: target-group health check)
    this.loadBalancer = this.createLoadBalancer(props, policy);
    this.accessLogsBucket = props.accessLogsBucket ?? this.createAccessLogsBucket(policy);
    this.loadBalancer.logAccessLogs(this.accessLogsBucket, 'alb');
    if (props.webAclArn !== undefined) {
      new wafv2.CfnWebACLAssociation(this, 'WebAcl', { resourceArn: this.loadBalancer.loadBalancerArn, webAclArn: props.webAclArn });
    }
    const listeners = this.createListeners(props, plan.listeners, deployment);
    this.listener = listeners.listener;
    this.redirectListener = listeners.redirectListener;
    this.testListener = listeners.testListener;
    this.blueTargetGroup = this.createTargetGroup('Blue', props.containerPort, plan.healthCheckPath);
    this.greenTargetGroup = this.createTargetGroup('Green', props.containerPort, plan.healthCheckPath);
    const targets = {
      listener: this.listener,
      testListener: this.testListener,
      blueTargetGroup: this.blueTargetGroup,
      greenTargetGroup: this.greenTargetGroup,
    };
    const routed = deployment.route(targets);
    this.productionRule = routed.productionRule;
    this.testRule = routed.testRule;

    // ---- alarms that roll a deployment back
    [this.target5xxAlarm, this.unhealthyHostsAlarm] = createRollbackAlarms(this, targets, props.rollback5xxPercent ?? 5);
    for (const alarm of [this.target5xxAlarm, this.unhealthyHostsAlarm]) {
      AlarmRouting.route(alarm, props.alarmActions, this.stage);
    }
    const rollbackAlarms = [this.target5xxAlarm, this.unhealthyHostsAlarm, ...(props.rollbackAlarms ?? [])];

    // ---- service, attached by the chosen controller (ECS-4)
    this.service = new ecs.FargateService(this, 'Service', {
      cluster: this.cluster,
      taskDefinition: this.taskDefinition,
      desiredCount: plan.desiredTasks,
      minHealthyPercent: 100,
      maxHealthyPercent: 200,
      vpcSubnets: props.taskSubnets ?? { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      assignPublicIp: false,
      enableExecuteCommand: props.enableExecuteCommand ?? false,
      capacityProviderStrategies: props.spot
        ? [{ capacityProvider: 'FARGATE', base: 1, weight: 0 }, { capacityProvider: 'FARGATE_SPOT', weight: 1 }]
        : undefined,
      healthCheckGracePeriod: Duration.seconds(60),
      ...deployment.serviceOptions(rollbackAlarms),
    });
    // escape hatches, Aspects and tools that read `node.defaultChild` find the AWS::ECS::Service
    this.node.defaultChild = this.service.node.defaultChild;
    if (props.spot && props.cpuArchitecture === ecs.CpuArchitecture.ARM64) {
      addWarning(this, 'FargateBlueGreenService.spotOnArm64',
        'AWS documents Fargate Spot for x86_64 Linux tasks; ARM64 tasks may not be placed on FARGATE_SPOT. Check the ECS developer guide for your region.');
    }
    const attached = deployment.attach(targets, {
      service: this.service,
      containerName: plan.containerName,
      containerPort: props.containerPort,
      rollbackAlarms,
    });
    this.infrastructureRole = attached.infrastructureRole;
    this.deploymentGroup = attached.deploymentGroup;

    // ---- auto scaling (ECS-3)
    this.scalableTarget = this.createScaling(props, plan);
  }

  /** The service's connections (security group of the tasks). */
  public get connections(): ec2.Connections {
    return this.service.connections;
  }

  /** The load balancer's DNS name. */
  public get loadBalancerDnsName(): string {
    return this.loadBalancer.loadBalancerDnsName;
  }

  private createCluster(props: FargateBlueGreenServiceProps, policy: StagePolicy): ecs.Cluster {
    const vpc = props.vpc ?? this.createVpc(policy, props.natGateways, props.logsEncryptionKey);
    return new ecs.Cluster(this, 'Cluster', {
      vpc,
      containerInsightsV2: props.containerInsights ?? ecs.ContainerInsights.ENABLED,
      // ECS Exec sessions log to the container log group, so the task role may write there only
      // (without it aws-cdk-lib grants the logs actions on "*")
      executeCommandConfiguration: props.enableExecuteCommand ? {
        logging: ecs.ExecuteCommandLogging.OVERRIDE,
        logConfiguration: { cloudWatchLogGroup: this.logGroup, cloudWatchEncryptionEnabled: props.logsEncryptionKey !== undefined },
      } : undefined,
    });
  }

  private createVpc(policy: StagePolicy, natGateways?: number, encryptionKey?: kms.IKey): ec2.Vpc {
    const vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: ec2.IpAddresses.cidr(FargateBlueGreenService.VPC_CIDR),
      maxAzs: 2,
      natGateways: natGateways ?? (policy.isProd ? FargateBlueGreenService.PROD_NAT_GATEWAYS : FargateBlueGreenService.DEV_NAT_GATEWAYS),
      subnetConfiguration: [
        { name: 'Public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
        { name: 'Private', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 22 },
      ],
    });
    const flowLogs = new StageLogGroup(this, 'FlowLogs', { stage: policy.stage, encryptionKey });
    vpc.addFlowLog('FlowLog', { destination: ec2.FlowLogDestination.toCloudWatchLogs(flowLogs), trafficType: ec2.FlowLogTrafficType.ALL });
    return vpc;
  }

  private createContainer(props: FargateBlueGreenServiceProps, plan: ServicePlan): ecs.ContainerDefinition {
    const containerName = plan.containerName;
    return new GuardedContainerDefinition(this.taskDefinition, containerName, {
      taskDefinition: this.taskDefinition,
      containerName,
      image: props.image,
      portMappings: [{ containerPort: props.containerPort, protocol: ecs.Protocol.TCP }],
      logging: ecs.LogDrivers.awsLogs({ logGroup: this.logGroup, streamPrefix: containerName.toLowerCase() }),
      environment: props.environment,
      secrets: props.secrets,
      healthCheck: props.healthCheck ?? {
        command: ['CMD-SHELL', `curl -f http://localhost:${props.containerPort}${plan.healthCheckPath} || exit 1`],
        interval: Duration.seconds(30),
        timeout: Duration.seconds(5),
        retries: 3,
        startPeriod: Duration.seconds(60),
      },
      user: props.user,
      readonlyRootFilesystem: props.readonlyRootFilesystem ?? false,
      essential: true,
    });
  }

  private createLoadBalancer(props: FargateBlueGreenServiceProps, policy: StagePolicy): elbv2.ApplicationLoadBalancer {
    const securityGroup = new ec2.SecurityGroup(this, 'LoadBalancerSecurityGroup', {
      vpc: this.vpc,
      description: 'The load balancer: listener ports in, the task port out',
      allowAllOutbound: false,
    });
    return new RegionAgnosticLoadBalancer(this, 'LoadBalancer', {
      vpc: this.vpc,
      internetFacing: props.internetFacing ?? true,
      securityGroup,
      dropInvalidHeaderFields: true,
      deletionProtection: policy.deletionProtection,
    });
  }

  /** The production listener (with the HTTPS redirect, or the httpOnly warning) and the test listener. */
  private createListeners(props: FargateBlueGreenServiceProps, plan: ListenerPlan, deployment: BlueGreenDeployment) {
    const certificates = props.certificate ? [elbv2.ListenerCertificate.fromCertificateManager(props.certificate)] : undefined;
    const sslPolicy = props.certificate ? elbv2.SslPolicy.RECOMMENDED_TLS : undefined;
    const internetFacing = props.internetFacing ?? true;
    const listener = this.loadBalancer.addListener('Listener', {
      protocol: plan.protocol,
      port: plan.productionPort,
      certificates,
      sslPolicy,
      open: internetFacing,
      defaultAction: deployment.listenerDefaultAction(),
    });
    let redirectListener: elbv2.ApplicationListener | undefined;
    if (props.certificate) {
      redirectListener = this.loadBalancer.addRedirect({ sourcePort: 80, targetPort: plan.productionPort, open: internetFacing });
    } else {
      addWarning(this, 'FargateBlueGreenService.httpOnly',
        'No `certificate`: the production listener is plain HTTP on port 80. Pass an ACM certificate for HTTPS with an HTTP→HTTPS redirect.');
    }
    const testListener = this.loadBalancer.addListener('TestListener', {
      protocol: plan.protocol,
      port: plan.testPort,
      certificates,
      sslPolicy,
      open: false,
      defaultAction: deployment.listenerDefaultAction(),
    });
    // a literal range when the construct made the VPC (rule packs cannot judge a token range)
    const vpcRange = props.vpc || props.cluster ? this.vpc.vpcCidrBlock : FargateBlueGreenService.VPC_CIDR;
    testListener.connections.allowDefaultPortFrom(props.testListenerPeer ?? ec2.Peer.ipv4(vpcRange),
      'The test listener: reachable from the VPC only, unless testListenerPeer says otherwise');
    if (internetFacing) {
      acknowledgeInherent(this.loadBalancer.connections.securityGroups[0].node.defaultChild as Construct, {
        id: 'AwsSolutions-EC23',
        reason: 'An internet-facing load balancer accepts 0.0.0.0/0 on its production listener ports only (80, and 443 with a certificate); the tasks accept traffic from this group alone, and the test listener from the VPC.',
      });
    }
    return { listener, redirectListener, testListener };
  }

  private createTargetGroup(id: string, port: number, healthCheckPath: string): elbv2.ApplicationTargetGroup {
    return new elbv2.ApplicationTargetGroup(this, id, {
      vpc: this.vpc,
      port,
      protocol: elbv2.ApplicationProtocol.HTTP,
      targetType: elbv2.TargetType.IP,
      healthCheck: {
        path: healthCheckPath,
        healthyHttpCodes: '200-399',
        interval: Duration.seconds(15),
        timeout: Duration.seconds(5),
        healthyThresholdCount: 2,
        unhealthyThresholdCount: 3,
      },
      deregistrationDelay: Duration.seconds(30),
    });
  }

  private createScaling(props: FargateBlueGreenServiceProps, plan: ServicePlan): ecs.ScalableTaskCount {
    const scalableTarget = this.service.autoScaleTaskCount({ minCapacity: plan.minTasks, maxCapacity: plan.maxTasks });
    scalableTarget.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: props.cpuTargetPercent ?? 60 });
    if (props.requestsPerTarget !== undefined) {
      for (const [name, tg] of [['BlueRequests', this.blueTargetGroup], ['GreenRequests', this.greenTargetGroup]] as const) {
        scalableTarget.scaleOnRequestCount(name, {
          requestsPerTarget: props.requestsPerTarget,
          targetGroup: tg,
          disableScaleIn: true,
        });
      }
    }
    return scalableTarget;
  }

  private createAccessLogsBucket(policy: StagePolicy): AccessLogsBucket {
    const bucket = new AccessLogsBucket(this, 'AccessLogs', { stage: policy.stage });
    acknowledgeInherent(bucket, {
      id: 'AwsSolutions-S1',
      reason: 'The bucket receives the load balancer\'s access logs; logging access to a log bucket needs yet another log bucket (a bucket logging to itself loops), so the chain ends here.',
    });
    return bucket;
  }
}
