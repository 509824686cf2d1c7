export * from './powertools-function';
export { PowertoolsLayerVersions } from './powertools-layer';
export { PowertoolsRuntimes } from './powertools-runtimes';
