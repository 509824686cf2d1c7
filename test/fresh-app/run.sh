#!/usr/bin/env bash
# What users install (issues 9 and 21): a new user's app from the packed tarball on THREE aws-cdk-lib
# releases — the floor (package.json's peerDependency), the pinned devDependency, and the newest the
# registry serves when this runs (`npm view aws-cdk-lib version`, never a literal: a release that
# breaks a promise turns CI red the day it is published). For each, a temporary app installs
# dist/js/*.tgz, aws-cdk-lib@<version>, constructs (and cdk-nag@^3 on the pinned and the newest:
# cdk-nag 3 cannot be installed next to the floor), then test/fresh-app/app.js builds every exported
# construct's minimal call with no flags and with that release's recommended flags and, where cdk-nag
# is installed, requires 0 AwsSolutions and 0 Serverless findings. When the newest is the pinned
# release it still runs, labelled so. Prints a table; fails on any error or finding.
#
#   npx projen compile && npx projen package:js && bash test/fresh-app/run.sh
#
# npm's cache (~/.npm) makes a second run fast.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
tarball=$(ls dist/js/cdk-cloud-patterns@*.tgz 2>/dev/null | head -1 || true)
if [ -z "$tarball" ]; then
  echo "[fresh-app] no dist/js/cdk-cloud-patterns@*.tgz: run 'npx projen compile && npx projen package:js' (or 'npx projen package-all') first" >&2
  exit 1
fi
pinned=$(node -p 'require("./package.json").devDependencies["aws-cdk-lib"].replace(/^[^0-9]*/, "")')
floor=$(node -p 'require("./package.json").peerDependencies["aws-cdk-lib"].replace(/^[^0-9]*/, "")')
constructs=$(node -p 'require("./package.json").peerDependencies["constructs"]')
resolved_at=$(date -u +%Y-%m-%dT%H:%MZ)
newest=$(npm view aws-cdk-lib version)
if [ -z "$newest" ]; then
  echo "[fresh-app] npm view aws-cdk-lib version returned nothing: the newest release cannot be tested" >&2
  exit 1
fi
newest_label="newest"
[ "$newest" = "$pinned" ] && newest_label="newest (= pinned)"
echo "[fresh-app] floor $floor (peerDependency), pinned $pinned (devDependency), newest $newest ('npm view aws-cdk-lib version' at $resolved_at)"

work=$(mktemp -d -t fresh-app-XXXXXX)
trap 'rm -rf "$work"' EXIT
results="$work/results.jsonl"
run_app() { # run_app <role> <version> <nag: required|none>
  local role=$1 version=$2 nag=$3
  local dir="$work/app-$role"
  mkdir -p "$dir"
  echo '{ "name": "fresh-app", "private": true }' > "$dir/package.json"
  local packages=("$root/$tarball" "aws-cdk-lib@$version" "constructs@$constructs")
  [ "$nag" = required ] && packages+=("cdk-nag@^3")
  echo "[fresh-app] $role aws-cdk-lib@$version: npm install ${packages[*]##*/}"
  (cd "$dir" && npm install --no-audit --no-fund --loglevel=error --prefer-offline "${packages[@]}" >/dev/null)
  cp test/fresh-app/app.js "$dir/app.js"
  (cd "$dir" && FRESH_APP_ROLE="$role" FRESH_APP_NAG="$nag" node app.js) >> "$results"
}
run_app floor "$floor" none
run_app pinned "$pinned" required
run_app "$newest_label" "$newest" required

NEWEST="$newest" RESOLVED_AT="$resolved_at" node - "$results" <<'NODE'
const rows = require('fs').readFileSync(process.argv[2], 'utf-8').trim().split('\n').map((l) => JSON.parse(l));
const width = Math.max(...rows.map((r) => r.construct.length));
const versionWidth = Math.max(...rows.map((r) => `${r.version} ${r.role}`.length));
console.log(`${'construct'.padEnd(width)}  ${'aws-cdk-lib'.padEnd(versionWidth)}  flags        cdk-nag  result`);
for (const r of rows) {
  console.log(`${r.construct.padEnd(width)}  ${`${r.version} ${r.role}`.padEnd(versionWidth)}  ${r.flags.padEnd(11)}  ${(r.nag ? 'yes' : 'no').padEnd(7)}  ${r.status}${r.detail ? ` (${r.detail})` : ''}`);
}
console.log(`[fresh-app] newest = ${process.env.NEWEST}: resolved by 'npm view aws-cdk-lib version' at ${process.env.RESOLVED_AT}`);
const bad = rows.filter((r) => r.status !== 'ok');
if (bad.length) {
  console.error(`[fresh-app] ${bad.length} of ${rows.length} case(s) failed:`);
  for (const r of bad) console.error(`  ${r.construct} on ${r.version} (${r.role}), flags ${r.flags}: ${r.status}: ${r.detail}`);
  process.exit(1);
}
console.log(`[fresh-app] ${rows.length} case(s) ok`);
NODE
