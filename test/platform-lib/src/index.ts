export * from './tags';
export * from './function';
export * from './bucket';
export * from './table';
