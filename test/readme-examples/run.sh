#!/usr/bin/env bash
# Every TypeScript example of README.md and of the construct pages (src/<folder>/README.md) compiles
# when pasted as it is into a `cdk init` app (issue 22). Makes the app exactly as the README's quick
# start says (`npx aws-cdk@2 init app --language typescript`, then npm install of the packed tarball,
# and cdk-nag@^3 as "Check your app" says), pastes every example (test/readme-examples/examples.ts
# says where each shape goes), compiles the app with its own tsc, runs its jest tests (the README's
# "Test your app" example among them) and synthesizes the quick start's stack in PROD and DEV.
#
#   npx projen package:js && bash test/readme-examples/run.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
# exactly one packed tarball: a stale second one would make the check depend on ls's order
shopt -s nullglob
tarballs=(dist/js/cdk-cloud-patterns@*.tgz)
shopt -u nullglob
if [ "${#tarballs[@]}" -ne 1 ]; then
  echo "[readme-examples] expected one dist/js/cdk-cloud-patterns@*.tgz, found ${#tarballs[@]}: run 'npx projen package:js' (or package-all)" >&2
  exit 1
fi
tarball=${tarballs[0]}
work=$(mktemp -d -t readme-examples-XXXXXX)
trap 'rm -rf "$work"' EXIT
app="$work/my-app"
mkdir -p "$app"
echo "[readme-examples] npx aws-cdk@2 init app --language typescript (in $app)"
(cd "$app" && npx --yes aws-cdk@2 init app --language typescript --generate-only >/dev/null 2>&1)
echo "[readme-examples] npm install (the app's own packages), then ${tarball##*/} and cdk-nag@^3"
(cd "$app" && npm install --no-audit --no-fund --loglevel=error --prefer-offline >/dev/null)
(cd "$app" && npm install --no-audit --no-fund --loglevel=error --prefer-offline "$root/$tarball" >/dev/null)
(cd "$app" && npm install --no-audit --no-fund --loglevel=error --prefer-offline --save-dev "cdk-nag@^3" >/dev/null)

npx ts-node --project tsconfig.dev.json test/readme-examples/examples.ts check "$app"

echo "[readme-examples] the app's tests (jest)"
(cd "$app" && npx jest --ci 2>&1 | tail -n 8)

echo "[readme-examples] npx cdk synth: the quick start's stack, PROD and DEV"
export AWS_EC2_METADATA_DISABLED=true
(cd "$app" && npx cdk synth --quiet >/dev/null && npx cdk synth --quiet -c env=dev >/dev/null)
echo "[readme-examples] ok"
