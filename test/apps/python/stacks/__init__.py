"""Every stack of the reference app (same order as test/reference-app/stacks/index.ts)."""
from .core import build_core
from .platform import build_platform
from .powertools_function import build_powertools_function

# (name, build(stack, stage)) — the name gives the stack name CloudPatterns-<name>-<Prod|Dev>
REFERENCE_STACKS = [
    ("Core", build_core),
    ("PowertoolsFunction", build_powertools_function),
]

# Stacks built with the fixture platform library (test/platform-lib/test/platform-app.ts in TypeScript).
PLATFORM_STACKS = [
    ("PlatformLib", build_platform),
]
