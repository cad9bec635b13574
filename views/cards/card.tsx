import { raw } from "hono/html";
import type { CardData } from "../../src/cards/service";
import { SHOP_NAME } from "../catalog/public-frame";

/** One credit-card-sized card (85.6 x 54 mm): who, number, QR, date. */
export function Card(props: { card: CardData }) {
  const { card } = props;
  return (
    <article class="card" aria-label={`ShopPass card of ${card.name}`}>
      <div class="card-text">
        <p class="card-shop">{SHOP_NAME}</p>
        <p class="card-name">{card.name}</p>
        <p class="card-number">{card.number}</p>
        <p class="card-date">Printed {card.printedOn}</p>
      </div>
      <div class="card-qr" role="img" aria-label="QR code of this card">
        {/* SVG from the qrcode package: attributes only, no inline style */}
        {raw(card.qrSvg)}
      </div>
    </article>
  );
}
