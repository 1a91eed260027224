// Reads every row of the old database with the pg package, in id order.
import pg from 'pg';
import { legacyTables, type LegacyData, type Row } from './legacy-rows.ts';

const timestampWithoutTimeZone = 1114;

/** The old columns hold naive UTC (datetime.utcnow); read them as UTC whatever this machine's zone. */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === timestampWithoutTimeZone) return (value: string) => new Date(`${value.replace(' ', 'T')}Z`);
    return pg.types.getTypeParser(oid, format);
  },
};

export async function readLegacyData(connectionString: string): Promise<LegacyData> {
  const client = new pg.Client({ connectionString, types: types as never });
  await client.connect();
  try {
    const data = {} as LegacyData;
    for (const table of legacyTables) {
      // Table names are fixed identifiers from legacyTables; "user" is reserved and needs the quotes.
      const { rows } = await client.query<Row>(`SELECT * FROM "${table}" ORDER BY id`);
      data[table] = rows;
    }
    return data;
  } finally {
    await client.end();
  }
}
