export * from './core';
export * from './powertools-function';
