import type { BadgeDetail } from "../../src/catalog/service";
import { PublicPage } from "./public-frame";
import { trackName, typeAndLevel } from "./words";

/** One badge's public page; it speaks of the badge only, never of people. */
export function BadgePage(props: { detail: BadgeDetail }) {
  const { badge, validity, unlocks, currentHolders } = props.detail;
  return (
    <PublicPage title={badge.name}>
      <p class="breadcrumb">
        <a href="/badges">Badge catalog</a> › {trackName(badge.track)}
      </p>
      <h1>{badge.name}</h1>
      {badge.archived && (
        <p class="status status-muted">
          <span aria-hidden="true">▣</span> Archived: no longer awarded
        </p>
      )}
      <dl class="facts">
        <dt>Track</dt>
        <dd>{trackName(badge.track)}</dd>
        <dt>Type and level</dt>
        <dd>{typeAndLevel(badge)}</dd>
        <dt>Stays valid</dt>
        <dd>{validity}</dd>
        <dt>Current holders</dt>
        <dd>{currentHolders}</dd>
      </dl>

      <h2>What it claims</h2>
      <p class="prose">{badge.description || "No description yet."}</p>

      <h2>How to earn it</h2>
      <p class="prose">{badge.criteria || "Ask the shop staff."}</p>
      {badge.criteriaUrl && (
        <p>
          <a href={badge.criteriaUrl} rel="noopener noreferrer">
            Take the microcourse
          </a>
        </p>
      )}

      <h2>Machines it unlocks</h2>
      {unlocks.length === 0 ? (
        <p>No machine asks for this badge.</p>
      ) : (
        <ul class="unlock-list">
          {unlocks.map((u) => (
            <li>
              <strong>{u.name}</strong>{" "}
              <span class="muted">
                ({u.code}, {u.area})
              </span>
              : {u.together ? `together with ${u.together}` : "on its own"}
            </li>
          ))}
        </ul>
      )}
    </PublicPage>
  );
}
