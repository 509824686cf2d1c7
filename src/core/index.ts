export * from './deployment-stage';
export * from './stage-policy';
export * from './dead-letter-queue';
export * from './log-group';
export * from './access-logs-bucket';
export * from './tags';
export * from './handlers';
