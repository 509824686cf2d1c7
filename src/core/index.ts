export * from './deployment-stage';
export * from './tags';
