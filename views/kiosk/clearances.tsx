// "Your clearances": a student's scan at a shared kiosk with no machine
// chosen. Cleared, free machines are buttons that sign in; the others say
// why not. It returns to ready by itself.
import { CsrfField } from "../layout";
import { clockTime } from "./machine-tiles";
import { KioskReasonList, Outcome, type KioskClearance } from "./outcome";

/**
 * "Your clearances" for one student in one area: cleared machines are
 * buttons that sign in; the others say what is missing.
 */
export function ClearancesOutcome(props: {
  student: { id: number; name: string };
  area: string;
  clearances: KioskClearance[];
  csrfToken: string;
}) {
  const count = props.clearances.filter((c) => c.state !== "denied").length;
  return (
    <Outcome
      kind="clearances"
      tone="none"
      resetMs={20_000}
      data={{ student: String(props.student.id) }}
      status={
        <>
          <p class="outcome-title">Your clearances, {props.student.name}</p>
          <p>
            Cleared for {count} of {props.clearances.length} machines in{" "}
            {props.area}. Tap a cleared machine or scan its tag to sign in.
          </p>
        </>
      }
      actions={
        <ul class="machine-tiles clearance-tiles" role="list">
          {props.clearances.map((c) => (
            <li>
              <ClearanceTile
                clearance={c}
                studentId={props.student.id}
                csrfToken={props.csrfToken}
              />
            </li>
          ))}
        </ul>
      }
    />
  );
}

function ClearanceTile(props: {
  clearance: KioskClearance;
  studentId: number;
  csrfToken: string;
}) {
  const { machine, state } = props.clearance;
  const head = (
    <>
      <span class="tile-name">{machine.name}</span>
      <span class="tile-code">{machine.code}</span>
    </>
  );
  if (state !== "ready") {
    return (
      <div class={`machine-tile tile-${state}`}>
        {head}
        <ClearanceState clearance={props.clearance} />
      </div>
    );
  }
  return (
    <form class="kiosk-form" method="post" action="/kiosk/sign-in">
      <CsrfField token={props.csrfToken} />
      <input type="hidden" name="machine" value={machine.code} />
      <input type="hidden" name="student" value={String(props.studentId)} />
      <button type="submit" class="machine-tile tile-cleared">
        {head}
        <span class="status status-ok">
          <span aria-hidden="true">✓</span> Cleared - tap to sign in
        </span>
      </button>
    </form>
  );
}

function ClearanceState(props: { clearance: KioskClearance }) {
  const c = props.clearance;
  if (c.state === "yours") {
    return (
      <span class="status status-ok">
        <span aria-hidden="true">●</span> You are on it
        {c.since && ` since ${clockTime(c.since)}`}
      </span>
    );
  }
  if (c.state === "full") {
    return (
      <span class="status status-warn">
        <span aria-hidden="true">●</span> Cleared - in use now
      </span>
    );
  }
  return (
    <>
      <span class="status status-bad">
        <span aria-hidden="true">✕</span> Not cleared
      </span>
      <KioskReasonList reasons={c.reasons} />
    </>
  );
}
