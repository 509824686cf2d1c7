/**
 * The SDK clients' default credential provider, as the shipped handlers' bundles use it
 * (projenrc/bundle-lambda.ts resolves every `@aws-sdk/credential-provider-node` import of the SDK clients to
 * this module). Issue #15: the SDK's own default chain (environment, SSO, ini files, process,
 * web identity, container and instance metadata, and the STS / SSO / sign-in clients they need) is
 * a quarter of each bundle, yet on Lambda the credentials are always in the environment
 * (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN).
 *
 * - With those variables set and no profile selected (`AWS_PROFILE`), the credentials come from
 *   the SDK's own `fromEnv`: what the default chain's first link returns.
 * - Otherwise the SDK's full default chain answers, loaded on first use from a separate chunk of
 *   the bundle (esbuild splits at the dynamic import), so behaviour outside Lambda is the SDK's.
 */
// Both providers are dependencies of every @aws-sdk client, and dev dependencies of this project
// (.projenrc.ts) at the versions the clients resolve.
import { fromEnv } from '@aws-sdk/credential-provider-env';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';

type DefaultProviderInit = Parameters<typeof fromEnv>[0] & { readonly profile?: string };

/** Drop-in for `@aws-sdk/credential-provider-node`'s `defaultProvider` (the name the clients import). */
export const defaultProvider = (init: DefaultProviderInit = {}): AwsCredentialIdentityProvider => {
  const env = fromEnv(init);
  let chain: AwsCredentialIdentityProvider | undefined;
  return async (props?: Record<string, unknown>): Promise<AwsCredentialIdentity> => {
    const profile = init.profile ?? process.env.AWS_PROFILE;
    if (!profile && process.env.AWS_ACCESS_KEY_ID && process.env.AWS_SECRET_ACCESS_KEY) {
      return env();
    }
    if (!chain) {
      const sdk = await import('@aws-sdk/credential-provider-node');
      chain = sdk.defaultProvider(init);
    }
    return chain(props);
  };
};
