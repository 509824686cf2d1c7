export * from './tags';
export * from './function';
