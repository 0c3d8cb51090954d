// Fails (exit 1) when two lib/ feature folders import each other, or when source files import
// each other in a loop: a folder pair that depends both ways is one feature in two places, and a
// file loop makes module evaluation order decide what is initialised. Type-only imports count
// for folders (they still tie the features together) but not for file loops (they vanish at run
// time). Tests do not count for folders: one may check a rule across features (the terminology of
// messages and mails) without the shipped code depending that way. `--verbose` lists the edges.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

const root = path.resolve(import.meta.dirname, "..");
const SOURCES = ["app", "components", "lib", "proxy.ts", "instrumentation.ts", "prisma", "scripts", "bench", "e2e", "test"];
const SKIP = new Set(["node_modules", "generated"]);
const EXTENSIONS = [".ts", ".tsx", ".mts", ".js", ".mjs"];

function listFiles(p) {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return EXTENSIONS.includes(path.extname(p)) ? [p] : [];
  return fs
    .readdirSync(p)
    .filter((n) => !SKIP.has(n))
    .flatMap((n) => listFiles(path.join(p, n)));
}

/** Resolves "@/x" (tsconfig's alias for the root) and relative specifiers to a source file. */
function resolve(from, spec) {
  let base;
  if (spec.startsWith("@/")) base = path.join(root, spec.slice(2));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(from), spec);
  else return null;
  const candidates = [base, ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => path.join(base, "index" + e))];
  return candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile()) ?? null;
}

/** Each import of a file: its target and whether it exists only for types. */
function importsOf(file) {
  const text = fs.readFileSync(file, "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const found = [];
  const add = (spec, typeOnly) => {
    const target = resolve(file, spec);
    if (target) found.push({ target, typeOnly });
  };
  const visit = (node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const typeOnly =
        !!clause &&
        (clause.isTypeOnly ||
          (!clause.name && !!clause.namedBindings && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((e) => e.isTypeOnly)));
      add(node.moduleSpecifier.text, typeOnly);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text, node.isTypeOnly);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      // A dynamic import runs later, but it still ties the two modules together.
      add(node.arguments[0].text, false);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const rel = (f) => path.relative(root, f);
const libFolder = (f) => {
  const parts = rel(f).split(path.sep);
  return parts[0] === "lib" && parts.length > 2 ? parts[1] : null;
};

const files = SOURCES.map((p) => path.join(root, p))
  .filter((p) => fs.existsSync(p))
  .flatMap(listFiles);
const graph = new Map(files.map((f) => [f, importsOf(f)]));

// Folder pairs: lib/<a> → lib/<b>, with one importing file as the example to look at.
const folderEdges = new Map();
for (const [file, imports] of graph) {
  const from = libFolder(file);
  if (!from || /\.test\.tsx?$/.test(file)) continue;
  for (const { target } of imports) {
    const to = libFolder(target);
    if (!to || to === from) continue;
    const key = `${from}→${to}`;
    if (!folderEdges.has(key)) folderEdges.set(key, `${rel(file)} → ${rel(target)}`);
  }
}
const folderCycles = [];
for (const key of folderEdges.keys()) {
  const [a, b] = key.split("→");
  if (a < b && folderEdges.has(`${b}→${a}`)) folderCycles.push([a, b]);
}

// File loops: strongly connected components of the runtime import graph (Tarjan).
const runtime = new Map([...graph].map(([f, imports]) => [f, [...new Set(imports.filter((i) => !i.typeOnly).map((i) => i.target))].filter((t) => graph.has(t))]));
const fileCycles = [];
{
  let counter = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const strongConnect = (v) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of runtime.get(v)) {
      if (!index.has(w)) {
        strongConnect(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) === index.get(v)) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || runtime.get(v).includes(v)) fileCycles.push(component.map(rel).sort());
    }
  };
  for (const f of runtime.keys()) if (!index.has(f)) strongConnect(f);
}

if (process.argv.includes("--verbose")) for (const [key, example] of [...folderEdges].sort()) console.log(`${key}  (${example})`);
for (const [a, b] of folderCycles) {
  console.error(`lib/${a} and lib/${b} import each other:`);
  console.error(`  ${folderEdges.get(`${a}→${b}`)}`);
  console.error(`  ${folderEdges.get(`${b}→${a}`)}`);
}
for (const cycle of fileCycles) console.error(`files importing each other in a loop: ${cycle.join(", ")}`);
if (folderCycles.length || fileCycles.length) process.exit(1);
console.log(`No import cycles: ${graph.size} files, ${folderEdges.size} lib folder edges.`);
