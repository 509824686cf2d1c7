/**
 * What several constructs of the library share, written once (DESIGN.md decision 10):
 *
 * - the deployment stage and what it decides: `DeploymentStage`, `DeploymentStageOptions` (the
 *   `stage` prop every construct's props extend) and `StagePolicy` (resolution of the stage, removal
 *   policies, deletion protection, retention);
 * - the required tags and their check: `PatternTags`, `RequiredTagsCheck`;
 * - the deployable building blocks several constructs create and users may create on their own:
 *   `DeadLetterQueue` (encrypted, TLS-only, with its depth alarm), `StageLogGroup` (stage retention,
 *   KMS key policy) and `AccessLogsBucket` (the access-log bucket of S3 and load balancers);
 * - the handlers the library ships, prebundled: `PatternHandlers`.
 *
 * `private/` holds what is not API: validation and error messages, the secret-environment rule,
 * rule-pack acknowledgements, asset paths. core/ imports no other folder of src/.
 */
export * from './deployment-stage';
export * from './stage-policy';
export * from './dead-letter-queue';
export * from './log-group';
export * from './access-logs-bucket';
export * from './tags';
export * from './handlers';
export * from './alarm-routing';
