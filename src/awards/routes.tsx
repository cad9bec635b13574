import { Hono } from "hono";
import type { AppEnv } from "../lib/env";

export const awardRoutes = new Hono<AppEnv>();
