"""Every stack of the reference app (same order as test/reference-app/stacks/index.ts)."""
from .core import build_core
from .platform import build_platform

# (name, build(stack, stage)) — the name gives the stack name CloudPatterns-<name>-<Prod|Dev>
REFERENCE_STACKS = [
    ("Core", build_core),
]

# Stacks built with the fixture platform library (test/platform-lib/test/platform-app.ts in TypeScript).
PLATFORM_STACKS = [
    ("PlatformLib", build_platform),
]
