import { CanEdit, RECORD_STYLES } from "./parts";
import { Layout, type PageContext } from "../layout";

export type StudentListItem = {
  number: string;
  firstName: string;
  lastName: string;
  email: string;
  status: "active" | "inactive";
};

export type StudentListData = {
  q: string;
  status: "all" | "active" | "inactive";
  rows: StudentListItem[];
  total: number;
  page: number;
  pageCount: number;
};

/** The student list with its search form; htmx swaps only the results. */
export function StudentListPage(props: {
  ctx: PageContext;
  data: StudentListData;
}) {
  const { data } = props;
  return (
    <Layout title="Students" ctx={props.ctx} styles={RECORD_STYLES}>
      <h1>Students</h1>
      <CanEdit ctx={props.ctx}>
        <p class="actions">
          <a class="button" href="/students/new">
            Add a student
          </a>
        </p>
      </CanEdit>
      <form method="get" action="/students" role="search" class="search-form">
        <div class="field">
          <label for="student-q">Search by name, number or email</label>
          <input
            id="student-q"
            type="search"
            name="q"
            value={data.q}
            autocomplete="off"
            hx-get="/students"
            hx-trigger="input changed delay:300ms, search"
            hx-target="#student-results"
            hx-include="closest form"
            hx-replace-url="true"
          />
        </div>
        <div class="field">
          <label for="student-status">Status</label>
          <select
            id="student-status"
            name="status"
            hx-get="/students"
            hx-target="#student-results"
            hx-include="closest form"
            hx-replace-url="true"
          >
            <option value="all" selected={data.status === "all"}>
              All students
            </option>
            <option value="active" selected={data.status === "active"}>
              Active
            </option>
            <option value="inactive" selected={data.status === "inactive"}>
              Inactive
            </option>
          </select>
        </div>
        <button type="submit" class="secondary">
          Search
        </button>
      </form>
      <div id="student-results">
        <StudentResults data={data} />
      </div>
    </Layout>
  );
}

function pageHref(data: StudentListData, page: number) {
  const params = new URLSearchParams();
  if (data.q) params.set("q", data.q);
  if (data.status !== "all") params.set("status", data.status);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/students?${query}` : "/students";
}

/** The results table and page links: the partial for search as you type. */
export function StudentResults(props: { data: StudentListData }) {
  const { data } = props;
  if (data.rows.length === 0) {
    return (
      <p role="status">No student matches{data.q ? ` "${data.q}"` : ""}.</p>
    );
  }
  return (
    <>
      <p class="muted" role="status">
        {data.total === 1 ? "1 student" : `${data.total} students`}
      </p>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Number</th>
              <th scope="col">Email</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((s) => (
              <tr>
                <th scope="row">
                  <a href={`/students/${encodeURIComponent(s.number)}`}>
                    {s.lastName}, {s.firstName}
                  </a>
                </th>
                <td>{s.number}</td>
                <td>{s.email}</td>
                <td>
                  <StudentStatus status={s.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {data.pageCount > 1 && (
        <nav class="pagination" aria-label="Pages of students">
          {data.page > 1 && (
            <a href={pageHref(data, data.page - 1)} rel="prev">
              ← Previous
            </a>
          )}
          <span>
            Page {data.page} of {data.pageCount}
          </span>
          {data.page < data.pageCount && (
            <a href={pageHref(data, data.page + 1)} rel="next">
              Next →
            </a>
          )}
        </nav>
      )}
    </>
  );
}

export function StudentStatus(props: { status: "active" | "inactive" }) {
  return props.status === "active" ? (
    <span class="status status-ok">
      <span aria-hidden="true">●</span> Active
    </span>
  ) : (
    <span class="status status-muted">
      <span aria-hidden="true">○</span> Inactive
    </span>
  );
}
