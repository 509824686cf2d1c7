/**
 * The one Powertools module every shipped handler uses (LAM-1, LAM-2).
 *
 * Logger, Tracer and Metrics are created once, at module scope, so warm invocations reuse them.
 * They take their configuration from the environment that PowertoolsFunction writes:
 * POWERTOOLS_SERVICE_NAME, POWERTOOLS_METRICS_NAMESPACE, POWERTOOLS_LOG_LEVEL,
 * POWERTOOLS_TRACE_ENABLED. Nothing is hard-coded here, so the same bundle serves every service.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';

export const logger = new Logger();
export const tracer = new Tracer();
export const metrics = new Metrics();

/** How many times this module was evaluated in this process: 1 proves module-scope reuse. */
export const moduleInitCount = ((globalThis as { __cdkPatternsPowertoolsInit?: number }).__cdkPatternsPowertoolsInit =
  ((globalThis as { __cdkPatternsPowertoolsInit?: number }).__cdkPatternsPowertoolsInit ?? 0) + 1);
