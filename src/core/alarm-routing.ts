import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { IConstruct } from 'constructs';
import { DeploymentStage } from './deployment-stage';
import { ConstructValidationError } from './private/errors';
import { isUnresolved } from './private/validation';
import { StagePolicy } from './stage-policy';

/** The destinations set on scopes with `AlarmRouting.setDestination` / `setActions`. */
const destinations = new WeakMap<IConstruct, { readonly actions: cloudwatch.IAlarmAction[]; readonly topic?: sns.ITopic }>();
/** The alarms the library has routed, so a destination set too late is an error, not a silent miss. */
const routed = new WeakSet<IConstruct>();

/** CloudWatch, the service that publishes an alarm's state change to SNS. */
const CLOUDWATCH_PRINCIPAL = 'cloudwatch.amazonaws.com';

/** A standard SNS topic ARN in any partition (CloudWatch alarms cannot publish to FIFO topics). */
const SNS_TOPIC_ARN = /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}$/;

/**
 * Where the alarms of the library go (DESIGN.md decision 12): decided once, here, for every alarm
 * any construct creates (dead-letter queue depth, function latency, 5xx and unhealthy targets).
 *
 * The actions of an alarm are resolved per scope, like the stage:
 *
 * 1. the construct's own `alarmActions` prop (an empty list means: no action, on purpose);
 * 2. else a destination set on the alarm's scope or any scope above it, the nearest winning:
 *    `AlarmRouting.setDestination(stack, topic)` or `AlarmRouting.setActions(app, actions)`;
 * 3. else the CDK context key `cdk-cloud-patterns:alarmTopicArn`, the ARN of an existing SNS topic
 *    (`cdk synth -c cdk-cloud-patterns:alarmTopicArn=arn:aws:sns:…`);
 * 4. else the stack's own alarm topic, created on first use: one SNS topic per stack (construct id
 *    `AlarmRouting.TOPIC_ID`, directly under the stack, so its logical id never changes), TLS-only,
 *    encrypted with a rotating KMS key (`AlarmRouting.KEY_ID`) whose policy lets CloudWatch publish.
 *
 * On-call subscribes once, not per construct: `AlarmRouting.subscribe(stack, subscription)` adds
 * the subscription to the topic the stack's alarms go to.
 *
 * Set a destination before creating the constructs whose alarms it should receive: setting it on a
 * scope that already holds routed alarms is an error.
 *
 * @example
 * // every alarm of this stack goes to its alarm topic; on-call subscribes once
 * AlarmRouting.subscribeEmail(this, 'oncall@example.com');
 *
 * // or: every alarm of the app goes to a topic you already have (here AccountGuardrails' alert topic)
 * declare const guardrails: AccountGuardrails;
 * AlarmRouting.setDestination(this.node.root, guardrails.alertTopicRef!);
 */
export class AlarmRouting {
  /** The CDK context key holding the ARN of an existing SNS topic for every alarm. */
  public static readonly CONTEXT_KEY = 'cdk-cloud-patterns:alarmTopicArn';
  /** The construct id of the default alarm topic, directly under its stack. */
  public static readonly TOPIC_ID = 'CloudPatternsAlarmTopic';
  /** The construct id of the default alarm topic's KMS key, directly under its stack. */
  public static readonly KEY_ID = 'CloudPatternsAlarmTopicKey';
  /** The construct id of the topic imported from the context key, directly under its stack. */
  public static readonly IMPORTED_TOPIC_ID = 'CloudPatternsImportedAlarmTopic';

