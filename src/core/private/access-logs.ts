import { Duration } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ConstructValidationError } from './errors';
import { isUnresolved } from './validation';

/** When access-log objects move to S3 Glacier Flexible Retrieval. */
export const ACCESS_LOGS_GLACIER_AFTER = Duration.days(90);

/** Throws unless an access-log expiration is later than the log bucket's Glacier transition. */
export function checkAccessLogsExpiration(scope: IConstruct, prop: string, expiration: Duration | undefined): void {
  if (expiration === undefined || isUnresolved(expiration)) {
    return;
  }
  if (expiration.toDays({ integral: false }) <= ACCESS_LOGS_GLACIER_AFTER.toDays()) {
    throw new ConstructValidationError(scope, {
      prop,
      received: expiration,
      allowed: `later than the log bucket's Glacier transition (${ACCESS_LOGS_GLACIER_AFTER.toDays()} days)`,
    });
  }
}
