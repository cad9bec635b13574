import { toDay } from "../../src/lib/dates";
import { CsrfField, type PageContext } from "../layout";
import { canEdit } from "../students/parts";

export type HoldRowData = {
  id: number;
  scope: "all" | "machine" | "track";
  machineCode: string | null;
  machineName: string | null;
  track: string | null;
  reason: string;
  startsOn: string;
  endsOn: string | null;
  placedByName: string | null;
  liftedAt: Date | null;
  liftedByName: string | null;
  liftReason: string | null;
  state: "active" | "scheduled" | "ended" | "lifted";
};

/** A lift note that was refused, shown again under its hold's note field. */
export type LiftFormState = { holdId: number; note: string; error: string };

const STATES = {
  active: { cls: "status-bad", icon: "⊘", label: "Active" },
  scheduled: { cls: "status-warn", icon: "◷", label: "Scheduled" },
  ended: { cls: "status-muted", icon: "✓", label: "Ended" },
  lifted: { cls: "status-muted", icon: "✓", label: "Lifted" },
} as const;

export function HoldStatePill(props: { state: HoldRowData["state"] }) {
  const s = STATES[props.state];
  return (
    <span class={`status ${s.cls}`}>
      <span aria-hidden="true">{s.icon}</span> {s.label}
    </span>
  );
}

function scopeText(h: HoldRowData): string {
  if (h.scope === "machine") {
    return `Machine ${h.machineCode ?? "?"}${h.machineName ? ` (${h.machineName})` : ""}`;
  }
  if (h.scope === "track") return `Track ${h.track ?? "?"}`;
  return "Every machine";
}

/** A student's holds, active and past, with a lift form for supervisors. */
export function HoldTable(props: {
  ctx: PageContext;
  holds: HoldRowData[];
  lift?: LiftFormState;
}) {
  if (props.holds.length === 0) return <p>No holds.</p>;
  const editable = canEdit(props.ctx);
  return (
    <div class="table-wrap">
      <table>
        <caption class="visually-hidden">Holds</caption>
        <thead>
          <tr>
            <th scope="col">Covers</th>
            <th scope="col">Reason</th>
            <th scope="col">From</th>
            <th scope="col">Until</th>
            <th scope="col">Placed by</th>
            <th scope="col">Status</th>
            {editable && <th scope="col">Actions</th>}
          </tr>
        </thead>
        <tbody>
          {props.holds.map((h) => (
            <tr>
              <th scope="row">{scopeText(h)}</th>
              <td>{h.reason}</td>
              <td class="day">{h.startsOn}</td>
              <td class="day">{h.endsOn ?? "Until lifted"}</td>
              <td>{h.placedByName ?? "—"}</td>
              <td>
                <HoldStatePill state={h.state} />
                {h.liftedAt && (
                  <p class="muted small">
                    Lifted {toDay(h.liftedAt)}
                    {h.liftedByName && ` by ${h.liftedByName}`}
                    {h.liftReason && `: ${h.liftReason}`}
                  </p>
                )}
              </td>
              {editable && (
                <td>
                  {!h.liftedAt && h.state !== "ended" && (
                    <LiftForm
                      ctx={props.ctx}
                      id={h.id}
                      refused={
                        props.lift?.holdId === h.id ? props.lift : undefined
                      }
                    />
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function LiftForm(props: {
  ctx: PageContext;
  id: number;
  refused?: LiftFormState;
}) {
  const field = `lift-note-${props.id}`;
  const error = props.refused?.error;
  return (
    <form method="post" action={`/holds/${props.id}/lift`} class="inline-form">
      <CsrfField token={props.ctx.csrfToken} />
      <label for={field}>Note (optional)</label>
      <input
        id={field}
        name="note"
        type="text"
        maxlength={500}
        value={props.refused?.note ?? ""}
        autofocus={error ? true : undefined}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={error ? `${field}-error` : undefined}
      />
      {error && (
        <p class="error" id={`${field}-error`}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
      <button type="submit">Lift the hold</button>
    </form>
  );
}
