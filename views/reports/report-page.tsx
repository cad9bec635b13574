import type { Child } from "hono/jsx";
import { formatCount } from "../../src/reports/format";
import { SelectField } from "../fields";
import { Layout, type PageContext } from "../layout";

/** What every report shows on its first printed page. */
export type ReportMeta = {
  title: string;
  path: string; // the report's URL without the query string
  filters: { label: string; value: string }[];
  producedAt: string; // "2026-12-03 14:05"
  producedBy: string;
  csvHref: string | null; // null while the filters are not valid
};

/** The whole page: staff frame, report styles and the swappable region. */
export function ReportPage(props: {
  ctx: PageContext;
  title: string;
  region: Child;
}) {
  return (
    <Layout
      title={props.title}
      ctx={props.ctx}
      styles={["/public/reports.css", "/public/print.css"]}
    >
      {props.region}
      <script src="/public/reports.js" defer></script>
    </Layout>
  );
}

/**
 * The part htmx swaps when the filters change: the heading with the
 * filters in words, the filter form, and the report itself.
 */
export function ReportRegion(props: {
  meta: ReportMeta;
  form: Child;
  children: Child;
}) {
  const { meta } = props;
  return (
    <div id="report-region" class="report-region">
      <header class="report-head">
        <h1 id="report-title">{meta.title}</h1>
        <dl class="report-meta">
          {meta.filters.map((f) => (
            <div>
              <dt>{f.label}</dt>
              <dd>{f.value}</dd>
            </div>
          ))}
          <div>
            <dt>Produced</dt>
            <dd>
              {meta.producedAt} by {meta.producedBy}
            </dd>
          </div>
        </dl>
      </header>
      {props.form}
      <div class="actions report-actions no-print">
        <button type="button" class="secondary" data-print>
          Print
        </button>
        {meta.csvHref && (
          <a class="button secondary" href={meta.csvHref} download>
            Download CSV
          </a>
        )}
      </div>
      {props.children}
    </div>
  );
}

/** A GET form that reruns the report in place and keeps it in the URL. */
export function FilterForm(props: { path: string; children: Child }) {
  return (
    <form
      method="get"
      action={props.path}
      class="report-filters no-print"
      hx-get={props.path}
      hx-target="#report-region"
      hx-swap="outerHTML"
      hx-push-url="true"
    >
      <fieldset>
        <legend>Filters</legend>
        <div class="filter-fields">{props.children}</div>
        <button type="submit">Show report</button>
      </fieldset>
    </form>
  );
}

/** Shown instead of the report while a filter is not valid. */
export function FiltersInvalid() {
  return (
    <p class="form-error" role="alert">
      <span aria-hidden="true">⚠ </span>
      Fix the filters above to run the report.
    </p>
  );
}

/** Says that a long table stops early and where the rest is. */
export function CappedNote(props: {
  shown: number;
  total: number;
  noun: string;
}) {
  if (props.total <= props.shown) return null;
  return (
    <p class="capped-note">
      Showing the first {formatCount(props.shown)} of {formatCount(props.total)}{" "}
      {props.noun}. Download the CSV for every row.
    </p>
  );
}

/** Key figures above a report, each a label over its value. */
export function Summary(props: { items: [string, string][] }) {
  return (
    <dl class="report-summary">
      {props.items.map(([label, value]) => (
        <div>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Says that a list stopped at `shown` rows and that there are more. */
export function MoreNote(props: { shown: number; noun: string }) {
  return (
    <p class="capped-note">
      Showing the first {formatCount(props.shown)} {props.noun} by name; there
      are more. Download the CSV for every row.
    </p>
  );
}

/** A table's caption-less heading plus the table, for print grouping. */
export function Section(props: { title: string; id: string; children: Child }) {
  return (
    <section class="report-section" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.children}
    </section>
  );
}

/** The machine and area selects that roster and usage filter by. */
export function MachineAreaFilters(props: {
  machines: { code: string; name: string }[];
  areas: string[];
  values: { machine?: string; area?: string };
  errors: { machine?: string; area?: string };
  labels: { area: string; anyMachine: string; anyArea: string };
}) {
  const { values: v, errors: e } = props;
  return (
    <>
      <SelectField
        name="machine"
        label="Machine"
        value={v.machine ?? ""}
        error={e.machine}
        options={[
          { value: "", label: props.labels.anyMachine },
          ...props.machines.map((m) => ({
            value: m.code,
            label: `${m.code} - ${m.name}`,
          })),
        ]}
      />
      <SelectField
        name="area"
        label={props.labels.area}
        value={v.area ?? ""}
        error={e.area}
        options={[
          { value: "", label: props.labels.anyArea },
          ...props.areas.map((a) => ({ value: a, label: a })),
        ]}
      />
    </>
  );
}
