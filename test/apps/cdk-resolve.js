// Preloaded with `node -r` (ts-node -r): resolves `aws-cdk-lib` and `constructs` (and their
// subpaths) from $CDK_LIB_DIR instead of the root's node_modules, so the TypeScript reference app
// can be synthesized on the aws-cdk-lib release a language app runs on (test/apps/run-all.sh).
const Module = require('module');

const dir = process.env.CDK_LIB_DIR;
if (dir) {
  const resolve = Module._resolveFilename;
  const redirected = /^(aws-cdk-lib|constructs)(\/.*)?$/;
  Module._resolveFilename = function (request, parent, isMain, options) {
    if (redirected.test(request)) {
      return resolve.call(this, request, parent, isMain, { ...options, paths: [dir] });
    }
    return resolve.call(this, request, parent, isMain, options);
  };
}
