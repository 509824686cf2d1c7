/**
 * The patterns document's system (test/reference-app/stacks/patterns-document.ts) written in plain
 * aws-cdk-lib, with the defaults the library's constructs choose for PROD written out: what a team
 * writes without the library. It compiles and synthesizes (test/reference-app/line-counts.test.ts);
 * the code between the markers is what `test/tools/count-lines.ts` counts for the README.
 *
 * It covers the resources the constructs create by default (table, backup plan, bus, archive,
 * schedule, dead-letter queues and their alarms, functions with log groups, aliases and failure
 * destinations, the two buckets, the VPC with flow logs, the ECS-native blue/green service behind
 * an HTTPS load balancer, the OIDC role, the account guardrails). It leaves out what the
 * constructs add beyond resources: input validation, the stage switch, warnings and acknowledgements.
 */
import {
  Duration,
  RemovalPolicy,
  Stack,
  aws_backup as backup,
  aws_ce as ce,
  aws_cloudwatch as cloudwatch,
  aws_dynamodb as dynamodb,
  aws_ec2 as ec2,
  aws_ecs as ecs,
  aws_elasticloadbalancingv2 as elbv2,
  aws_events as events,
  aws_events_targets as targets,
  aws_eventschemas as eventschemas,
  aws_iam as iam,
  aws_kms as kms,
  aws_lambda as lambda,
  aws_lambda_destinations as destinations,
  aws_logs as logs,
  aws_s3 as s3,
  aws_scheduler as scheduler,
  aws_scheduler_targets as schedulerTargets,
  aws_secretsmanager as secretsmanager,
  aws_sqs as sqs,
  aws_accessanalyzer as accessanalyzer,
  aws_certificatemanager as acm,
  CfnOutput,
} from 'aws-cdk-lib';
import { PatternHandlers } from '../../src';

