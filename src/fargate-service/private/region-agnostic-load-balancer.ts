import { Aws, CfnCondition, CfnMapping, Fn, Stack, aws_elasticloadbalancingv2 as elbv2, aws_iam as iam } from 'aws-cdk-lib';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { isUnresolved } from '../../core/private/validation';

/** The service principal ELB writes access logs as, in regions launched from August 2022 on. */
export const ELB_LOG_DELIVERY_PRINCIPAL = 'logdelivery.elasticloadbalancing.amazonaws.com';
/** The value of the region → ELB account mapping for regions that have no ELB account. */
export const NO_ELB_ACCOUNT = 'none';

/**
 * An application load balancer whose access logs also work in an environment-agnostic stack.
 *
 * aws-cdk-lib picks the principal of the log bucket's policy from the stack's region (the region's
 * ELB account, or the log-delivery service principal in regions launched from August 2022 on) and
 * throws "Region is required to enable ELBv2 access logging" when the region is a token. Here, only
 * then, the principal is decided at deploy time: a mapping of every region aws-cdk-lib knows to its
 * ELB account (or `none`), and a principal that names the region's ELB account where there is one
 * and the log-delivery service principal always. A stack with a concrete region renders as before.
 * A region launched after the aws-cdk-lib release in use is not in the mapping: the deployment then
 * fails on `Fn::FindInMap` (give the stack its region).
 */
export class RegionAgnosticLoadBalancer extends elbv2.ApplicationLoadBalancer {
  private logPrincipal?: iam.IPrincipal;

  protected resourcePolicyPrincipal(): iam.IPrincipal {
    if (!isUnresolved(Stack.of(this).region)) {
      return super.resourcePolicyPrincipal();
    }
    if (!this.logPrincipal) {
      const mapping = new CfnMapping(this, 'ElbAccounts', {
        mapping: Object.fromEntries(RegionInfo.regions.map((r) => [r.name, { account: r.elbv2Account ?? NO_ELB_ACCOUNT }])),
      });
      const account = mapping.findInMap(Aws.REGION, 'account');
      const hasAccount = new CfnCondition(this, 'HasElbAccount', {
        expression: Fn.conditionNot(Fn.conditionEquals(account, NO_ELB_ACCOUNT)),
      });
      this.logPrincipal = new iam.CompositePrincipal(
        new iam.ArnPrincipal(Fn.conditionIf(hasAccount.logicalId, `arn:${Aws.PARTITION}:iam::${account}:root`, Aws.NO_VALUE).toString()),
        new iam.ServicePrincipal(ELB_LOG_DELIVERY_PRINCIPAL),
      );
    }
    return this.logPrincipal;
  }
}
