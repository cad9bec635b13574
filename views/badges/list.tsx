import { describeValidity, type Validity } from "../../src/badges/validity";
import { CsrfField, Layout, type PageContext } from "../layout";

export type BadgeRow = Validity & {
  slug: string;
  name: string;
  type: string;
  level: string;
  lapseUnusedMonths: number | null;
  archived: boolean;
};

export type BadgeListData = {
  tracks: { track: string; badges: BadgeRow[] }[];
  archivedCount: number;
  showArchived: boolean;
};

/** The staff list of badges, one table per track. */
export function BadgeListPage(props: {
  ctx: PageContext;
  data: BadgeListData;
}) {
  const isAdmin = props.ctx.user?.role === "admin";
  return (
    <Layout
      title="Badges"
      ctx={props.ctx}
      styles={["/public/catalog-admin.css"]}
    >
      <h1>Badges</h1>
      {isAdmin && (
        <p class="actions">
          <a class="button" href="/admin/badges/new">
            New badge
          </a>
        </p>
      )}
      <form
        method="get"
        action="/admin/badges"
        class="actions"
        hx-get="/admin/badges"
        hx-target="#badge-list"
        hx-trigger="change"
        hx-push-url="true"
      >
        <label>
          <input
            type="checkbox"
            name="archived"
            value="1"
            checked={props.data.showArchived}
          />{" "}
          Show archived badges ({props.data.archivedCount})
        </label>
        <button type="submit" class="secondary">
          Apply
        </button>
      </form>
      <div id="badge-list">
        <BadgeTracks ctx={props.ctx} data={props.data} />
      </div>
    </Layout>
  );
}

/** The tables of badges by track: the htmx partial of the list. */
export function BadgeTracks(props: { ctx: PageContext; data: BadgeListData }) {
  const { tracks } = props.data;
  if (tracks.length === 0) {
    return <p class="muted">No badges yet.</p>;
  }
  return (
    <>
      {tracks.map((t) => (
        <section aria-labelledby={`track-${t.track}`}>
          <h2 id={`track-${t.track}`}>{t.track}</h2>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Badge</th>
                  <th scope="col">Type</th>
                  <th scope="col">Level</th>
                  <th scope="col">Validity</th>
                  <th scope="col">Status</th>
                  {props.ctx.user?.role === "admin" && (
                    <th scope="col">Actions</th>
                  )}
                </tr>
              </thead>
              <tbody>
                {t.badges.map((b) => (
                  <BadgeRowView ctx={props.ctx} badge={b} />
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </>
  );
}

function BadgeRowView(props: { ctx: PageContext; badge: BadgeRow }) {
  const b = props.badge;
  return (
    <tr id={`badge-${b.slug}`}>
      <td>
        {b.name}
        <br />
        <code class="muted">{b.slug}</code>
      </td>
      <td>{b.type}</td>
      <td>{b.level}</td>
      <td>{describeValidity(b)}</td>
      <td>
        {b.archived ? (
          <span class="status status-muted">
            <span aria-hidden="true">🗄</span> Archived
          </span>
        ) : (
          <span class="status status-ok">
            <span aria-hidden="true">✔</span> Active
          </span>
        )}
      </td>
      {props.ctx.user?.role === "admin" && (
        <td>
          <BadgeActions ctx={props.ctx} badge={b} />
        </td>
      )}
    </tr>
  );
}

function BadgeActions(props: { ctx: PageContext; badge: BadgeRow }) {
  const b = props.badge;
  const verb = b.archived ? "unarchive" : "archive";
  return (
    <div class="actions">
      <a href={`/admin/badges/${b.slug}/edit`}>
        Edit<span class="visually-hidden"> {b.name}</span>
      </a>
      <form method="post" action={`/admin/badges/${b.slug}/${verb}`}>
        <CsrfField token={props.ctx.csrfToken} />
        <button
          type="submit"
          class="secondary"
          data-confirm={
            b.archived
              ? undefined
              : `Archive ${b.name}? It can no longer be awarded.`
          }
        >
          {b.archived ? "Unarchive" : "Archive"}
          <span class="visually-hidden"> {b.name}</span>
        </button>
      </form>
    </div>
  );
}
