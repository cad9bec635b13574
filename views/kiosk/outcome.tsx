// The kiosk's answers to a scan or a tap. Each is one `.kiosk-outcome`
// whose "status" slot public/kiosk.js moves into the role="status" region
// and whose "actions" slot (tiles, override form) goes beside it.
import type { Child } from "hono/jsx";
import { TextField } from "../fields";
import { CsrfField } from "../layout";

export type KioskReason = {
  code: string;
  // "Lathe Intermediate Skills expired on 2026-08-31 - renew it at URL"
  text: string;
};

export type KioskMachineRef = { id: number; code: string; name: string };
type MachineRef = KioskMachineRef;

export type KioskDecision = {
  result: "signed-in" | "signed-out" | "denied";
  override: boolean;
  student: { id: number; name: string } | null;
  machine: MachineRef | null; // null: a card unknown at a shared kiosk
  reasons: KioskReason[];
};

export type KioskClearance = {
  machine: MachineRef;
  // ready: cleared and free; yours: the student is on it already
  state: "ready" | "full" | "yours" | "denied";
  since: Date | null; // when "yours"
  reasons: KioskReason[];
};

export type Tone = "yes" | "no" | "none";

/** The wrapper every answer shares: its kind, tone and reset time. */
export function Outcome(props: {
  kind: string;
  tone: Tone;
  resetMs: number;
  data?: Record<string, string>;
  status: Child;
  actions?: Child;
}) {
  const data: Record<string, string> = {};
  for (const [k, v] of Object.entries(props.data ?? {})) data[`data-${k}`] = v;
  return (
    <div
      class={`kiosk-outcome outcome-${props.kind}`}
      data-outcome={props.kind}
      data-tone={props.tone}
      data-reset={String(props.resetMs)}
      {...data}
    >
      <div data-slot="status">{props.status}</div>
      <div data-slot="actions">{props.actions}</div>
    </div>
  );
}

const TITLES = {
  "signed-in": "Signed in",
  "signed-out": "Signed out",
  denied: "Not cleared",
};

/**
 * A decision: its words begin with "Signed in", "Signed out" or "Not
 * cleared"; the icon comes from CSS so it stays out of the spoken text.
 */
export function DecisionOutcome(props: {
  decision: KioskDecision;
  csrfToken: string;
  canOverride: boolean;
  form?: { reason?: string; error?: string };
}) {
  const d = props.decision;
  const denied = d.result === "denied";
  const offerOverride =
    denied && props.canOverride && d.student !== null && d.machine !== null;
  const title = TITLES[d.result] + (d.override ? " (override)" : "");
  return (
    <Outcome
      kind={d.result}
      tone={denied ? "no" : "yes"}
      resetMs={offerOverride ? 30_000 : 4_000}
      status={
        <>
          <p class="outcome-title">{title}</p>
          <p class="outcome-student">{d.student?.name ?? "Unknown card"}</p>
          {d.machine && (
            <p class="outcome-machine">
              {d.machine.name} ({d.machine.code})
            </p>
          )}
          <KioskReasonList reasons={d.reasons} />
        </>
      }
      actions={
        offerOverride && (
          <OverrideForm
            decision={d}
            csrfToken={props.csrfToken}
            form={props.form}
          />
        )
      }
    />
  );
}

/** The reasons in plain words, each with where to go next. */
export function KioskReasonList(props: { reasons: KioskReason[] }) {
  if (props.reasons.length === 0) return null;
  return (
    <ul class="outcome-reasons">
      {props.reasons.map((r) => (
        <li>{r.text}</li>
      ))}
    </ul>
  );
}

function OverrideForm(props: {
  decision: KioskDecision;
  csrfToken: string;
  form?: { reason?: string; error?: string };
}) {
  const d = props.decision;
  return (
    <form
      class="override-form kiosk-form"
      method="post"
      action="/kiosk/override"
    >
      <CsrfField token={props.csrfToken} />
      <input type="hidden" name="machine" value={d.machine?.code} />
      <input type="hidden" name="student" value={String(d.student?.id)} />
      <TextField
        name="reason"
        label="Reason for signing in anyway"
        required
        value={props.form?.reason}
        error={props.form?.error}
      />
      <button type="submit" class="danger">
        Sign in anyway
      </button>
    </form>
  );
}

/** A machine tag was scanned: the kiosk now signs in to that machine. */
export function MachineChosenOutcome(props: { machine: MachineRef }) {
  const m = props.machine;
  return (
    <Outcome
      kind="machine"
      tone="none"
      resetMs={20_000}
      data={{ machine: m.code, "machine-name": m.name }}
      status={
        <p class="outcome-title">
          {m.name} ({m.code}) chosen: scan a card
        </p>
      }
    />
  );
}

/** A scan the kiosk could not use (bad input, another area's machine). */
export function NoticeOutcome(props: { message: string }) {
  return (
    <Outcome
      kind="notice"
      tone="no"
      resetMs={4_000}
      status={<p class="outcome-title">{props.message}</p>}
    />
  );
}

/** The second of two identical scans: the kiosk leaves its screen alone. */
export function DuplicateOutcome() {
  return <Outcome kind="duplicate" tone="none" resetMs={0} status={null} />;
}
