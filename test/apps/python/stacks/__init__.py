"""Every stack of the reference app (same order as test/reference-app/stacks/index.ts)."""
from .account_guardrails import build_account_guardrails
from .core import build_core
from .event_bus import build_event_bus
from .fargate_service import build_fargate_code_deploy, build_fargate_service
from .github_oidc import build_github_oidc
from .patterns_document import build_patterns_document
from .platform import build_platform
from .powertools_function import build_powertools_function
from .secure_bucket import build_secure_bucket
from .single_table import build_single_table

# (name, build(stack, stage)) — the name gives the stack name CloudPatterns-<name>-<Prod|Dev>
REFERENCE_STACKS = [
    ("Core", build_core),
    ("FargateService", build_fargate_service),
    ("FargateCodeDeploy", build_fargate_code_deploy),
    ("PowertoolsFunction", build_powertools_function),
    ("SecureBucket", build_secure_bucket),
    ("SingleTable", build_single_table),
    ("EventBus", build_event_bus),
    ("AccountGuardrails", build_account_guardrails),
    ("GitHubOidc", build_github_oidc),
    ("PatternsDocument", build_patterns_document),
]

# Stacks built with the fixture platform library (test/platform-lib/test/platform-app.ts in TypeScript).
PLATFORM_STACKS = [
    ("PlatformLib", build_platform),
]
