export * from './github-oidc-provider';
export * from './github-oidc-role';
