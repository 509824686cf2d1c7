"""The reference app, in Python: the same stacks, props, env and tags as test/reference-app/app.ts.

It installs cdk-cloud-patterns from the wheel in dist/python (test/apps/run-all.sh) and
synthesizes into $CDK_OUTDIR. test/languages/ compares its templates with the TypeScript ones.
The platform-lib stacks use the fixture platform library (test/platform-lib), packaged for Python.
"""
import aws_cdk as cdk
from acme_platform_constructs import AcmeRequiredTagsCheck
from cdk_cloud_patterns import DeploymentStage, PatternTags, RequiredTagsCheck

from stacks import PLATFORM_STACKS, REFERENCE_STACKS

REFERENCE_ENV = cdk.Environment(account="123456789012", region="us-east-1")
REFERENCE_STAGES = [DeploymentStage.PROD, DeploymentStage.DEV]


def stack_name(name: str, stage: DeploymentStage) -> str:
    return f"CloudPatterns-{name}-{'Prod' if stage == DeploymentStage.PROD else 'Dev'}"


def main() -> None:
    app = cdk.App()
    for stage in REFERENCE_STAGES:
        for name, build in REFERENCE_STACKS:
            stack = cdk.Stack(app, stack_name(name, stage), env=REFERENCE_ENV)
            build(stack, stage)
            PatternTags.apply(stack, team="platform", service=f"reference-{name.lower()}", stage=stage)
    RequiredTagsCheck.add_to(app, fail_on_missing=True)
    for stage in REFERENCE_STAGES:
        for name, build in PLATFORM_STACKS:
            stack = cdk.Stack(app, stack_name(name, stage), env=REFERENCE_ENV)
            build(stack, stage)
            AcmeRequiredTagsCheck.add_to(stack)
    app.synth()


if __name__ == "__main__":
    main()
