"""Every stack of the reference app (same order as test/reference-app/stacks/index.ts)."""
from .account_guardrails import build_account_guardrails
from .core import build_core
from .event_bus import build_event_bus
from .github_oidc import build_github_oidc
from .platform import build_platform
from .powertools_function import build_powertools_function
from .secure_bucket import build_secure_bucket
from .single_table import build_single_table

# (name, build(stack, stage)) — the name gives the stack name CloudPatterns-<name>-<Prod|Dev>
REFERENCE_STACKS = [
    ("Core", build_core),
    ("PowertoolsFunction", build_powertools_function),
    ("SecureBucket", build_secure_bucket),
    ("SingleTable", build_single_table),
    ("EventBus", build_event_bus),
    ("AccountGuardrails", build_account_guardrails),
    ("GitHubOidc", build_github_oidc),
]

# Stacks built with the fixture platform library (test/platform-lib/test/platform-app.ts in TypeScript).
PLATFORM_STACKS = [
    ("PlatformLib", build_platform),
]
