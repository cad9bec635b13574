import type { Child } from "hono/jsx";
import { Document } from "../layout";

export const SHOP_NAME = "Student Prototyping Shop — ShopPass";

/**
 * The frame of pages anyone may open (catalog, a student's own page):
 * no staff navigation, only the shop's name and the badge catalog.
 */
export function PublicPage(props: {
  title: string;
  noindex?: boolean;
  styles?: string[];
  scripts?: string[];
  children: Child;
}) {
  return (
    <Document
      title={props.title}
      noindex={props.noindex}
      bodyClass="public"
      styles={props.styles ?? ["/public/student.css"]}
      scripts={props.scripts}
    >
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="public-header">
        <span class="public-brand">{SHOP_NAME}</span>
        <nav aria-label="Public">
          <a href="/badges">Badge catalog</a>
        </nav>
      </header>
      <main id="main" tabindex={-1}>
        {props.children}
      </main>
    </Document>
  );
}
