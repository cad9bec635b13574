import { auditLog } from "../db/schema";
import type { Db } from "../db/client";
import type { Actor } from "./actor";

type Tx = Pick<Db, "insert">;

export type AuditEntry = {
  action: string; // "noun.verb", e.g. "award.revoke"
  entityType: string;
  entityId: number | string;
  before?: unknown;
  after?: unknown;
};

/** Writes one audit row; call it inside the transaction of the change. */
export function writeAudit(tx: Tx, actor: Actor, entry: AuditEntry): void {
  tx.insert(auditLog)
    .values({
      actorKind: actor.kind,
      actorId:
        actor.kind === "user" || actor.kind === "device" ? actor.id : null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: String(entry.entityId),
      before: entry.before ?? null,
      after: entry.after ?? null,
    })
    .run();
}
