import type { FieldErrors } from "../../src/lib/errors";
import type { ExpiringReport, ExpiringRow } from "../../src/reports/expiring";
import { formatCount } from "../../src/reports/format";
import { TextField } from "../fields";
import {
  CappedNote,
  FilterForm,
  FiltersInvalid,
  ReportRegion,
  Section,
  type ReportMeta,
} from "./report-page";

type Props = {
  meta: ReportMeta;
  values: Record<string, string | undefined>;
  errors: FieldErrors;
  report: ExpiringReport | null;
  rowsShown: number;
};

export function ExpiringRegion(props: Props) {
  const { values: v, errors: e, report } = props;
  const form = (
    <FilterForm path={props.meta.path}>
      <TextField
        name="days"
        label="Expiring within (days)"
        type="number"
        value={v.days}
        error={e.days}
        attrs={{ min: 1, max: 365 }}
      />
    </FilterForm>
  );
  return (
    <ReportRegion meta={props.meta} form={form}>
      {report ? (
        <ExpiringBody report={report} rowsShown={props.rowsShown} />
      ) : (
        <FiltersInvalid />
      )}
    </ReportRegion>
  );
}

function ExpiringBody(props: { report: ExpiringReport; rowsShown: number }) {
  const { report: r } = props;
  const shown = r.rows.slice(0, props.rowsShown);
  const groups = new Map<string, ExpiringRow[]>();
  for (const row of shown) {
    groups.set(row.badge, [...(groups.get(row.badge) ?? []), row]);
  }
  return (
    <>
      <Section title="Per badge" id="per-badge">
        <p>
          {formatCount(r.rows.length)} awards expire from {r.from} through{" "}
          {r.until}. Awards already renewed are left out.
        </p>
        <table>
          <thead>
            <tr>
              <th scope="col">Badge</th>
              <th scope="col" class="num">
                Awards expiring
              </th>
            </tr>
          </thead>
          <tbody>
            {r.perBadge.map((b) => (
              <tr>
                <td>{b.badge}</td>
                <td class="num">{formatCount(b.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {r.rows.length === 0 && <p>Nothing expires in this window.</p>}
      </Section>
      <CappedNote shown={props.rowsShown} total={r.rows.length} noun="awards" />
      {[...groups].map(([badge, rows], i) => (
        <Section title={badge} id={`badge-${i}`}>
          <table>
            <thead>
              <tr>
                <th scope="col">Student</th>
                <th scope="col">Number</th>
                <th scope="col">Email</th>
                <th scope="col">Issued</th>
                <th scope="col">Expires</th>
                <th scope="col" class="num">
                  Days left
                </th>
                <th scope="col">Assessed by</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr>
                  <td>
                    {row.lastName}, {row.firstName}
                  </td>
                  <td>{row.studentNumber}</td>
                  <td>{row.email}</td>
                  <td class="date">{row.issuedOn}</td>
                  <td class="date">{row.expiresOn}</td>
                  <td class="num">{row.daysLeft}</td>
                  <td>{row.assessor || "-"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
      ))}
    </>
  );
}
