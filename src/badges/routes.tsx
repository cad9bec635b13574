import { Hono } from "hono";
import type { AppEnv } from "../lib/env";

export const badgeRoutes = new Hono<AppEnv>();
