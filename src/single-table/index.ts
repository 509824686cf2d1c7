export * from './access-patterns';
export * from './single-table';
export * from './single-table-base';
