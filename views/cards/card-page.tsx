import type { Child } from "hono/jsx";
import type { CardData } from "../../src/cards/service";
import { PublicPage } from "../catalog/public-frame";
import { Layout, type PageContext } from "../layout";
import { Card } from "./card";

const STYLES = ["/public/card.css"];

/** A student's card as staff see it: print it, or replace a lost one. */
export function StaffCardPage(props: {
  ctx: PageContext;
  card: CardData;
  replaced: boolean;
  canReplace: boolean;
}) {
  const { card } = props;
  const number = encodeURIComponent(card.number);
  return (
    <Layout title={`Card of ${card.name}`} ctx={props.ctx} styles={STYLES}>
      <div class="no-print">
        <p>
          <a href={`/students/${number}`}>Back to {card.name}</a>
        </p>
        <h1>Card of {card.name}</h1>
        {props.replaced && (
          <p class="flash" role="status">
            <span aria-hidden="true">✓ </span>A new card was issued; the old one
            no longer works. Print this card and hand it over.
          </p>
        )}
        <PrintActions>
          {props.canReplace && (
            <a
              class="button secondary"
              href={`/students/${number}/card/replace`}
            >
              Replace a lost card
            </a>
          )}
        </PrintActions>
      </div>
      <div class="card-stage">
        <Card card={card} />
      </div>
    </Layout>
  );
}

/** The student's own card, to show at the kiosk or to print. */
export function StudentCardPage(props: { card: CardData; token: string }) {
  return (
    <PublicPage
      title="My card"
      noindex
      styles={["/public/student.css", ...STYLES]}
    >
      <div class="no-print">
        <p>
          <a href={`/s/${props.token}`}>Back to my page</a>
        </p>
        <h1>My ShopPass card</h1>
        <p>Show this QR code at the kiosk, or print it.</p>
      </div>
      <div class="card-stage">
        <Card card={props.card} />
      </div>
      <div class="no-print">
        <PrintActions />
        <p class="hint">
          Keep this card to yourself: anyone with its link can open your page.
          Lost it? Ask the shop staff for a new one.
        </p>
      </div>
    </PublicPage>
  );
}

function PrintActions(props: { children?: Child }) {
  return (
    <p class="actions">
      <span class="hint">
        To print, use your browser's Print (Ctrl+P, or Cmd+P on a Mac).
      </span>
      {props.children}
    </p>
  );
}
