import type { Db } from "../../src/db/client";

/**
 * Counts SQL statements run on `db` by wrapping its client's prepare: every
 * get/all/run/iterate of a prepared statement adds one. Install it before
 * the first query: statements prepared earlier (and cached) go uncounted.
 */
export function countStatements(db: Db) {
  const client = db.$client;
  const prepare = client.prepare.bind(client);
  const counter = { count: 0, restore: () => {} };

  client.prepare = ((source: string) => {
    const statement = prepare(source);
    for (const method of ["get", "all", "run", "iterate"] as const) {
      const original = statement[method].bind(statement) as never;
      Object.defineProperty(statement, method, {
        value: (...args: unknown[]) => {
          counter.count += 1;
          return (original as (...a: unknown[]) => unknown)(...args);
        },
      });
    }
    return statement;
  }) as typeof client.prepare;
  counter.restore = () => {
    client.prepare = prepare;
  };
  return counter;
}
