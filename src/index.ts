export * from './core';
export * from './account-guardrails';
export * from './powertools-function';
export * from './secure-bucket';
export * from './single-table';
export * from './github-oidc';
