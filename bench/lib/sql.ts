// Bulk inserts as multi-row INSERT statements with literal values, sent in
// batches inside one transaction each (no parameter limit, one round trip per
// batch). Only for generated data: every value goes through literal().
import type { SqlRunner } from "~/utils/migrate.server";

/** A DATE column value (yyyy-mm-dd). */
export interface SqlDate {
  date: string;
}

/** A JSONB column value. */
export interface SqlJson {
  json: unknown;
}

export type SqlValue = string | number | bigint | boolean | null | Date | SqlDate | SqlJson;

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** JSON as stored by the app: bigint as a decimal string. */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
}

export function literal(value: SqlValue): string {
  if (value === null) return "NULL";
  switch (typeof value) {
    case "string":
      return quote(value);
    case "number":
      if (!Number.isFinite(value)) throw new Error(`Not a finite number: ${value}`);
      return String(value);
    case "bigint":
      return value.toString();
    case "boolean":
      return value ? "TRUE" : "FALSE";
  }
  if (value instanceof Date) return quote(value.toISOString()); // timestamp(3) columns hold UTC
  if ("date" in value) return quote(value.date);
  return quote(jsonText(value.json));
}

/** Rows for one table, turned into INSERT statements of at most `rowsPerStatement` rows. */
export class TableRows {
  private rows: string[] = [];
  inserted = 0;

  constructor(
    readonly table: string,
    readonly columns: readonly string[],
  ) {}

  add(values: readonly SqlValue[]): void {
    if (values.length !== this.columns.length) {
      throw new Error(`${this.table}: ${values.length} values for ${this.columns.length} columns`);
    }
    this.rows.push(`(${values.map(literal).join(",")})`);
  }

  get pending(): number {
    return this.rows.length;
  }

  /** The pending rows as statements; the buffer is emptied. */
  take(rowsPerStatement = 500): string[] {
    const head = `INSERT INTO "${this.table}" (${this.columns.map((c) => `"${c}"`).join(",")}) VALUES\n`;
    const statements: string[] = [];
    for (let i = 0; i < this.rows.length; i += rowsPerStatement) {
      statements.push(head + this.rows.slice(i, i + rowsPerStatement).join(",\n"));
    }
    this.inserted += this.rows.length;
    this.rows = [];
    return statements;
  }
}

/** Writes the pending rows of the tables, in the order given (parents first), in one transaction. */
export async function flush(runner: SqlRunner, tables: readonly TableRows[]): Promise<void> {
  const statements = tables.flatMap((t) => t.take());
  if (statements.length === 0) return;
  try {
    await runner.exec(`BEGIN;\n${statements.join(";\n")};\nCOMMIT;`);
  } catch (error) {
    await runner.exec("ROLLBACK;").catch(() => undefined);
    throw error;
  }
}
