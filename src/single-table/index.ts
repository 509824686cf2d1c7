export * from './access-patterns';
export * from './single-table';
