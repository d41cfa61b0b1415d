import { sql } from 'kysely';
import type { Db } from '../db/db.ts';

/** Every text-like column of every table holding `needle` (case-insensitive), as "table.column". */
export async function whereFound(db: Db, needle: string): Promise<string[]> {
  const columns = await sql<{ table_name: string; column_name: string }>`
    SELECT c.table_name, c.column_name FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
    WHERE c.table_schema = 'public' AND c.data_type IN ('text', 'character varying', 'jsonb', 'json', 'ARRAY')
    ORDER BY c.table_name, c.column_name`.execute(db);
  const found: string[] = [];
  for (const c of columns.rows) {
    const r = await sql<{
      n: string;
    }>`SELECT count(*) AS n FROM ${sql.table(c.table_name)} WHERE ${sql.ref(c.column_name)}::text ILIKE ${`%${needle}%`}`.execute(
      db,
    );
    if (Number(r.rows[0]?.n ?? 0) > 0) found.push(`${c.table_name}.${c.column_name}`);
  }
  return found;
}
