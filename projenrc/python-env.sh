#!/usr/bin/env bash
# Creates (or refreshes) .venv with the Python tools of test/requirements.txt: cfn-lint, moto's
# server and aws-lambda-powertools. Idempotent: does nothing when the requirements did not change.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
venv="$root/.venv"
req="$root/test/requirements.txt"
stamp="$venv/.requirements.sha256"
want=$(sha256sum "$req" | cut -d' ' -f1)
if [ -x "$venv/bin/python" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi
echo "python-env: installing test/requirements.txt into .venv"
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check -r "$req"
echo "$want" > "$stamp"
