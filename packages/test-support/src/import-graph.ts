/**
 * The runtime import graph of a package's TypeScript sources, and its cycles. Written for any
 * `src` folder (pass its path), so other packages' tests can reuse it.
 *
 * An edge is an `import ... from`, `export ... from` or bare `import "..."` of a relative
 * module. `import type` and `export type ... from` are left out: they vanish from the
 * JavaScript. `import { type A }` counts: under `verbatimModuleSyntax` it still emits
 * `import {} from`, which loads the module. Package imports (no leading `.`) are not followed.
 *
 * @example
 * const graph = runtimeImportGraph(fileURLToPath(new URL("../src", import.meta.url)));
 * findCycles(graph);   // [] when no module imports itself through others at runtime
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

/** Module path (relative to the source folder, `/`-separated) to the modules it imports at runtime. */
export type ImportGraph = Map<string, string[]>;

const FROM = /^[ \t]*(?:import|export)\s+(type\s+)?([^;]*?)\s*from\s*["']([^"']+)["']/gm;
const BARE = /^[ \t]*import\s*["']([^"']+)["']/gm;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|mts)$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

/** The relative specifiers a module imports at runtime, in file order. */
export function runtimeSpecifiers(source: string): string[] {
  const found: { at: number; specifier: string }[] = [];
  for (const m of source.matchAll(FROM)) {
    if (m[1] === undefined) found.push({ at: m.index, specifier: m[3] as string });
  }
  for (const m of source.matchAll(BARE)) found.push({ at: m.index, specifier: m[1] as string });
  return found.sort((a, b) => a.at - b.at).map((f) => f.specifier).filter((s) => s.startsWith("."));
}

/**
 * Builds the graph of every `.ts` file under `srcDir` (declaration files excepted).
 * A specifier `./x.js` resolves to `x.ts` (or `x/index.ts`); data modules (`.json`) are leaves
 * and left out.
 * @throws Error when a relative import names no source file.
 */
export function runtimeImportGraph(srcDir: string): ImportGraph {
  const root = resolve(srcDir);
  const files = sourceFiles(root);
  const known = new Set(files);
  const name = (path: string): string => relative(root, path).split("\\").join("/");
  const graph: ImportGraph = new Map();
  for (const file of files) {
    const code = runtimeSpecifiers(readFileSync(file, "utf8")).filter((specifier) => !specifier.endsWith(".json"));
    const targets = code.map((specifier) => {
      const base = resolve(dirname(file), specifier).replace(/\.(m?js)$/, "");
      const target = [`${base}.ts`, `${base}.mts`, join(base, "index.ts")].find((c) => known.has(c));
      if (target === undefined) throw new Error(`${name(file)} imports '${specifier}', which is no source file`);
      return name(target);
    });
    graph.set(name(file), [...new Set(targets)]);
  }
  return graph;
}

/**
 * The cycles of `graph`, one per strongly connected component with more than one module (or a
 * module importing itself), each as the modules of one cycle in import order, first module
 * repeated at the end: `["a.ts", "b.ts", "a.ts"]`.
 */
export function findCycles(graph: ImportGraph): string[][] {
  // Tarjan's strongly connected components, then one concrete cycle through each component.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) components.push(component);
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return components.map((component) => cycleWithin(graph, new Set(component)));
}

/** A shortest cycle from the component's first module (by name) back to itself, staying inside it. */
function cycleWithin(graph: ImportGraph, component: Set<string>): string[] {
  const start = [...component].sort()[0] as string;
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift() as string;
    for (const w of graph.get(v) ?? []) {
      if (!component.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let u = v; u !== start; u = previous.get(u) as string) path.splice(1, 0, u);
        return [...path, start];
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}
