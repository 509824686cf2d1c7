/**
 * The input rules the account-level constructs share (AccessAnalyzer, CostAnomalyMonitor,
 * AccountGuardrails): each written once, named by the prop the caller actually used.
 */
import { Duration, Token, aws_ce as ce } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { ConstructValidationError } from '../../core/private/errors';
import { jsonText } from '../../core/private/json';
import { checkUnique, isUnresolved } from '../../core/private/validation';

/** Whether an analyzer kind (the `AccessAnalyzerKind` value) is one of the paid unused-access kinds. */
export function isUnusedAccessKind(kind: string): boolean {
  return kind === 'ACCOUNT_UNUSED_ACCESS' || kind === 'ORGANIZATION_UNUSED_ACCESS';
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Throws unless `age` is a whole number of days from 1 to 365 (tokens are skipped). */
export function checkUnusedAccessAge(scope: IConstruct, prop: string, age: Duration | undefined): void {
  if (age === undefined || isUnresolved(age)) {
    return;
  }
  const ms = age.toMilliseconds();
  if (ms < DAY_MS || ms > 365 * DAY_MS || ms % DAY_MS !== 0) {
    throw new ConstructValidationError(scope, { prop, received: age, allowed: 'between 1 and 365 days' });
  }
}

/** An e-mail address as Cost Anomaly Detection and AWS Budgets accept it. */
const EMAIL_ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Throws for the first entry of `emails` that is not an e-mail address (tokens are skipped). */
export function checkEmails(scope: IConstruct, prop: string, emails: readonly string[]): void {
  for (const email of emails) {
    if (!isUnresolved(email) && !EMAIL_ADDRESS.test(email)) {
      throw new ConstructValidationError(scope, { prop, received: email, allowed: 'e-mail addresses' });
    }
  }
  checkUnique(scope, prop, emails, 'each address once', { keyOf: (email) => email.toLowerCase() });
}

/** The anomaly-alert threshold as given: absolute (US dollars) or relative (percent of expected spend). */
export interface ThresholdInput {
  readonly usd?: number;
  readonly percent?: number;
  readonly usdProp: string;
  readonly percentProp: string;
}

/** The threshold a subscription alerts at: the Cost Explorer dimension key and its value. */
export interface AnomalyThreshold {
  readonly key: 'ANOMALY_TOTAL_IMPACT_ABSOLUTE' | 'ANOMALY_TOTAL_IMPACT_PERCENTAGE';
  readonly value: number;
}

/** The default threshold: an anomaly with a total impact of 100 US dollars. */
export const DEFAULT_THRESHOLD_USD = 100;

/**
 * Validates the threshold (one of the two; above 0; a percentage at most 100; tokens skipped) and
 * returns it, 100 US dollars when neither is given.
 */
export function resolveThreshold(scope: IConstruct, input: ThresholdInput): AnomalyThreshold {
  if (input.usd !== undefined && input.percent !== undefined) {
    throw new ConstructValidationError(scope, {
      prop: `${input.usdProp}/${input.percentProp}`,
      received: { [input.usdProp]: input.usd, [input.percentProp]: input.percent },
      allowed: 'one of the two: an absolute threshold in US dollars or a percentage of the expected spend',
    });
  }
  if (input.percent !== undefined) {
    if (!isUnresolved(input.percent) && !(input.percent > 0 && input.percent <= 100)) {
      throw new ConstructValidationError(scope, {
        prop: input.percentProp,
        received: input.percent,
        allowed: 'a percentage of the expected spend above 0 and at most 100',
      });
    }
    return { key: 'ANOMALY_TOTAL_IMPACT_PERCENTAGE', value: input.percent };
  }
  const usd = input.usd ?? DEFAULT_THRESHOLD_USD;
  if (!isUnresolved(usd) && !(usd > 0)) {
    throw new ConstructValidationError(scope, { prop: input.usdProp, received: usd, allowed: 'a number of US dollars above 0' });
  }
  return { key: 'ANOMALY_TOTAL_IMPACT_ABSOLUTE', value: usd };
}

/** What an anomaly subscription sends, to whom, and for which monitor. */
export interface AnomalySubscriptionInput {
  readonly monitorArn: string;
  readonly frequency: string;
  readonly emails: readonly string[];
  readonly topicArn?: string;
  readonly threshold: AnomalyThreshold;
}

/** A name unique in the account for a Cost Explorer object, derived from the construct path. */
export function nameFromPath(scope: IConstruct, suffix: string): string {
  return `${scope.node.path.replace(/\//g, '-')}-${suffix}`.slice(0, 1024);
}

/** The anomaly subscription L1 under `scope`, named after `scope`'s path. */
export function createAnomalySubscription(scope: Construct, id: string, input: AnomalySubscriptionInput): ce.CfnAnomalySubscription {
  const subscribers: ce.CfnAnomalySubscription.SubscriberProperty[] = [
    ...input.emails.map((address) => ({ type: 'EMAIL', address })),
    ...(input.topicArn ? [{ type: 'SNS', address: input.topicArn }] : []),
  ];
  const value = input.threshold.value;
  return new ce.CfnAnomalySubscription(scope, id, {
    subscriptionName: nameFromPath(scope, 'alerts'),
    monitorArnList: [input.monitorArn],
    frequency: input.frequency,
    subscribers,
    thresholdExpression: jsonText(scope, {
      Dimensions: {
        Key: input.threshold.key,
        Values: [isUnresolved(value) ? Token.asString(value) : String(value)],
        MatchOptions: ['GREATER_THAN_OR_EQUAL'],
      },
    }),
  });
}

/**
 * Throws for IMMEDIATE alerts to e-mail subscribers: Cost Anomaly Detection sends IMMEDIATE alerts
 * to SNS topics only.
 */
export function checkFrequency(scope: IConstruct, prop: string, frequency: string, emailSubscribers: number): void {
  if (frequency === 'IMMEDIATE' && emailSubscribers > 0) {
    throw new ConstructValidationError(scope, {
      prop,
      received: frequency,
      allowed: 'DAILY or WEEKLY when e-mail subscribers are given (Cost Anomaly Detection sends IMMEDIATE alerts to SNS only)',
    });
  }
}
