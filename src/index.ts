export * from './core';
export * from './event-bus';
export * from './account-guardrails';
export * from './fargate-service';
export * from './powertools-function';
export * from './secure-bucket';
export * from './single-table';
export * from './github-oidc';
