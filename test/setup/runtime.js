/**
 * Jest runtime (issue #15): jest's own, with V8's code cache for the modules a worker loads again.
 *
 * Every test file gets a fresh module registry, so each file compiles aws-cdk-lib's modules (and
 * cdk-nag's, constructs', ...) again from their source: with `--cpu-prof` over the suite in band that
 * was 12.7 s of V8 compilation (`internalCompileFunction`), the largest single item. V8 can skip that
 * work with the code cache of an earlier compilation of the same source. This runtime keeps, per
 * worker process and in memory only, the compiled script of each node_modules file and, from the
 * second test file that requires it on, V8's code cache of it (made after the first file ran, so it
 * holds the functions that file compiled lazily too), used only while the source is the very same
 * text. V8 checks the cache itself as well and compiles from source when it rejects it; what runs is
 * the same code either way. Nothing is written to disk. The project's own files (src/, test/) stay
 * jest's: they are few, and their stack traces go through source maps.
 */
const vm = require('vm');
const Runtime = require('jest-runtime').default;

/** filename -> { source, script, data }: this worker's compilations of node_modules files. */
const CODE_CACHE = new Map();
const NODE_MODULES = /[\\/]node_modules[\\/]/;

class CodeCacheRuntime extends Runtime {
  constructor(config, environment, resolver, transformer, cacheFS, coverageOptions, ...rest) {
    super(config, environment, resolver, transformer, cacheFS, coverageOptions, ...rest);
    if (coverageOptions?.collectCoverage) {
      // V8 coverage (coverageProvider v8) counts what V8 compiles: leave it jest's way
      return;
    }
    const executor = this.executor;
    const compile = executor.compile.bind(executor);
    executor.compile = (scriptSource, filename) => {
      const vmContext = executor.environment.getVmContext();
      if (vmContext == null || !NODE_MODULES.test(filename) || executor.resolution.isCoreModule(filename)) {
        return compile(scriptSource, filename);
      }
      let entry = CODE_CACHE.get(filename);
      if (entry !== undefined && entry.source !== scriptSource) {
        entry = undefined;
      }
      // the cache of the last compilation, with what ran since (its lazily compiled functions)
      const cachedData = entry === undefined ? undefined : (entry.data ??= entry.script.createCachedData());
      let script;
      try {
        // the wrapper on a line of its own, numbered 0: the module's lines and columns stay its own
        script = new vm.Script(`(function (${executor.injectedModuleParameters.join(', ')}) {\n${scriptSource}\n})`, {
          filename,
          lineOffset: -1,
          cachedData,
          importModuleDynamically: (specifier, _script, importAttributes, ...more) =>
            executor.dynamicImport(specifier, filename, vmContext, importAttributes, more[0]),
        });
      } catch {
        // jest's own compile reports the error (and knows ESM syntax errors)
        return compile(scriptSource, filename);
      }
      if (entry === undefined || script.cachedDataRejected) {
        CODE_CACHE.set(filename, { source: scriptSource, script, data: undefined });
      }
      return script.runInContext(vmContext);
    };
  }
}

module.exports = CodeCacheRuntime;
