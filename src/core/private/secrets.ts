import { IConstruct } from 'constructs';
import { ConstructValidationError } from './errors';
import { isUnresolved } from './validation';

/** Secret-looking environment variable names (CDK-5). */
const SECRET_NAME = /(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIAL)/i;
/** Names that only point at a secret (its ARN, name or id), so a literal value is fine. */
const SECRET_REFERENCE_NAME = /_(ARN|NAME|ID)$/i;
/**
 * Names of settings about secrets, never secrets themselves: for example the AWS Parameters and
 * Secrets Lambda Extension's `SECRETS_MANAGER_TTL`, `SECRETS_MANAGER_TIMEOUT_MILLIS`,
 * `PARAMETERS_SECRETS_EXTENSION_HTTP_PORT`, `…_CACHE_ENABLED`, `…_CACHE_SIZE`, `…_MAX_CONNECTIONS`,
 * `…_LOG_LEVEL`.
 */
const SECRET_SETTING_NAME = /_(TTL|MILLIS|SECONDS|PORT|SIZE|ENABLED|MAX_CONNECTIONS|LOG_LEVEL)$/i;

/** Whether `key=value` looks like a plaintext secret (CDK-5): a secret-looking name with a literal value. */
export function looksLikePlaintextSecret(key: string, value: string): boolean {
  if (isUnresolved(value) || value === '' || !SECRET_NAME.test(key) ||
    SECRET_REFERENCE_NAME.test(key) || SECRET_SETTING_NAME.test(key)) {
    return false;
  }
  return !/^arn:/.test(value);
}

/**
 * CDK-5, for Lambda functions and containers alike: a secret-looking name with a literal value is
 * an error; tokens and references (`*_ARN`, `*_NAME`, `*_ID`, an ARN value) are fine.
 *
 * @param fix how to pass the value instead, e.g. "pass it as `secrets: { KEY: secret }`"
 */
export function assertNotPlaintextSecret(scope: IConstruct, key: string, value: string, fix: string): void {
  if (!looksLikePlaintextSecret(key, value)) {
    return;
  }
  throw new ConstructValidationError(scope, {
    prop: `environment.${key}`,
    received: '<plaintext value, redacted>',
    allowed: 'no plaintext secrets in environment variables',
    hint: `Store it in Secrets Manager and ${fix}`,
  });
}
