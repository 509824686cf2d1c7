"""Where the app finds the handlers the library prebundles (assets/lambda/<name>).

The TypeScript reference app reaches them through the library's private handlerAssetPath(); the
library exports no public way to get a shipped handler's code, so a Python user cannot reach the
copy inside the installed package. Until it does, the app uses the same bundle from the checkout
(test/apps/run-all.sh runs after `npx projen package-all`, which bundled it).
"""
from pathlib import Path

ASSETS = Path(__file__).resolve().parents[4] / "assets" / "lambda"


def handler_asset_path(name: str) -> str:
    path = ASSETS / name
    if not (path / "index.js").is_file():
        raise FileNotFoundError(f"prebundled handler {name!r} missing at {path}: run npx projen bundle:lambda")
    return str(path)
