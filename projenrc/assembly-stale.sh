#!/usr/bin/env bash
# Exits 0 when the jsii assembly needs compiling: .jsii is missing (a clean clone, where the README's
# `npx projen demo` bundles but does not compile) or older than a file it is compiled from (src/,
# package.json). `npx projen test` and test/apps/run-all.sh compile only then: test/languages/
# reads .jsii, and a test fails (naming the command) rather than skip when it is missing.
cd "$(dirname "$0")/.."
[ ! -f .jsii ] && exit 0
[ -n "$(find src package.json -newer .jsii -type f -print -quit 2>/dev/null)" ] && exit 0
exit 1
