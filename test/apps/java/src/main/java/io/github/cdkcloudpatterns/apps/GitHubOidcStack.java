package io.github.cdkcloudpatterns.apps;

import java.util.List;

import io.github.cdkcloudpatterns.CdkBootstrapRole;
import io.github.cdkcloudpatterns.CdkBootstrapRolesOptions;
import io.github.cdkcloudpatterns.DeploymentStage;
import io.github.cdkcloudpatterns.GitHubOidcRole;
import software.amazon.awscdk.Stack;

/** test/reference-app/stacks/github-oidc.ts in Java. */
final class GitHubOidcStack implements ReferenceApp.StackSpec {
    @Override
    public String name() {
        return "GitHubOidc";
    }

    @Override
    public void build(Stack stack, DeploymentStage stage) {
        GitHubOidcRole deploy = GitHubOidcRole.Builder.create(stack, "Deploy")
                .repository("myorg/myrepo")
                .branches(List.of("main"))
                .stage(stage)
                .build();
        deploy.grantCdkBootstrapRoles();
        GitHubOidcRole diff = GitHubOidcRole.Builder.create(stack, "Diff")
                .repository("myorg/myrepo")
                .pullRequests(true)
                .stage(stage)
                .build();
        diff.grantCdkBootstrapRoles(CdkBootstrapRolesOptions.builder().roles(List.of(CdkBootstrapRole.LOOKUP)).build());
    }
}
