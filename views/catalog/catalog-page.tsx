import { PublicPage } from "./public-frame";
import { trackName, typeAndLevel } from "./words";

type BadgeLink = {
  slug: string;
  name: string;
  type: string;
  level: string;
};

/** The public list of badges, grouped by track. */
export function CatalogPage(props: {
  groups: { track: string; badges: BadgeLink[] }[];
}) {
  return (
    <PublicPage title="Badge catalog">
      <h1>Badge catalog</h1>
      <p>
        The shop's badges: what each one says you can do, how to earn it, and
        which machines it opens.
      </p>
      {props.groups.length === 0 && <p>No badges are offered yet.</p>}
      {props.groups.map((group) => (
        <section aria-labelledby={`track-${group.track}`}>
          <h2 id={`track-${group.track}`}>{trackName(group.track)}</h2>
          <ul class="badge-list">
            {group.badges.map((b) => (
              <li>
                <a href={`/badges/${b.slug}`}>{b.name}</a>{" "}
                <span class="muted">{typeAndLevel(b)}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </PublicPage>
  );
}
