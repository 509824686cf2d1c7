import { aws_ce as ce, aws_sns as sns } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { checkEmails, checkFrequency, createAnomalySubscription, nameFromPath, resolveThreshold } from './private/rules';
import { DeploymentStage, DeploymentStageOptions } from '../core/deployment-stage';
import { ConstructValidationError } from '../core/private/errors';
import { jsonText } from '../core/private/json';
import { StagePolicy } from '../core/stage-policy';

/** How often anomaly alerts are sent. */
export enum AnomalyAlertFrequency {
  /** As soon as an anomaly is detected; SNS subscribers only. */
  IMMEDIATE = 'IMMEDIATE',
  /** A daily summary. */
  DAILY = 'DAILY',
  /** A weekly summary. */
  WEEKLY = 'WEEKLY',
}

/** Props of `CostAnomalyMonitor`. */
export interface CostAnomalyMonitorProps extends DeploymentStageOptions {
  /**
   * Alert when an anomaly's total impact reaches this many US dollars.
   *
   * @default 100 (unless `thresholdPercent` is given)
   */
  readonly thresholdUsd?: number;
  /**
   * Alert when an anomaly's total impact reaches this percentage of the expected spend (above 0,
   * at most 100) instead of an absolute amount.
   *
   * @default - the absolute threshold `thresholdUsd`
   */
  readonly thresholdPercent?: number;
  /**
   * E-mail addresses that receive the alerts (with DAILY or WEEKLY frequency).
   *
   * @default - none
   */
  readonly emails?: string[];
  /**
   * An SNS topic that receives the alerts (any frequency). Its policy must let
   * `costalerts.amazonaws.com` publish.
   *
   * @default - none
   */
  readonly topic?: sns.ITopic;
  /**
   * How often alerts are sent.
   *
   * @default AnomalyAlertFrequency.IMMEDIATE with a topic, else DAILY
   */
  readonly frequency?: AnomalyAlertFrequency;
  /**
   * Monitor spend per value of this cost allocation tag instead of per AWS service, e.g. `Team`
   * (the tag must be activated for cost allocation in the billing console).
   *
   * @default - a dimensional monitor of spend per AWS service
   */
  readonly costAllocationTag?: string;
  /**
   * The values of `costAllocationTag` to monitor.
   *
   * @default - required when `costAllocationTag` is set
   */
  readonly costAllocationTagValues?: string[];
}

/**
 * Cost Anomaly Detection (COST-5): an opt-in anomaly monitor with an alert subscription, per AWS
 * service by default or per value of a cost allocation tag such as `Team` (see PatternTags).
 *
 * AWS allows one per-service (dimensional) monitor per account; `AccountGuardrails` can subscribe
 * to an existing one instead.
 *
 * @example
 * new patterns.CostAnomalyMonitor(this, 'Anomalies', {
 *   emails: ['finops@example.com'],
 *   thresholdUsd: 50,
 * });
 */
export class CostAnomalyMonitor extends Construct {
  /** The deployment stage the construct was built for: the `stage` prop, else the CDK context key `env`, else PROD. */
  public readonly stage: DeploymentStage;
  /** The monitor. */
  public readonly monitor: ce.CfnAnomalyMonitor;
  /** The alert subscription. */
  public readonly subscription: ce.CfnAnomalySubscription;

  constructor(scope: Construct, id: string, props: CostAnomalyMonitorProps = {}) {
    super(scope, id);
    this.stage = StagePolicy.resolve(this, props.stage);
    const threshold = resolveThreshold(this, {
      usd: props.thresholdUsd,
      percent: props.thresholdPercent,
      usdProp: 'thresholdUsd',
      percentProp: 'thresholdPercent',
    });
    const emails = props.emails ?? [];
    checkEmails(this, 'emails', emails);
    if (emails.length === 0 && !props.topic) {
      throw new ConstructValidationError(this, {
        prop: 'emails/topic',
        received: undefined,
        allowed: 'at least one e-mail address or an SNS topic: an anomaly nobody hears about is not detected',
      });
    }
    const frequency = props.frequency ?? (props.topic ? AnomalyAlertFrequency.IMMEDIATE : AnomalyAlertFrequency.DAILY);
    checkFrequency(this, 'frequency', frequency, emails.length);
    if (props.costAllocationTagValues && !props.costAllocationTag) {
      throw new ConstructValidationError(this, {
        prop: 'costAllocationTagValues',
        received: props.costAllocationTagValues,
        allowed: 'only together with costAllocationTag',
      });
    }
    if (props.costAllocationTag && (props.costAllocationTagValues ?? []).length === 0) {
      throw new ConstructValidationError(this, {
        prop: 'costAllocationTagValues',
        received: props.costAllocationTagValues,
        allowed: `at least one value of the '${props.costAllocationTag}' tag to monitor`,
      });
    }

    this.monitor = new ce.CfnAnomalyMonitor(this, 'Monitor', props.costAllocationTag
      ? {
        monitorName: nameFromPath(this, 'tags'),
        monitorType: 'CUSTOM',
        monitorSpecification: jsonText(this, {
          Tags: { Key: props.costAllocationTag, Values: props.costAllocationTagValues, MatchOptions: ['EQUALS'] },
        }),
      }
      : {
        monitorName: nameFromPath(this, 'services'),
        monitorType: 'DIMENSIONAL',
        monitorDimension: 'SERVICE',
      });
    // escape hatches, Aspects and tools that read `node.defaultChild` find the AWS::CE::AnomalyMonitor
    this.node.defaultChild = this.monitor;

    this.subscription = createAnomalySubscription(this, 'Subscription', {
      monitorArn: this.monitor.attrMonitorArn,
      frequency,
      emails,
      topicArn: props.topic?.topicArn,
      threshold,
    });
  }
}
