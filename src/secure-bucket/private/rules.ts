/**
 * Validation of the S3 settings SecureBucket refuses (never exported from the package).
 *
 * Each check takes the scope the error should name (the bucket, or the path it is about to have)
 * and throws a ConstructValidationError naming the prop, the value and what is allowed.
 * Unresolved tokens are skipped everywhere.
 */
import { Duration, aws_s3 as s3 } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ConstructValidationError } from '../../core/private/errors';
import { checkUnique, isUnresolved } from '../../core/private/validation';

/** The HTTP methods a browser needs for uploads (PUT, POST form) and downloads (GET, HEAD). */
export const CORS_ALLOWED_METHODS: s3.HttpMethods[] = [
  s3.HttpMethods.GET,
  s3.HttpMethods.PUT,
  s3.HttpMethods.POST,
  s3.HttpMethods.HEAD,
];

/** S3's minimum age for a transition to a Standard-IA or One Zone-IA class. */
export const MIN_INFREQUENT_ACCESS_DAYS = 30;

/**
 * S3's minimum stay in an Infrequent Access class before a later transition: S3 refuses a lifecycle
 * configuration whose Glacier transition is less than 30 days after its Standard-IA transition.
 */
export const MIN_DAYS_IN_INFREQUENT_ACCESS = 30;

const INFREQUENT_ACCESS_CLASSES = new Set([
  s3.StorageClass.INFREQUENT_ACCESS.value,
  s3.StorageClass.ONE_ZONE_INFREQUENT_ACCESS.value,
]);
const GLACIER_CLASSES = new Set([
  s3.StorageClass.GLACIER.value,
  s3.StorageClass.GLACIER_INSTANT_RETRIEVAL.value,
  s3.StorageClass.DEEP_ARCHIVE.value,
]);

const HTTPS_ORIGIN = /^https:\/\/[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*(:\d{1,5})?$/;
const LOCALHOST_ORIGIN = /^http:\/\/localhost(:\d{1,5})?$/;

/** Whole days of a duration, or undefined when it is a token. */
function days(d: Duration | undefined): number | undefined {
  if (d === undefined || isUnresolved(d)) {
    return undefined;
  }
  return d.toDays({ integral: false });
}

/**
 * Refuses CORS rules that open the bucket to more than explicit origins: `*` (or any wildcard),
 * anything but `https://host[:port]`, plain `http://localhost[:port]` outside DEV, and methods
 * beyond GET, PUT, POST and HEAD.
 */
export function validateCorsRule(scope: IConstruct, prop: string, rule: s3.CorsRule, dev: boolean, originsProp = `${prop}.allowedOrigins`): void {
  checkUnique(scope, originsProp, rule.allowedOrigins, 'each origin once (S3 refuses a CORS rule that lists an origin twice)');
  rule.allowedOrigins.forEach((origin, i) => {
    if (isUnresolved(origin)) {
      return;
    }
    const isLocalhost = LOCALHOST_ORIGIN.test(origin);
    if (HTTPS_ORIGIN.test(origin) || (dev && isLocalhost)) {
      return;
    }
    throw new ConstructValidationError(scope, {
      prop: `${originsProp}[${i}]`,
      received: origin,
      allowed: dev
        ? "an explicit https:// origin such as 'https://app.example.com', or 'http://localhost[:port]' (no '*', no path)"
        : "an explicit https:// origin such as 'https://app.example.com' (no '*', no path; 'http://localhost' only in the DEV stage)",
      hint: origin.includes('*')
        ? "Wildcard origins let any website use your users' credentials against the bucket; list each origin your web app is served from, such as 'https://app.example.com'."
        : undefined,
    });
  });
  rule.allowedMethods.forEach((method, i) => {
    if (!CORS_ALLOWED_METHODS.includes(method)) {
      throw new ConstructValidationError(scope, {
        prop: `${prop}.allowedMethods[${i}]`,
        received: method,
        allowed: `${CORS_ALLOWED_METHODS.join(', ')} (what uploads and downloads need)`,
      });
    }
  });
}

/**
 * Refuses lifecycle transitions S3 or the pattern would not honour: an Infrequent Access class
 * before 30 days, a Glacier class less than 30 days after the Infrequent Access transition (S3
 * refuses such a configuration at deploy time), and an expiration
 * before (or at) the last transition. The same for noncurrent versions.
 *
 * @param name renders the prop an error names from the rule's field, e.g. `transitions[0].transitionAfter`
 */
export function validateLifecycleRule(scope: IConstruct, rule: s3.LifecycleRule, name: (field: string) => string): void {
  const transitions = rule.transitions ?? [];
  const noncurrent = rule.noncurrentVersionTransitions ?? [];
  checkTransitions(scope, (i) => name(`transitions[${i}].transitionAfter`),
    transitions.map((t) => ({ storageClass: t.storageClass, after: t.transitionAfter })));
  checkExpiration(scope, name('expiration'), rule.expiration, transitions.map((t) => t.transitionAfter));
  checkTransitions(scope, (i) => name(`noncurrentVersionTransitions[${i}].transitionAfter`),
    noncurrent.map((t) => ({ storageClass: t.storageClass, after: t.transitionAfter })));
  checkExpiration(scope, name('noncurrentVersionExpiration'), rule.noncurrentVersionExpiration, noncurrent.map((t) => t.transitionAfter));
}

interface TransitionAt {
  readonly storageClass: s3.StorageClass;
  readonly after?: Duration;
}

function checkTransitions(scope: IConstruct, name: (i: number) => string, transitions: TransitionAt[]): void {
  let iaDays: number | undefined;
  transitions.forEach((t, i) => {
    const d = days(t.after);
    if (d !== undefined && INFREQUENT_ACCESS_CLASSES.has(t.storageClass.value)) {
      if (d < MIN_INFREQUENT_ACCESS_DAYS) {
        throw new ConstructValidationError(scope, {
          prop: name(i),
          received: t.after,
          allowed: `at least ${MIN_INFREQUENT_ACCESS_DAYS} days for ${t.storageClass.value} (S3's minimum)`,
        });
      }
      iaDays = iaDays === undefined ? d : Math.min(iaDays, d);
    }
  });
  if (iaDays === undefined) {
    return;
  }
  transitions.forEach((t, i) => {
    const d = days(t.after);
    const earliest = iaDays! + MIN_DAYS_IN_INFREQUENT_ACCESS;
    if (d !== undefined && GLACIER_CLASSES.has(t.storageClass.value) && d < earliest) {
      throw new ConstructValidationError(scope, {
        prop: name(i),
        received: t.after,
        allowed: `at least ${earliest} days for ${t.storageClass.value}: ${MIN_DAYS_IN_INFREQUENT_ACCESS} days or more after the Infrequent Access transition (${iaDays} days)`,
        hint: 'Glacier comes after Infrequent Access, and S3 requires objects to stay in Infrequent Access for 30 days first',
      });
    }
  });
}

function checkExpiration(scope: IConstruct, prop: string, expiration: Duration | undefined, transitions: (Duration | undefined)[]): void {
  const exp = days(expiration);
  if (exp === undefined) {
    return;
  }
  const last = Math.max(-1, ...transitions.map((t) => days(t) ?? -1));
  if (exp <= last) {
    throw new ConstructValidationError(scope, {
      prop,
      received: expiration,
      allowed: `later than the last transition (${last} days)`,
      hint: 'An object that expires before its last transition never reaches that storage class',
    });
  }
}
