// Interlocks ask the access-check API many times a second, and a commit
// per decision row cost more than the check itself (measured in
// test/bench/kiosk.bench.ts). Those rows are queued and written together
// after the current turn of the event loop, in one transaction; reads of
// the log write the queue first, so nothing reads around it.
import type { Db } from "../db/client";
import * as q from "./queries";

const MAX_QUEUED = 500;
const RETRY_MS = 1_000;
const queues = new WeakMap<Db, q.DecisionRow[]>();

/** Queues one decision row; it is written within one event-loop turn. */
export function queueDecisionRow(db: Db, row: q.DecisionRow): void {
  let queue = queues.get(db);
  if (!queue) {
    queue = [];
    queues.set(db, queue);
    setImmediate(() => flushLater(db));
  }
  queue.push(row);
  if (queue.length >= MAX_QUEUED) flushDecisions(db);
}

/** Writes every queued decision row of this database now. */
export function flushDecisions(db: Db): void {
  const queue = queues.get(db);
  if (!queue) return;
  queues.delete(db);
  if (queue.length === 0) return;
  try {
    // one connection: the prepared insert runs inside this transaction
    db.transaction(() => {
      for (const row of queue) q.insertDecision(db, row);
    });
  } catch (error) {
    queues.set(db, [...queue, ...(queues.get(db) ?? [])]);
    throw error;
  }
}

// A failed background write (the file busy for longer than the busy
// timeout) keeps its rows and tries again, rather than ending the server.
function flushLater(db: Db) {
  try {
    flushDecisions(db);
  } catch (error) {
    if (!db.$client.open) return;
    process.emitWarning(`decision log write failed: ${String(error)}`);
    setTimeout(() => flushLater(db), RETRY_MS).unref();
  }
}
