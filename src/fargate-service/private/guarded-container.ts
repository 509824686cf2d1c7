import { aws_ecs as ecs } from 'aws-cdk-lib';
import { assertNotPlaintextSecret } from '../../core/private/secrets';

/** How a container takes a secret instead of a plaintext environment value (CDK-5). */
export function containerSecretFix(key: string): string {
  return `pass it as \`secrets: { ${key}: ecs.Secret.fromSecretsManager(secret) }\` (ECS injects it at task start; the execution role gets read access)`;
}

/**
 * A container definition whose `addEnvironment` refuses secret-looking plaintext values (CDK-5),
 * as `PowertoolsFunction.addEnvironment` does for Lambda, so the rule the construct applies to the
 * `environment` prop cannot be bypassed after construction. Built the way
 * `TaskDefinition.addContainer` builds one, so the construct path and the template are the same.
 */
export class GuardedContainerDefinition extends ecs.ContainerDefinition {
  public addEnvironment(name: string, value: string): void {
    assertNotPlaintextSecret(this, name, value, containerSecretFix(name));
    super.addEnvironment(name, value);
  }
}
