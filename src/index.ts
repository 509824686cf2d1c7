export * from './core';
export * from './secure-bucket';
