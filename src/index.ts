export * from './core';
export * from './single-table';
