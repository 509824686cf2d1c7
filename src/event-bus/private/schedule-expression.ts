/**
 * The expressions EventBridge Scheduler accepts (EVB-5): `cron(<6 fields>)`, `rate(<n> <unit>)`
 * and `at(<yyyy-mm-ddThh:mm:ss>)`. A pure check; the construct turns a problem into an error.
 */

const RATE = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/;
const AT = /^at\((\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\)$/;
const CRON = /^cron\((.+)\)$/;

/** What is allowed, for error messages. */
export const SCHEDULE_EXPRESSION_ALLOWED =
  "'cron(<minutes> <hours> <day-of-month> <month> <day-of-week> <year>)', 'rate(<value> minute|minutes|hour|hours|day|days)' or 'at(yyyy-mm-ddThh:mm:ss)'";

/** Returns why `expression` is not a Scheduler expression, or undefined when it is one. */
export function scheduleExpressionProblem(expression: string): string | undefined {
  const rate = RATE.exec(expression);
  if (rate) {
    const value = Number(rate[1]);
    if (value < 1) {
      return 'a rate must be at least 1';
    }
    if (value === 1 && rate[2].endsWith('s')) {
      return `a rate of 1 takes the singular unit ('${rate[2].slice(0, -1)}')`;
    }
    if (value > 1 && !rate[2].endsWith('s')) {
      return `a rate above 1 takes the plural unit ('${rate[2]}s')`;
    }
    return undefined;
  }
  if (expression.startsWith('rate(')) {
    return 'a rate is rate(<positive integer> <unit>)';
  }
  const at = AT.exec(expression);
  if (at) {
    const [, y, mo, d, h, mi, s] = at.map(Number);
    const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
    const valid = date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && h < 24 && mi < 60 && s < 60;
    return valid ? undefined : 'the date or time of at(...) does not exist';
  }
  if (expression.startsWith('at(')) {
    return 'a one-time schedule is at(yyyy-mm-ddThh:mm:ss)';
  }
  const cron = CRON.exec(expression);
  if (cron) {
    const fields = cron[1].trim().split(/\s+/);
    if (fields.length !== 6) {
      return `a cron expression has 6 fields (minutes hours day-of-month month day-of-week year), got ${fields.length}`;
    }
    const [, , dayOfMonth, , dayOfWeek] = fields;
    if ((dayOfMonth === '?') === (dayOfWeek === '?')) {
      return "exactly one of day-of-month and day-of-week must be '?'";
    }
    return undefined;
  }
  return 'not a cron(...), rate(...) or at(...) expression';
}
