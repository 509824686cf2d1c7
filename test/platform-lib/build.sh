#!/usr/bin/env bash
# Builds the fixture platform library: installs cdk-cloud-patterns from the npm tarball in dist/js
# (what `npx projen package-all` built), compiles with the root's jsii, runs its tests, and packages
# it for Python into test/platform-lib/dist/python.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin="$root/node_modules/.bin"
cd "$here"

tgz=$(ls "$root"/dist/js/cdk-cloud-patterns@*.jsii.tgz)
rm -rf node_modules/cdk-cloud-patterns lib dist .jsii
mkdir -p node_modules/cdk-cloud-patterns
tar xzf "$tgz" --strip-components=1 -C node_modules/cdk-cloud-patterns
# aws-cdk-lib and constructs resolve from the root's node_modules (one copy, the tested version);
# jsii warns that they are not devDependencies here, which is on purpose.
"$bin/jsii" --silence-warnings=reserved-word --silence-warnings=metadata/missing-dev-dependency
"$bin/jest" --config "$here/jest.config.js" --coverage=false
"$bin/jsii-pacmak" --target python
