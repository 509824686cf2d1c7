export * from './access-analyzer';
export * from './cost-anomaly-monitor';
export * from './account-guardrails';
