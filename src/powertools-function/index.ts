export * from './powertools-function';
export { PowertoolsLayerVersions } from './powertools-layer';
