/**
 * Where the worker's script is: `background-worker.js` beside the bundle of the package entry
 * (`dist/`). Run from the TypeScript sources (the package's own tests, which run after the
 * build), the module is `src/background/*.ts` and the script is the built one of the package.
 */
export function workerScriptUrl(): URL {
  const here = import.meta.url;
  return here.endsWith(".ts") ? new URL("../../dist/background-worker.js", here) : new URL("./background-worker.js", here);
}
