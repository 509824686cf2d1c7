export * from './deployment-stage';
export * from './tags';
export * from './governance';
export * from './handlers';
