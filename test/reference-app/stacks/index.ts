import { ReferenceStackSpec } from '../stack-spec';
import { accountGuardrailsStack } from './account-guardrails';
import { coreStack } from './core';
import { eventBusStack } from './event-bus';
import { fargateCodeDeployStack, fargateServiceStack } from './fargate-service';
import { gitHubOidcStack } from './github-oidc';
import { patternsDocumentStack } from './patterns-document';
import { powertoolsFunctionStack } from './powertools-function';
import { secureBucketStack } from './secure-bucket';
import { singleTableStack } from './single-table';

/**
 * Every stack of the reference app. Each construct issue adds its own file here and one line to
 * this list; nothing else in the reference app changes.
 */
export const REFERENCE_STACKS: ReferenceStackSpec[] = [
  coreStack,
  fargateServiceStack,
  fargateCodeDeployStack,
  powertoolsFunctionStack,
  secureBucketStack,
  singleTableStack,
  eventBusStack,
  accountGuardrailsStack,
  gitHubOidcStack,
  patternsDocumentStack,
];
