import type { StudentRecord } from "../../src/reports/student-record";
import { localStamp } from "../../src/reports/format";
import { AwardStatusPill } from "../clearance/award-status";
import { ClearanceStatus } from "../clearance/clearance-status";
import { ReasonList } from "../clearance/reason-list";
import { TextField } from "../fields";
import { ReportRegion, Section, Summary, type ReportMeta } from "./report-page";

/** The lookup form: a student number, sent to /reports/students. */
export function StudentLookup(props: { value?: string; error?: string }) {
  return (
    <form
      method="get"
      action="/reports/students"
      class="report-filters no-print"
    >
      <fieldset>
        <legend>Student</legend>
        <div class="filter-fields">
          <TextField
            name="number"
            label="Student number"
            value={props.value}
            error={props.error}
          />
        </div>
        <button type="submit">Show record</button>
      </fieldset>
    </form>
  );
}

export function StudentLookupRegion(props: {
  meta: ReportMeta;
  value?: string;
  error?: string;
}) {
  return (
    <ReportRegion meta={props.meta} form={<StudentLookup {...props} />}>
      <p>Enter a student number to see and print their record.</p>
    </ReportRegion>
  );
}

export function StudentRecordRegion(props: {
  meta: ReportMeta;
  record: StudentRecord;
}) {
  const { record: r } = props;
  const s = r.student;
  return (
    <ReportRegion meta={props.meta} form={<StudentLookup value={s.number} />}>
      <Summary
        items={[
          ["Name", `${s.firstName} ${s.lastName}`],
          ["Number", s.number],
          ["Email", s.email],
          ["Status", s.status === "active" ? "Active" : "Inactive"],
        ]}
      />
      <AwardsTable record={r} />
      <HoldsTable record={r} />
      <ClearanceTable record={r} />
      <div class="signature">
        <p>Supervisor's name</p>
        <p>Signature and date</p>
      </div>
    </ReportRegion>
  );
}

function AwardsTable(props: { record: StudentRecord }) {
  const { awards } = props.record;
  return (
    <Section title="Awards, current and past" id="awards">
      <table>
        <thead>
          <tr>
            <th scope="col">Badge</th>
            <th scope="col">Status</th>
            <th scope="col">Issued</th>
            <th scope="col">Expires</th>
            <th scope="col">Assessed by</th>
            <th scope="col">Evidence</th>
            <th scope="col">Revoked</th>
          </tr>
        </thead>
        <tbody>
          {awards.map((a) => (
            <tr>
              <td>{a.badge}</td>
              <td>
                <AwardStatusPill status={a.status} />
              </td>
              <td class="date">{a.issuedOn}</td>
              <td class="date">{a.expiresOn ?? "Never"}</td>
              <td>
                {a.assessor || "-"}
                {a.source === "import" && (
                  <span class="muted"> (imported)</span>
                )}
              </td>
              <td class="evidence">{a.evidence || "-"}</td>
              <td>
                {a.revokedAt === null
                  ? "-"
                  : `${localStamp(a.revokedAt)} by ${a.revokedBy || "?"}: ${a.revokeReason}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {awards.length === 0 && <p>No awards yet.</p>}
    </Section>
  );
}

function HoldsTable(props: { record: StudentRecord }) {
  const { holds } = props.record;
  return (
    <Section title="Holds" id="holds">
      <table>
        <thead>
          <tr>
            <th scope="col">On</th>
            <th scope="col">Reason</th>
            <th scope="col">From</th>
            <th scope="col">Until</th>
            <th scope="col">Placed by</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {holds.map((h) => (
            <tr>
              <td>{h.scope}</td>
              <td>{h.reason}</td>
              <td class="date">{h.startsOn}</td>
              <td class="date">{h.endsOn ?? "Until lifted"}</td>
              <td>{h.placedBy || "-"}</td>
              <td>
                {h.active
                  ? "In force"
                  : h.liftedAt !== null
                    ? `Lifted ${localStamp(h.liftedAt)} by ${h.liftedBy || "?"}${h.liftReason ? `: ${h.liftReason}` : ""}`
                    : "Not in force"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {holds.length === 0 && <p>No holds.</p>}
    </Section>
  );
}

function ClearanceTable(props: { record: StudentRecord }) {
  const { clearances, at } = props.record;
  return (
    <Section title={`Clearance per machine on ${at}`} id="clearance">
      <table>
        <thead>
          <tr>
            <th scope="col">Machine</th>
            <th scope="col">Area</th>
            <th scope="col">Clearance</th>
            <th scope="col">Until, or why not</th>
          </tr>
        </thead>
        <tbody>
          {clearances.map((c) => (
            <tr>
              <td>
                {c.machine} ({c.name})
              </td>
              <td>{c.area}</td>
              <td>
                <ClearanceStatus cleared={c.cleared} />
              </td>
              <td>
                {c.cleared ? (
                  (c.until ?? "No expiry")
                ) : (
                  <ReasonList reasons={c.reasons} showStaffDetail />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}
