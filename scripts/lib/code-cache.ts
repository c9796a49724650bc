import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import path from "node:path";
import vm from "node:vm";

/** Where compiled packages are kept between runs, beside the packages (`npm ci` empties it with them), wherever the command runs from. */
const CACHE_DIR = path.join(path.dirname(path.dirname(createRequire(import.meta.url).resolve("playwright-core"))), ".cache", "export-code");

/** What Node's CommonJS loader has and its types leave out. */
type Loader = typeof Module & { wrap(source: string): string; prototype: { _compile(source: string, filename: string): unknown } };

/**
 * Keeps V8's compiled code of the CommonJS packages the export command loads
 * (Playwright's 7 MB above all), taken after the command has run, so that
 * the functions it called are in it: later runs load Playwright in about half
 * the time. Node 22 does this itself (module.enableCompileCache); Node 20
 * has only vm.Script's cachedData, so packages are compiled through it here.
 * A cache that no longer fits (another Node, a changed file) is rejected by
 * V8 and written anew. Returns the function that writes the cache.
 */
export function cacheCompiledPackages(): () => void {
  const loader = Module as Loader;
  const compile = loader.prototype._compile;
  const compiled: { script: vm.Script; file: string }[] = [];
  loader.prototype._compile = function (this: Module, source: string, filename: string) {
    if (!filename.includes(`${path.sep}node_modules${path.sep}`)) return compile.call(this, source, filename);
    const { size, mtimeMs } = statSync(filename);
    const file = path.join(CACHE_DIR, `${filename.replace(/[\\/:]/g, "_")}-${size}-${Math.round(mtimeMs)}-${process.version}`);
    const cachedData = readCache(file);
    const script = new vm.Script(loader.wrap(source), { filename, cachedData, importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER });
    if (!cachedData || script.cachedDataRejected) compiled.push({ script, file });
    const run = script.runInThisContext() as (...args: unknown[]) => unknown;
    return run.call(this.exports, this.exports, createRequire(filename), this, filename, path.dirname(filename));
  };
  return () => {
    loader.prototype._compile = compile;
    try {
      for (const { script, file } of compiled) {
        mkdirSync(CACHE_DIR, { recursive: true });
        // Written aside then renamed: a run reading it meanwhile sees all of it or none.
        const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
        writeFileSync(partial, script.createCachedData());
        renameSync(partial, file);
      }
    } catch {
      // A folder that cannot be written (read-only packages) costs later runs time, not this run its image.
    }
  };
}

/** The cached code in `file`, or nothing when there is none yet. */
function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}
