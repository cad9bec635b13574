import { ClearancesOutcome } from "./clearances";
import {
  DecisionOutcome,
  DuplicateOutcome,
  MachineChosenOutcome,
  NoticeOutcome,
  type KioskClearance,
  type KioskDecision,
  type KioskMachineRef,
} from "./outcome";

/** Whatever one scan or tap at the kiosk came to. */
export type KioskAnswer =
  | {
      kind: "decision";
      decision: KioskDecision;
      canOverride: boolean;
      form?: { reason?: string; error?: string };
    }
  | { kind: "duplicate" }
  | {
      kind: "clearances";
      student: { id: number; name: string };
      area: string;
      clearances: KioskClearance[];
    }
  | { kind: "machine"; machine: KioskMachineRef }
  | { kind: "notice"; message: string };

/** The partial kiosk.js puts on screen for an answer. */
export function KioskAnswerView(props: {
  answer: KioskAnswer;
  csrfToken: string;
}) {
  const a = props.answer;
  switch (a.kind) {
    case "decision":
      return (
        <DecisionOutcome
          decision={a.decision}
          canOverride={a.canOverride}
          csrfToken={props.csrfToken}
          form={a.form}
        />
      );
    case "clearances":
      return (
        <ClearancesOutcome
          student={a.student}
          area={a.area}
          clearances={a.clearances}
          csrfToken={props.csrfToken}
        />
      );
    case "machine":
      return <MachineChosenOutcome machine={a.machine} />;
    case "duplicate":
      return <DuplicateOutcome />;
    case "notice":
      return <NoticeOutcome message={a.message} />;
  }
}
