#!/usr/bin/env bash
# Every jsii language really works (issue 6): builds the packages, the fixture platform library and
# the Python, Java and Go reference apps from dist/, synthesizes each, and fails unless each
# language's templates equal the TypeScript reference app's (test/languages/languages.test.ts).
#
#   bash test/apps/run-all.sh            # from a clone after `npm ci` (compiles when needed)
#   SKIP_PACKAGE=1 bash test/apps/run-all.sh   # reuse dist/ from an earlier `npx projen package-all`
#
# Caches that make a second run fast: pip's (~/.cache/pip) and the venv test/apps/python/.venv,
# Maven's ~/.m2/repository, Go's module and build caches (~/go/pkg/mod, ~/.cache/go-build).
# Prints a table of the time each step took.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
apps="$root/test/apps"
out="$apps/out"
bin="$root/node_modules/.bin"
cd "$root"

export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20
export JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION=1
export PIP_DISABLE_PIP_VERSION_CHECK=1

timings=()
step() { # step <name> <command...>: runs and times one step
  local name=$1; shift
  local t0; t0=$(date +%s.%N)
  echo "[run-all] $name"
  "$@"
  local secs; secs=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
  timings+=("$(printf '%-28s %8ss' "$name" "$secs")")
}
report() {
  echo "[run-all] step                         seconds"
  for line in "${timings[@]}"; do echo "[run-all] $line"; done
}
trap report EXIT

# 1. Bundle the handlers, jsii compile (when .jsii is older than the sources), then every target
#    of `npx projen package-all`, one at a time so each is timed.
if [ "${SKIP_PACKAGE:-}" != 1 ]; then
  # the handlers ship inside every package: bundle them whatever state the checkout is in
  step "bundle:lambda" npx projen bundle:lambda
  if bash projenrc/assembly-stale.sh; then
    step "compile (jsii)" npx projen compile
  fi
  rm -rf dist/js dist/java dist/python dist/go dist/dotnet dist/dotnet-source
  for target in js java python go dotnet-source; do
    step "package:$target" npx projen "package:$target"
  done
fi

# 2. The fixture platform library: jsii compile against dist/js, its tests, its Python package.
step "platform-lib (jsii+test+py)" bash test/platform-lib/build.sh

# 3. What the apps are compared against: the TypeScript reference app and platform app, on the
#    tested aws-cdk-lib (root node_modules) and on each release a language app runs on where its
#    registry lacks the tested one (test/apps/cdk-versions.json; installed from npm into test/apps/.cdk).
rm -rf "$out"
synth_typescript() {
  local tested; tested=$(node -p 'require("./test/apps/cdk-versions.json").typescript')
  "$bin/ts-node" --project tsconfig.dev.json test/apps/synth-reference.ts "$out"
  for version in $(node -p 'Object.values(require("./test/apps/cdk-versions.json")).join("\n")' | sort -u); do
    [ "$version" = "$tested" ] && continue
    local dir="$apps/.cdk/$version"
    if [ ! -f "$dir/node_modules/aws-cdk-lib/package.json" ] || \
       [ "$(node -p "require('$dir/node_modules/aws-cdk-lib/package.json').version")" != "$version" ]; then
      npm install --no-save --no-package-lock --no-audit --no-fund --silent --prefix "$dir" "aws-cdk-lib@$version" constructs@10.8.1
    fi
    CDK_LIB_DIR="$dir/node_modules" "$bin/ts-node" -r ./test/apps/cdk-resolve.js --project tsconfig.dev.json \
      test/apps/synth-reference.ts "$out" "@$version"
  done
}
step "synth typescript" synth_typescript

# 4. Python: a venv with aws-cdk-lib from PyPI and the two wheels from dist/.
python_app() {
  local venv="$apps/python/.venv"
  [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet -r "$apps/python/requirements.txt"
  "$venv/bin/pip" install --quiet --no-deps --force-reinstall \
    "$root"/dist/python/cdk_cloud_patterns-*.whl "$root"/test/platform-lib/dist/python/acme_platform_constructs-*.whl
  (cd "$apps/python" && CDK_OUTDIR="$out/python" "$venv/bin/python" app.py)
}
step "python app" python_app

# 5. Java: the jar from the local Maven repository dist/java. Maven caches a release version in
#    ~/.m2 and never looks again, so drop the cached copy of this library first.
java_app() {
  local version; version=$(node -p 'require("./package.json").version')
  rm -rf "${HOME}/.m2/repository/io/github/cdkcloudpatterns"
  (cd "$apps/java" && CDK_OUTDIR="$out/java" mvn -B -q -Dcdkcloudpatterns.version="$version" compile exec:java)
}
step "java app" java_app

# 6. Go: the module in dist/go through the replace directive in test/apps/go/go.mod.
go_app() {
  (cd "$apps/go" && GOFLAGS=-mod=mod go build -o goapp . && CDK_OUTDIR="$out/go" ./goapp)
}
step "go app" go_app

# 7. The comparison (and the package content checks), for real: absent outputs fail here.
#    The two artefact tests are outside the default jest run (.projenrc.ts ARTEFACT_TESTS): only
#    /node_modules/ is ignored here.
step "compare" env LANGUAGE_APPS_OUT="$out" \
  "$bin/jest" --coverage=false --ci --testPathIgnorePatterns=/node_modules/ \
  --testPathPatterns='test/languages/(packages|language-apps)\.test\.ts$'
