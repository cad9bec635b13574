import type { FieldErrors } from "../../src/lib/errors";
import type { DenialReport } from "../../src/reports/denials";
import { formatCount, localStamp } from "../../src/reports/format";
import { TextField } from "../fields";
import {
  CappedNote,
  FilterForm,
  FiltersInvalid,
  ReportRegion,
  Section,
  Summary,
  type ReportMeta,
} from "./report-page";

type Props = {
  meta: ReportMeta;
  values: Record<string, string | undefined>;
  errors: FieldErrors;
  report: DenialReport | null;
  rowsShown: number;
};

const REASON_WORDS: Record<string, string> = {
  missing: "A required badge is missing",
  expired: "A required badge expired",
  revoked: "A required badge was revoked",
  "lapsed-unused": "A badge lapsed without use",
  hold: "A hold is in place",
  "inactive-student": "The student record is not active",
  "out-of-service": "The machine is out of service",
  occupied: "The machine was full",
  "unknown-credential": "Unknown card",
  "replaced-credential": "Replaced card",
  none: "No reason recorded",
};

/** "missing" -> "A required badge is missing (missing)". */
function reasonWords(code: string): string {
  const words = REASON_WORDS[code];
  return words ? `${words} (${code})` : code;
}

export function DenialsRegion(props: Props) {
  const { values: v, errors: e, report } = props;
  const form = (
    <FilterForm path={props.meta.path}>
      <TextField
        name="from"
        label="From"
        type="date"
        value={v.from}
        error={e.from}
      />
      <TextField name="to" label="To" type="date" value={v.to} error={e.to} />
    </FilterForm>
  );
  return (
    <ReportRegion meta={props.meta} form={form}>
      {report ? (
        <DenialsBody report={report} rowsShown={props.rowsShown} />
      ) : (
        <FiltersInvalid />
      )}
    </ReportRegion>
  );
}

function DenialsBody(props: { report: DenialReport; rowsShown: number }) {
  const { report: r } = props;
  return (
    <>
      <Summary
        items={[
          ["Denied scans", formatCount(r.total)],
          ["Overrides", formatCount(r.overrides.length)],
        ]}
      />

      <Section title="By reason" id="by-reason">
        <p class="muted">A scan refused for two reasons counts under both.</p>
        <table>
          <thead>
            <tr>
              <th scope="col">Reason</th>
              <th scope="col" class="num">
                Denied scans
              </th>
            </tr>
          </thead>
          <tbody>
            {r.byReason.map((row) => (
              <tr>
                <td>{reasonWords(row.code)}</td>
                <td class="num">{formatCount(row.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {r.total === 0 && <p>No scan was denied in this period.</p>}
      </Section>

      <Section title="By machine and reason" id="by-machine">
        <table>
          <thead>
            <tr>
              <th scope="col">Machine</th>
              <th scope="col">Reason</th>
              <th scope="col" class="num">
                Denied scans
              </th>
            </tr>
          </thead>
          <tbody>
            {r.byMachine.map((row) => (
              <tr>
                <td>{row.machine ?? "No machine chosen"}</td>
                <td>{reasonWords(row.code)}</td>
                <td class="num">{formatCount(row.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <Section title="Overrides" id="overrides">
        <p class="muted">
          Students a supervisor signed in despite a denial, kept apart from the
          denials above.
        </p>
        <table>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Machine</th>
              <th scope="col">Student</th>
              <th scope="col">Set aside</th>
              <th scope="col">Supervisor</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {r.overrides.map((o) => (
              <tr>
                <td class="date">{localStamp(o.at)}</td>
                <td>{o.machine}</td>
                <td>
                  {o.studentName} ({o.studentNumber})
                </td>
                <td>{o.setAside.map(reasonWords).join("; ") || "-"}</td>
                <td>{o.supervisor}</td>
                <td>{o.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {r.overrides.length === 0 && <p>No overrides in this period.</p>}
      </Section>

      <Section title="Denied scans" id="scans">
        <CappedNote
          shown={props.rowsShown}
          total={r.total}
          noun="denied scans"
        />
        <table>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Machine</th>
              <th scope="col">Student</th>
              <th scope="col">Reasons</th>
              <th scope="col">Kiosk or device</th>
            </tr>
          </thead>
          <tbody>
            {r.scans.map((s) => (
              <tr>
                <td class="date">{localStamp(s.at)}</td>
                <td>{s.machine ?? "-"}</td>
                <td>
                  {s.studentName
                    ? `${s.studentName} (${s.studentNumber})`
                    : `No student (${s.credentialKind} card)`}
                </td>
                <td>{s.reasons.join(", ") || "-"}</td>
                <td>{s.device ?? "Staff"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
    </>
  );
}
