import type { FieldErrors } from "../../src/lib/errors";
import type { BadgeSummary } from "../../src/reports/badge-summary";
import { formatCount } from "../../src/reports/format";
import { TextField } from "../fields";
import {
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
  report: BadgeSummary | null;
};

export function BadgeSummaryRegion(props: Props) {
  const { values: v, errors: e, report } = props;
  const form = (
    <FilterForm path={props.meta.path}>
      <TextField
        name="months"
        label="Months of awards"
        type="number"
        value={v.months}
        error={e.months}
        attrs={{ min: 1, max: 36 }}
      />
    </FilterForm>
  );
  return (
    <ReportRegion meta={props.meta} form={form}>
      {report ? <SummaryBody report={report} /> : <FiltersInvalid />}
    </ReportRegion>
  );
}

function SummaryBody(props: { report: BadgeSummary }) {
  const { report: r } = props;
  return (
    <>
      <Section title={`Holders per badge on ${r.at}`} id="holders">
        <p class="muted">
          Holders are active students with an unrevoked award that has not
          expired; those expiring have not renewed yet. Awards that lapse after
          months without use are counted until their expiry date.
        </p>
        <table>
          <thead>
            <tr>
              <th scope="col">Badge</th>
              <th scope="col">Track</th>
              <th scope="col">Type and level</th>
              <th scope="col" class="num">
                Holders
              </th>
              <th scope="col" class="num">
                Of whom expiring in 30 days
              </th>
            </tr>
          </thead>
          <tbody>
            {r.badges.map((b) => (
              <tr>
                <td>
                  {b.name}
                  {b.archived && <span class="muted"> (archived)</span>}
                </td>
                <td>{b.track}</td>
                <td>
                  {b.type}, {b.level}
                </td>
                <td class="num">{formatCount(b.holders)}</td>
                <td class="num">{formatCount(b.expiring)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <Section title="Awards per month" id="per-month">
        <table>
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col" class="num">
                Awards issued
              </th>
              <th scope="col" class="num">
                Awards revoked
              </th>
            </tr>
          </thead>
          <tbody>
            {r.months.map((m) => (
              <tr>
                <td>{m.month}</td>
                <td class="num">{formatCount(m.issued)}</td>
                <td class="num">{formatCount(m.revoked)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
    </>
  );
}