  /**
   * Sends every alarm created under `scope` (a stack, a stage, the app) to `topic`, unless a
   * construct's own `alarmActions` or a nearer scope's setting says otherwise. The topic's policy
   * (and its KMS key's policy, if the topic is encrypted with a key of this app) is extended so
   * CloudWatch can publish; an imported topic must already allow it.
   *
   * AccountGuardrails' alert topic can be the destination:
   * `AlarmRouting.setDestination(stack, guardrails.alertTopicRef!)`.
   *
   * @param scope the scope whose alarms go to `topic`
   * @param topic the SNS topic
   */
  public static setDestination(scope: IConstruct, topic: sns.ITopic): void {
    AlarmRouting.allowCloudWatch(topic);
    AlarmRouting.setActions(scope, [new cloudwatchActions.SnsAction(topic)]);
    destinations.set(scope, { actions: destinations.get(scope)!.actions, topic });
  }

  /**
   * Sends every alarm created under `scope` to `actions` (any `IAlarmAction`: SNS, Lambda, Systems
   * Manager incidents), unless a construct's own `alarmActions` or a nearer scope's setting says otherwise.
   *
   * @param scope the scope whose alarms run `actions`
   * @param actions the actions; at least one
   */
  public static setActions(scope: IConstruct, actions: cloudwatch.IAlarmAction[]): void {
    if (actions.length === 0) {
      throw new ConstructValidationError(scope, {
        prop: 'AlarmRouting actions',
        received: [],
        allowed: 'at least one alarm action (to silence one construct\'s alarms, pass alarmActions: [] to it)',
      });
    }
    const early = scope.node.findAll().find((c) => routed.has(c));
    if (early) {
      throw new ConstructValidationError(scope, {
        prop: 'AlarmRouting destination',
        received: `a destination set after ${early.node.path} was routed`,
        allowed: 'a destination set before the constructs whose alarms it receives are created',
      });
    }
    destinations.set(scope, { actions: [...actions] });
  }

  /**
   * The actions of an alarm created under `scope`: `alarmActions` if given, else the nearest
   * destination set on a scope above, else the topic of the context key, else the stack's alarm
   * topic (created on first use).
   *
   * @param scope the alarm, or the construct that creates it
   * @param alarmActions the construct's own `alarmActions` prop, if any
   * @param stage the stage of the construct (see `stackTopic`)
   */
  public static actionsFor(scope: IConstruct, alarmActions?: cloudwatch.IAlarmAction[], stage?: DeploymentStage): cloudwatch.IAlarmAction[] {
    if (alarmActions !== undefined) {
      return alarmActions;
    }
    const set = AlarmRouting.nearestDestination(scope);
    if (set) {
      return set.actions;
    }
    return [new cloudwatchActions.SnsAction(AlarmRouting.stackTopic(scope, stage))];
  }

  /**
   * Adds the resolved actions (see `actionsFor`) to `alarm`. Every construct of the library calls
   * this on each alarm it creates; use it on your own alarms to send them to the same place.
   *
   * @param alarm the alarm
   * @param alarmActions the construct's own `alarmActions` prop, if any
   * @param stage the stage of the construct that creates the alarm (see `stackTopic`)
   */
  public static route(alarm: cloudwatch.Alarm, alarmActions?: cloudwatch.IAlarmAction[], stage?: DeploymentStage): void {
    alarm.addAlarmAction(...AlarmRouting.actionsFor(alarm, alarmActions, stage));
    routed.add(alarm);
  }

