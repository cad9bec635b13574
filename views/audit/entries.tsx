import type { AuditRow } from "../../src/audit/queries";

// Secrets never reach a page, whatever a writer put in before/after.
const SECRET = /password|hash|token|secret|nonce/i;

type Change = { key: string; before?: string; after?: string };

function compact(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return value && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** The keys that differ between before and after, each with both values. */
export function auditChanges(before: unknown, after: unknown): Change[] {
  const b = asRecord(before);
  const a = asRecord(after);
  if (!b && !a) {
    if (before == null && after == null) return [];
    return [{ key: "value", before: compact(before), after: compact(after) }];
  }
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
  return keys
    .filter((key) => !SECRET.test(key))
    .filter((key) => compact(b?.[key]) !== compact(a?.[key]))
    .map((key) => ({
      key,
      before: b && key in b ? compact(b[key]) : undefined,
      after: a && key in a ? compact(a[key]) : undefined,
    }));
}

export function ChangeList(props: { before: unknown; after: unknown }) {
  const changes = auditChanges(props.before, props.after);
  if (changes.length === 0) return <span class="muted">—</span>;
  return (
    <ul class="changes">
      {changes.map((c) => (
        <li>
          <code>{c.key}</code>:{" "}
          {c.before !== undefined && (
            <>
              <del>{c.before}</del>
              <span aria-label="changed to"> → </span>
            </>
          )}
          {c.after !== undefined ? <ins>{c.after}</ins> : <em>removed</em>}
        </li>
      ))}
    </ul>
  );
}

function actorText(row: AuditRow): string {
  if (row.actorKind === "user") return row.actorName ?? `user ${row.actorId}`;
  if (row.actorKind === "device") return `device ${row.actorId ?? ""}`.trim();
  if (row.actorKind === "cli") return "command line";
  return "system";
}

function formatAt(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return (
    `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ` +
    `${pad(at.getHours())}:${pad(at.getMinutes())}`
  );
}

/** Audit rows as a table, newest first; `showEntity` adds the entity column. */
export function AuditTable(props: {
  rows: AuditRow[];
  caption: string;
  showEntity?: boolean;
}) {
  return (
    <div class="table-wrap">
      <table class="audit">
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Action</th>
            {props.showEntity && <th scope="col">Record</th>}
            <th scope="col">Changes</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr>
              <th scope="row">
                <time datetime={row.at.toISOString()}>{formatAt(row.at)}</time>
              </th>
              <td>{actorText(row)}</td>
              <td>
                <code>{row.action}</code>
              </td>
              {props.showEntity && (
                <td>
                  <a
                    href={`/audit?entityType=${encodeURIComponent(row.entityType)}&entityId=${encodeURIComponent(row.entityId)}`}
                  >
                    {row.entityType} {row.entityId}
                  </a>
                </td>
              )}
              <td>
                <ChangeList before={row.before} after={row.after} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