export function buildPlainPatternsDocument(stack: Stack): void {
  // plain-patterns-document:start
  const table = new dynamodb.Table(stack, 'OrdersTable', {
    partitionKey: { name: 'PK', type: dynamodb.AttributeType.STRING },
    sortKey: { name: 'SK', type: dynamodb.AttributeType.STRING },
    billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    encryption: dynamodb.TableEncryption.AWS_MANAGED,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    timeToLiveAttribute: 'ttl',
    deletionProtection: true,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  table.addGlobalSecondaryIndex({
    indexName: 'GSI1',
    partitionKey: { name: 'GSI1PK', type: dynamodb.AttributeType.STRING },
    sortKey: { name: 'GSI1SK', type: dynamodb.AttributeType.STRING },
  });
  const vault = new backup.BackupVault(stack, 'OrdersBackupVault', { removalPolicy: RemovalPolicy.RETAIN });
  const plan = backup.BackupPlan.dailyWeeklyMonthly5YearRetention(stack, 'OrdersBackupPlan', vault);
  plan.addSelection('Orders', { resources: [backup.BackupResource.fromDynamoDbTable(table)] });

  const deadLetterQueue = (id: string) => {
    const queue = new sqs.Queue(stack, id, {
      retentionPeriod: Duration.days(14),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    new cloudwatch.Alarm(stack, `${id}Alarm`, {
      metric: queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' }),
      threshold: 0,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    return queue;
  };

  const bus = new events.EventBus(stack, 'AppBus', { deadLetterQueue: deadLetterQueue('AppBusDeadLetterQueue') });
  new events.Archive(stack, 'AppBusArchive', {
    sourceEventBus: bus,
    eventPattern: { account: [stack.account] },
    retention: Duration.days(30),
  }).applyRemovalPolicy(RemovalPolicy.RETAIN);
  new eventschemas.CfnRegistry(stack, 'AppBusSchemas', { description: 'Schemas of the events on AppBus' });

  const powertoolsLayer = lambda.LayerVersion.fromLayerVersionArn(stack, 'PowertoolsLayer',
    `arn:${stack.partition}:lambda:${stack.region}:094274105915:layer:AWSLambdaPowertoolsTypeScriptV2:44`);
  const powertoolsFunction = (id: string, serviceName: string, code: lambda.Code, environment: Record<string, string>) => {
    const logGroup = new logs.LogGroup(stack, `${id}LogGroup`, { retention: logs.RetentionDays.ONE_YEAR, removalPolicy: RemovalPolicy.RETAIN });
    const fn = new lambda.Function(stack, id, {
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      code,
      handler: 'index.handler',
      memorySize: 512,
      timeout: Duration.seconds(10),
      tracing: lambda.Tracing.ACTIVE,
      layers: [powertoolsLayer],
      logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      applicationLogLevelV2: lambda.ApplicationLogLevel.WARN,
      systemLogLevelV2: lambda.SystemLogLevel.WARN,
      environment: {
        ...environment,
        POWERTOOLS_SERVICE_NAME: serviceName,
        POWERTOOLS_METRICS_NAMESPACE: serviceName,
        POWERTOOLS_LOG_LEVEL: 'WARN',
      },
    });
    fn.configureAsyncInvoke({ onFailure: new destinations.SqsDestination(deadLetterQueue(`${id}DeadLetterQueue`)), retryAttempts: 2 });
    return new lambda.Alias(stack, `${id}LiveAlias`, { aliasName: 'live', version: fn.currentVersion });
  };

  const api = powertoolsFunction('OrdersApi', 'orders', PatternHandlers.ordersApi(), {
    TABLE_NAME: table.tableName,
    EVENT_BUS_NAME: bus.eventBusName,
  });
  api.addToRolePolicy(new iam.PolicyStatement({
    actions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem',
      'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:ConditionCheckItem'],
    resources: [table.tableArn],
    conditions: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['USER#${aws:userid}'] } },
  }));
  bus.grantPutEventsTo(api);

  const orderEvents = powertoolsFunction('OrderEvents', 'order-events', PatternHandlers.orderEvents(), {});
  new events.Rule(stack, 'OrderCreated', {
    eventBus: bus,
    eventPattern: { source: ['com.example.orders'], detailType: ['OrderCreated'] },
    targets: [new targets.LambdaFunction(orderEvents, {
      deadLetterQueue: deadLetterQueue('OrderCreatedDeadLetterQueue'),
      retryAttempts: 3,
      maxEventAge: Duration.hours(1),
    })],
  });
  new scheduler.Schedule(stack, 'DailyReport', {
    schedule: scheduler.ScheduleExpression.expression('cron(0 8 * * ? *)'),
    target: new schedulerTargets.EventBridgePutEvents({ eventBus: bus, source: 'com.example.reports', detailType: 'DailyReportRequested', detail: scheduler.ScheduleTargetInput.fromObject({}) }, {
      deadLetterQueue: deadLetterQueue('DailyReportDeadLetterQueue'),
      retryAttempts: 3,
      maxEventAge: Duration.hours(1),
    }),
  });

  const accessLogs = new s3.Bucket(stack, 'UploadsAccessLogs', {
    encryption: s3.BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    versioned: true,
    lifecycleRules: [{ expiration: Duration.days(365), noncurrentVersionExpiration: Duration.days(30) }],
    removalPolicy: RemovalPolicy.RETAIN,
  });
  const uploadsKey = new kms.Key(stack, 'UploadsKey', { enableKeyRotation: true, removalPolicy: RemovalPolicy.RETAIN });
  const uploads = new s3.Bucket(stack, 'Uploads', {
    encryption: s3.BucketEncryption.KMS,
    encryptionKey: uploadsKey,
    bucketKeyEnabled: true,
    enforceSSL: true,
    minimumTLSVersion: 1.2,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    versioned: true,
    cors: [{ allowedOrigins: ['https://app.example.com'], allowedMethods: [s3.HttpMethods.GET, s3.HttpMethods.PUT], allowedHeaders: ['*'], maxAge: 3000 }],
    lifecycleRules: [
      { transitions: [{ storageClass: s3.StorageClass.INTELLIGENT_TIERING, transitionAfter: Duration.days(0) }] },
      { abortIncompleteMultipartUploadAfter: Duration.days(7), noncurrentVersionExpiration: Duration.days(90) },
    ],
    removalPolicy: RemovalPolicy.RETAIN,
  });
  (uploads.node.defaultChild as s3.CfnBucket).loggingConfiguration = { destinationBucketName: accessLogs.bucketName };
  accessLogs.addToResourcePolicy(new iam.PolicyStatement({
    principals: [new iam.ServicePrincipal('logging.s3.amazonaws.com')],
    actions: ['s3:PutObject'],
    resources: [accessLogs.arnForObjects('*')],
    conditions: { ArnLike: { 'aws:SourceArn': uploads.bucketArn }, StringEquals: { 'aws:SourceAccount': stack.account } },
  }));
  const issuer = powertoolsFunction('UploadUrls', 'presigned-urls', PatternHandlers.presign(), {
    BUCKET_NAME: uploads.bucketName,
  });
  issuer.addToRolePolicy(new iam.PolicyStatement({
    actions: ['s3:GetObject', 's3:PutObject', 's3:AbortMultipartUpload'],
    resources: [uploads.arnForObjects('uploads/*')],
  }));
  uploadsKey.grant(issuer, 'kms:Decrypt', 'kms:GenerateDataKey');

  const vpc = new ec2.Vpc(stack, 'Vpc', {
    ipAddresses: ec2.IpAddresses.cidr('10.0.0.0/16'),
    maxAzs: 2,
    natGateways: 2,
    subnetConfiguration: [
      { name: 'Public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
      { name: 'Private', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 22 },
    ],
  });
  const flowLogs = new logs.LogGroup(stack, 'FlowLogs', { retention: logs.RetentionDays.ONE_YEAR, removalPolicy: RemovalPolicy.RETAIN });
  vpc.addFlowLog('FlowLog', { destination: ec2.FlowLogDestination.toCloudWatchLogs(flowLogs), trafficType: ec2.FlowLogTrafficType.ALL });
  const cluster = new ecs.Cluster(stack, 'Cluster', { vpc, containerInsightsV2: ecs.ContainerInsights.ENABLED });
  const taskRole = new iam.Role(stack, 'TaskRole', { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') });
  const taskDefinition = new ecs.FargateTaskDefinition(stack, 'TaskDefinition', {
    cpu: 512,
    memoryLimitMiB: 1024,
    taskRole,
    runtimePlatform: { cpuArchitecture: ecs.CpuArchitecture.X86_64, operatingSystemFamily: ecs.OperatingSystemFamily.LINUX },
  });
  const serviceLogs = new logs.LogGroup(stack, 'ServiceLogs', { retention: logs.RetentionDays.ONE_YEAR, removalPolicy: RemovalPolicy.RETAIN });
  const dbSecret = secretsmanager.Secret.fromSecretNameV2(stack, 'DbSecret', 'orders/db');
  taskDefinition.addContainer('App', {
    containerName: 'App',
    image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'),
    portMappings: [{ containerPort: 80, protocol: ecs.Protocol.TCP }],
    logging: ecs.LogDrivers.awsLogs({ logGroup: serviceLogs, streamPrefix: 'app' }),
    secrets: { DB_PASSWORD: ecs.Secret.fromSecretsManager(dbSecret) },
    healthCheck: {
      command: ['CMD-SHELL', 'curl -f http://localhost:80/ || exit 1'],
      interval: Duration.seconds(30),
      timeout: Duration.seconds(5),
      retries: 3,
      startPeriod: Duration.seconds(60),
    },
    essential: true,
  });
  const albSecurityGroup = new ec2.SecurityGroup(stack, 'LoadBalancerSecurityGroup', { vpc, allowAllOutbound: false });
  const loadBalancer = new elbv2.ApplicationLoadBalancer(stack, 'LoadBalancer', {
    vpc,
    internetFacing: true,
    securityGroup: albSecurityGroup,
    dropInvalidHeaderFields: true,
    deletionProtection: true,
  });
  const albLogs = new s3.Bucket(stack, 'AccessLogs', {
    encryption: s3.BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    versioned: true,
    lifecycleRules: [{ expiration: Duration.days(365), noncurrentVersionExpiration: Duration.days(30) }],
    removalPolicy: RemovalPolicy.RETAIN,
  });
  loadBalancer.logAccessLogs(albLogs, 'alb');
  const certificate = acm.Certificate.fromCertificateArn(stack, 'Certificate',
    'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555');
  const notFound = elbv2.ListenerAction.fixedResponse(404, { contentType: 'text/plain', messageBody: 'Not found' });
  const listener = loadBalancer.addListener('Listener', {
    protocol: elbv2.ApplicationProtocol.HTTPS,
    port: 443,
    certificates: [elbv2.ListenerCertificate.fromCertificateManager(certificate)],
    sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS,
    defaultAction: notFound,
  });
  loadBalancer.addRedirect({ sourcePort: 80, targetPort: 443 });
  const testListener = loadBalancer.addListener('TestListener', {
    protocol: elbv2.ApplicationProtocol.HTTPS,
    port: 8443,
    certificates: [elbv2.ListenerCertificate.fromCertificateManager(certificate)],
    sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS,
    open: false,
    defaultAction: notFound,
  });
  testListener.connections.allowDefaultPortFrom(ec2.Peer.ipv4('10.0.0.0/16'));
  const targetGroup = (id: string) => new elbv2.ApplicationTargetGroup(stack, id, {
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
  const productionRule = new elbv2.ApplicationListenerRule(stack, 'ProductionRule', {
    listener,
    priority: 1,
    conditions: [elbv2.ListenerCondition.pathPatterns(['/*'])],
    action: forward(),
  });
  const testRule = new elbv2.ApplicationListenerRule(stack, 'TestRule', {
    listener: testListener,
    priority: 1,
    conditions: [elbv2.ListenerCondition.pathPatterns(['/*'])],
    action: forward(),
  });
  const target5xx = new cloudwatch.Alarm(stack, 'Target5xxAlarm', {
    metric: new cloudwatch.MathExpression({
      expression: '100 * (b5 + g5) / MAX([b + g, 1])',
      usingMetrics: {
        b5: blue.metrics.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, { period: Duration.minutes(1), statistic: 'Sum' }),
        g5: green.metrics.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, { period: Duration.minutes(1), statistic: 'Sum' }),
        b: blue.metrics.requestCount({ period: Duration.minutes(1), statistic: 'Sum' }),
        g: green.metrics.requestCount({ period: Duration.minutes(1), statistic: 'Sum' }),
      },
      period: Duration.minutes(1),
    }),
    threshold: 5,
    evaluationPeriods: 3,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });
  const unhealthyHosts = new cloudwatch.Alarm(stack, 'UnhealthyHostsAlarm', {
    metric: new cloudwatch.MathExpression({
      expression: 'MAX([b, g])',
      usingMetrics: {
        b: blue.metrics.unhealthyHostCount({ period: Duration.minutes(1), statistic: 'Maximum' }),
        g: green.metrics.unhealthyHostCount({ period: Duration.minutes(1), statistic: 'Maximum' }),
      },
      period: Duration.minutes(1),
    }),
    threshold: 1,
    evaluationPeriods: 3,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });
  const service = new ecs.FargateService(stack, 'Service', {
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
  const infrastructureRole = new iam.Role(stack, 'InfrastructureRole', {
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
  taskRole.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [uploads.arnForObjects('uploads/*')] }));
  uploadsKey.grantDecrypt(taskRole);

  const provider = new iam.OidcProviderNative(stack, 'GitHubOidcProvider', {
    url: 'https://token.actions.githubusercontent.com',
    clientIds: ['sts.amazonaws.com'],
  });
  const deploy = new iam.Role(stack, 'Deploy', {
    assumedBy: new iam.WebIdentityPrincipal(provider.oidcProviderArn, {
      StringEquals: {
        'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
        'token.actions.githubusercontent.com:sub': ['repo:myorg/myrepo:ref:refs/heads/main'],
      },
    }),
    maxSessionDuration: Duration.hours(1),
  });
  deploy.addManagedPolicy(new iam.ManagedPolicy(stack, 'CdkBootstrapRoles', {
    statements: [new iam.PolicyStatement({
      actions: ['sts:AssumeRole'],
      resources: ['deploy', 'file-publishing', 'image-publishing', 'lookup'].map((role) =>
        `arn:${stack.partition}:iam::${stack.account}:role/cdk-hnb659fds-${role}-role-${stack.account}-${stack.region}`),
    })],
  }));
  new CfnOutput(stack, 'DeployRoleArn', { value: deploy.roleArn });

  new accessanalyzer.CfnAnalyzer(stack, 'AccessAnalyzer', { type: 'ACCOUNT' });
  const monitor = new ce.CfnAnomalyMonitor(stack, 'CostMonitor', {
    monitorName: 'services',
    monitorType: 'DIMENSIONAL',
    monitorDimension: 'SERVICE',
  });
  new ce.CfnAnomalySubscription(stack, 'CostAlerts', {
    subscriptionName: 'cost-anomalies',
    frequency: 'DAILY',
    monitorArnList: [monitor.attrMonitorArn],
    subscribers: [{ type: 'EMAIL', address: 'finops@example.com' }],
    thresholdExpression: JSON.stringify({ Dimensions: { Key: 'ANOMALY_TOTAL_IMPACT_ABSOLUTE', Values: ['100'], MatchOptions: ['GREATER_THAN_OR_EQUAL'] } }),
  });
  // plain-patterns-document:end
}
