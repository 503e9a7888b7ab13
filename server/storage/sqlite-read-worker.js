// One read-only connection to the SQLite file, on a thread of its own (sqlite-read-pool.ts).
// Plain JavaScript, so it starts the same under tsx, vitest and plain node: it only runs the SQL
// it is sent and sends the rows back. It refuses anything that would write.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const MAX_STATEMENTS = 500;
const database = new Database(workerData.file, { readonly: true, fileMustExist: true });
database.pragma('busy_timeout = 5000');
if (workerData.mmapBytes) database.pragma(`mmap_size = ${Number(workerData.mmapBytes)}`);
const statements = new Map();

function prepare(source) {
  let statement = statements.get(source);
  if (statement) {
    statements.delete(source);
  } else {
    statement = database.prepare(source);
    if (statements.size >= MAX_STATEMENTS) statements.delete(statements.keys().next().value);
  }
  statements.set(source, statement);
  return statement;
}

parentPort.on('message', ({ id, sql, parameters }) => {
  try {
    const statement = prepare(sql);
    if (!statement.reader) throw Object.assign(new Error('the read pool runs statements that return rows only'), { code: 'ENGAWA_READ_ONLY' });
    parentPort.postMessage({ id, rows: statement.all(parameters) });
  } catch (err) {
    parentPort.postMessage({ id, error: { message: String(err?.message ?? err), code: err?.code } });
  }
});
