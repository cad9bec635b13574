import { Hono } from "hono";
import { z } from "zod";
import { SLUG } from "../clearance/requirement";
import type { AppEnv } from "../lib/env";
import { NotFoundError } from "../lib/errors";
import { CatalogPage } from "../../views/catalog/catalog-page";
import { BadgePage } from "../../views/catalog/badge-page";
import { getBadgeDetail, listCatalog } from "./service";

// The public badge catalog: no login, and nothing about any student.
export const catalogRoutes = new Hono<AppEnv>();

const SlugSchema = z.string().max(100).regex(SLUG);

catalogRoutes.get("/badges", (c) => {
  const groups = listCatalog(c.var.deps.db);

  return c.html(<CatalogPage groups={groups} />);
});

catalogRoutes.get("/badges/:slug", (c) => {
  const slug = SlugSchema.safeParse(c.req.param("slug"));
  if (!slug.success) throw new NotFoundError("There is no page here.");

  const detail = getBadgeDetail(c.var.deps.db, slug.data);

  return c.html(<BadgePage detail={detail} />);
});
