// Reads the schema folder (prisma/schema/*.prisma) through Prisma's own schema parser (WebAssembly,
// no native engine), all files as one schema as the CLI reads them, and lists
// what a database must hold to match it: tables, columns with types and nullability, enums,
// primary, unique and plain indexes, and foreign keys with their delete rule.
import fs from "node:fs";
import path from "node:path";
import { get_dmmf } from "@prisma/prisma-schema-wasm";

interface Field {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "object" | "enum" | "unsupported";
  type: string;
  isList: boolean;
  isRequired: boolean;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
}
interface Model {
  name: string;
  dbName: string | null;
  fields: Field[];
}
interface Index {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  fields: { name: string }[];
}
interface Dmmf {
  datamodel: { models: Model[]; enums: { name: string; values: { name: string }[] }[]; indexes: Index[] };
}

const scalarTypes: Record<string, string> = {
  String: "text",
  Int: "int4",
  BigInt: "int8",
  Boolean: "bool",
  Json: "jsonb",
  DateTime: "timestamp",
  Float: "float8",
  Decimal: "numeric",
};
const nativeTypes: Record<string, string> = { Char: "bpchar", VarChar: "varchar", Timestamptz: "timestamptz", Text: "text" };

export interface ExpectedColumn {
  table: string;
  column: string;
  udt: string;
  nullable: boolean;
}

export function readSchema(dir = path.resolve(import.meta.dirname, "../../prisma/schema")) {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".prisma"))
    .map((f) => [f, fs.readFileSync(path.join(dir, f), "utf8")]);
  const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: files }))) as Dmmf;
  const { models, enums, indexes } = dmmf.datamodel;
  const table = (m: Model) => m.dbName ?? m.name;
  const byName = new Map(models.map((m) => [m.name, m]));
  const column = (m: Model, fieldName: string) => {
    const f = m.fields.find((x) => x.name === fieldName)!;
    return f.dbName ?? f.name;
  };
  const columns: ExpectedColumn[] = models.flatMap((m) =>
    m.fields
      .filter((f) => f.kind === "scalar" || f.kind === "enum")
      .map((f) => {
        const base = f.kind === "enum" ? f.type : f.nativeType ? nativeTypes[f.nativeType[0]] : scalarTypes[f.type];
        // Prisma writes list columns without NOT NULL.
        return { table: table(m), column: f.dbName ?? f.name, udt: f.isList ? `_${base}` : base, nullable: f.isList || !f.isRequired };
      }),
  );
  const keys = indexes.map((i) => {
    const m = byName.get(i.model)!;
    return { table: table(m), type: i.type, columns: i.fields.map((f) => column(m, f.name)) };
  });
  const foreignKeys = models.flatMap((m) =>
    m.fields
      .filter((f) => f.kind === "object" && f.relationFromFields?.length)
      .map((f) => {
        const target = byName.get(f.type)!;
        return {
          table: table(m),
          columns: f.relationFromFields!.map((c) => column(m, c)),
          references: table(target),
          referencedColumns: f.relationToFields!.map((c) => column(target, c)),
          onDelete: (f.relationOnDelete ?? (f.isRequired ? "Restrict" : "SetNull")).replace(/([a-z])([A-Z])/g, "$1 $2").toUpperCase(),
        };
      }),
  );
  return {
    tables: models.map(table),
    columns,
    enums: enums.map((e) => ({ name: e.name, values: e.values.map((v) => v.name) })),
    keys,
    foreignKeys,
  };
}