  /**
   * The topic the alarms of `scope`'s stack go to when no destination is set: the topic of the
   * context key if set, else the stack's own alarm topic (created on first call). Its key follows
   * the stage like every stateful resource: DESTROY when every construct using it is DEV, RETAIN as
   * soon as one is PROD.
   *
   * @param scope any construct of the stack
   * @param stage the stage of the construct asking; default: the context key `env`, else PROD
   */
  public static stackTopic(scope: IConstruct, stage?: DeploymentStage): sns.ITopic {
    const stack = Stack.of(scope);
    const arn: unknown = scope.node.tryGetContext(AlarmRouting.CONTEXT_KEY);
    if (arn !== undefined && arn !== null) {
      if (typeof arn !== 'string' || (!isUnresolved(arn) && !SNS_TOPIC_ARN.test(arn))) {
        throw new ConstructValidationError(scope, {
          prop: `context '${AlarmRouting.CONTEXT_KEY}'`,
          received: arn,
          allowed: 'the ARN of a standard SNS topic (arn:<partition>:sns:<region>:<account>:<name>) or a token; leave it unset for one alarm topic per stack',
        });
      }
      const imported = stack.node.tryFindChild(AlarmRouting.IMPORTED_TOPIC_ID) as sns.ITopic | undefined;
      return imported ?? sns.Topic.fromTopicArn(stack, AlarmRouting.IMPORTED_TOPIC_ID, arn);
    }
    const policy = StagePolicy.of(scope, stage);
    const existing = stack.node.tryFindChild(AlarmRouting.TOPIC_ID) as sns.Topic | undefined;
    if (existing) {
      if (policy.isProd) {
        (stack.node.findChild(AlarmRouting.KEY_ID) as kms.Key).applyRemovalPolicy(RemovalPolicy.RETAIN);
      }
      return existing;
    }
    const key = new kms.Key(stack, AlarmRouting.KEY_ID, {
      description: `Encrypts the alarm topic of ${stack.stackName}`,
      enableKeyRotation: true,
      removalPolicy: policy.removalPolicy,
    });
    const topic = new sns.Topic(stack, AlarmRouting.TOPIC_ID, {
      displayName: `Alarms of ${stack.stackName}`,
      masterKey: key,
      enforceSSL: true,
    });
    AlarmRouting.allowCloudWatch(topic);
    return topic;
  }

  /**
   * Subscribes on-call once to the alarms of `scope`: adds `subscription` to the topic they go to
   * (the destination set with `setDestination` on `scope` or above, else `stackTopic`).
   *
   * @param scope the stack (or any scope) whose alarms on-call receives
   * @param subscription an e-mail, HTTPS, SQS or Lambda subscription (aws-cdk-lib/aws-sns-subscriptions)
   */
  public static subscribe(scope: IConstruct, subscription: sns.ITopicSubscription): void {
    const set = AlarmRouting.nearestDestination(scope);
    if (set && !set.topic) {
      throw new ConstructValidationError(scope, {
        prop: 'AlarmRouting destination',
        received: 'actions set with setActions',
        allowed: 'a destination that is an SNS topic (setDestination, the context key or the stack\'s alarm topic); subscribe to your own actions\' targets directly',
      });
    }
    (set?.topic ?? AlarmRouting.stackTopic(scope)).addSubscription(subscription);
  }

  /**
   * Subscribes an e-mail address once to the alarms of `scope` (see `subscribe`). SNS sends the
   * address a confirmation message; alarms arrive after it is confirmed.
   *
   * @param scope the stack (or any scope) whose alarms on-call receives
   * @param emailAddress the address, for example an on-call distribution list
   */
  public static subscribeEmail(scope: IConstruct, emailAddress: string): void {
    AlarmRouting.subscribe(scope, new subscriptions.EmailSubscription(emailAddress));
  }

  /** The destination set on `scope` or the nearest scope above it. */
  private static nearestDestination(scope: IConstruct) {
    for (const s of [...scope.node.scopes].reverse()) {
      const set = destinations.get(s);
      if (set) {
        return set;
      }
    }
    return undefined;
  }

  /** Lets CloudWatch publish to `topic`, and use its KMS key when the key is this app's. */
  private static allowCloudWatch(topic: sns.ITopic): void {
    const account = Stack.of(topic).account;
    topic.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'CloudWatchAlarmsPublish',
      principals: [new iam.ServicePrincipal(CLOUDWATCH_PRINCIPAL)],
      actions: ['sns:Publish'],
      resources: [topic.topicArn],
      conditions: { StringEquals: { 'aws:SourceAccount': account } },
    }));
    topic.masterKey?.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'CloudWatchAlarmsUseTheKey',
      principals: [new iam.ServicePrincipal(CLOUDWATCH_PRINCIPAL)],
      actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      resources: ['*'],
    }));
  }

  private constructor() {}
}
