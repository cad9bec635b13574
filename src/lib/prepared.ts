// Drizzle builds a query's SQL text on every call, which on a hot path
// costs more than SQLite running it; these statements are built once per
// connection (or transaction object) and reused.

/** Wraps a statement builder so each database object prepares it once. */
export function preparedOn<D extends object, S>(build: (db: D) => S) {
  const statements = new WeakMap<D, S>();
  return (db: D): S => {
    let statement = statements.get(db);
    if (statement === undefined) {
      statement = build(db);
      statements.set(db, statement);
    }
    return statement;
  };
}
