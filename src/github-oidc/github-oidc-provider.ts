import { ArnFormat, Stack, aws_iam as iam } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { DeploymentStage } from '../core/deployment-stage';
import { ConstructValidationError } from '../core/private/errors';
import { StagePolicy } from '../core/stage-policy';
import { GITHUB_ISSUER, STS_AUDIENCE } from './private/trust';

/**
 * The GitHub Actions OIDC identity provider (`token.actions.githubusercontent.com`, audience
 * `sts.amazonaws.com`), one per stack or imported from the account.
 *
 * IAM accepts one provider per URL in an account. `GitHubOidcProvider.of()` creates it once per
 * stack, as the native `AWS::IAM::OIDCProvider` (no custom resource, no thumbprint: IAM no longer
 * checks GitHub's certificate thumbprint), and every `GitHubOidcRole` of the stack shares it. When
 * another stack (or the console) already created it, import it with `fromAccount()` and pass it as
 * the role's `provider`.
 *
 * @example
 * // the account already has the provider: import it, partition-aware
 * const provider = patterns.GitHubOidcProvider.fromAccount(this, 'GitHub');
 * new patterns.GitHubOidcRole(this, 'Deploy', { repository: 'myorg/myrepo', branches: ['main'], provider });
 */
export class GitHubOidcProvider {
  /** The issuer URL of GitHub Actions' OIDC tokens. */
  public static readonly URL = `https://${GITHUB_ISSUER}`;
  /** The issuer host: the prefix of every GitHub claim condition key. */
  public static readonly ISSUER = GITHUB_ISSUER;
  /** The audience (client id) aws-actions/configure-aws-credentials requests. */
  public static readonly AUDIENCE = STS_AUDIENCE;
  /** The construct id of the provider `of()` creates, directly under the stack. */
  public static readonly CONSTRUCT_ID = 'GitHubOidcProvider';

  /**
   * The stack's GitHub OIDC provider: the one created earlier in `scope`'s stack, else a new
   * `iam.OidcProviderNative` under the stack with the id `GitHubOidcProvider`, retained in PROD.
   *
   * @param scope any construct of the stack
   * @param stage the stage that decides the removal policy of a new provider (RETAIN in PROD)
   */
  public static of(scope: IConstruct, stage?: DeploymentStage): iam.IOidcProvider {
    const stack = Stack.of(scope);
    const existing = stack.node.tryFindChild(GitHubOidcProvider.CONSTRUCT_ID);
    if (existing) {
      if (!(existing instanceof iam.OidcProviderNative)) {
        throw new ConstructValidationError(existing, {
          prop: 'construct id',
          received: GitHubOidcProvider.CONSTRUCT_ID,
          allowed: 'only for the GitHub OIDC provider GitHubOidcRole creates',
          hint: 'Rename your construct, or pass your provider as `provider`',
        });
      }
      return existing;
    }
    return new iam.OidcProviderNative(stack, GitHubOidcProvider.CONSTRUCT_ID, {
      url: GitHubOidcProvider.URL,
      clientIds: [STS_AUDIENCE],
      removalPolicy: StagePolicy.of(scope, stage).removalPolicy,
    });
  }

  /**
   * Imports the GitHub OIDC provider an account already has, by its ARN
   * `arn:<partition>:iam::<account>:oidc-provider/token.actions.githubusercontent.com` (the
   * partition and account of `scope`'s stack unless `account` is given).
   *
   * @param scope the scope of the imported construct
   * @param id its construct id
   * @param account the account that holds the provider
   * @default account - the stack's account
   */
  public static fromAccount(scope: Construct, id: string, account?: string): iam.IOidcProvider {
    const stack = Stack.of(scope);
    const arn = stack.formatArn({
      service: 'iam',
      region: '',
      account: account ?? stack.account,
      resource: 'oidc-provider',
      resourceName: GITHUB_ISSUER,
      arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    });
    return iam.OidcProviderNative.fromOidcProviderArn(scope, id, arn);
  }

  private constructor() {}
}
