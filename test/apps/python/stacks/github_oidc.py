"""test/reference-app/stacks/github-oidc.ts in Python."""
import aws_cdk as cdk
from cdk_cloud_patterns import CdkBootstrapRole, DeploymentStage, GitHubOidcRole


def build_github_oidc(stack: cdk.Stack, stage: DeploymentStage) -> None:
    deploy = GitHubOidcRole(stack, "Deploy", repository="myorg/myrepo", branches=["main"], stage=stage)
    deploy.grant_cdk_bootstrap_roles()
    diff = GitHubOidcRole(stack, "Diff", repository="myorg/myrepo", pull_requests=True, stage=stage)
    diff.grant_cdk_bootstrap_roles(roles=[CdkBootstrapRole.LOOKUP])
