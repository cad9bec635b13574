import type { PageContext } from "../layout";
import { Layout } from "../layout";

const REPORTS = [
  {
    href: "/reports/roster",
    title: "Machine roster",
    about:
      "Every student cleared for a machine or an area right now, with the awards that clear them, and those one badge away.",
  },
  {
    href: "/reports/students",
    title: "Student record",
    about:
      "One student's awards, past and present, holds and clearance per machine, with a signature line.",
  },
  {
    href: "/reports/expiring",
    title: "Expiring badges",
    about:
      "Awards that expire within a number of days, by badge, with the students' emails for reminders.",
  },
  {
    href: "/reports/usage",
    title: "Machine usage",
    about:
      "Sessions in a period with totals per machine and per student, and the busiest hours.",
  },
  {
    href: "/reports/denials",
    title: "Denied scans",
    about:
      "Scans refused in a period, by reason and by machine, with supervisor overrides apart.",
  },
  {
    href: "/reports/badges",
    title: "Badge summary",
    about: "Holders per badge today and awards issued per month.",
  },
];

/** The list of reports a supervisor can print and export. */
export function ReportIndexPage(props: { ctx: PageContext }) {
  return (
    <Layout title="Reports" ctx={props.ctx}>
      <h1>Reports</h1>
      <p>
        Each report has filters, a print layout (Letter or A4) and a CSV
        download of the same rows.
      </p>
      <ul class="report-list">
        {REPORTS.map((r) => (
          <li>
            <a href={r.href}>{r.title}</a>
            <p>{r.about}</p>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
