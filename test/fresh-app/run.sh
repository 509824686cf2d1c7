#!/usr/bin/env bash
# A new user's app from the packed tarball (issue 9), on the tested aws-cdk-lib and on the peer floor:
# for each version a temporary app installs dist/js/*.tgz, aws-cdk-lib@<version>, constructs@10 (and
# cdk-nag@3 on the tested version only: cdk-nag 3 cannot be installed next to the floor), then
# test/fresh-app/app.js builds every exported construct's minimal call with no flags and with that
# version's recommended flags. Prints a table; fails on any error or rule-pack finding.
#
#   npx projen package-all && bash test/fresh-app/run.sh
#
# The versions come from .projenrc.ts' CDK_TESTED and CDK_FLOOR (package.json's devDependency and
# peerDependency). npm's cache (~/.npm) makes a second run fast.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
tarball=$(ls dist/js/cdk-cloud-patterns@*.tgz 2>/dev/null | head -1 || true)
if [ -z "$tarball" ]; then
  echo "[fresh-app] no dist/js/cdk-cloud-patterns@*.tgz: run 'npx projen package-all' (or 'npx projen package:js') first" >&2
  exit 1
fi
tested=$(node -p 'require("./package.json").devDependencies["aws-cdk-lib"].replace(/^[^0-9]*/, "")')
floor=$(node -p 'require("./package.json").peerDependencies["aws-cdk-lib"].replace(/^[^0-9]*/, "")')
constructs=$(node -p 'require("./package.json").peerDependencies["constructs"]')

work=$(mktemp -d -t fresh-app-XXXXXX)
trap 'rm -rf "$work"' EXIT
results="$work/results.jsonl"
for version in "$tested" "$floor"; do
  dir="$work/app-$version"
  mkdir -p "$dir"
  echo '{ "name": "fresh-app", "private": true }' > "$dir/package.json"
  packages=("$root/$tarball" "aws-cdk-lib@$version" "constructs@$constructs")
  [ "$version" = "$tested" ] && packages+=("cdk-nag@^3")
  echo "[fresh-app] aws-cdk-lib@$version: npm install ${packages[*]##*/}"
  (cd "$dir" && npm install --no-audit --no-fund --loglevel=error --prefer-offline "${packages[@]}" >/dev/null)
  cp test/fresh-app/app.js "$dir/app.js"
  (cd "$dir" && node app.js) >> "$results"
done

node - "$results" <<'NODE'
const rows = require('fs').readFileSync(process.argv[2], 'utf-8').trim().split('\n').map((l) => JSON.parse(l));
const width = Math.max(...rows.map((r) => r.construct.length));
console.log(`${'construct'.padEnd(width)}  aws-cdk-lib  flags        result`);
for (const r of rows) {
  console.log(`${r.construct.padEnd(width)}  ${r.version.padEnd(11)}  ${r.flags.padEnd(11)}  ${r.status}${r.detail ? ` (${r.detail})` : ''}`);
}
const bad = rows.filter((r) => r.status === 'error' || r.status === 'findings');
const skipped = rows.filter((r) => r.status === 'skipped');
if (skipped.length) console.log(`[fresh-app] skipped ${skipped.length} case(s): the tarball does not export those constructs yet`);
if (bad.length) {
  console.error(`[fresh-app] ${bad.length} case(s) failed`);
  process.exit(1);
}
console.log(`[fresh-app] ${rows.length - skipped.length} case(s) ok`);
NODE
