export * from './core';
export * from './powertools-function';
export * from './single-table';
