import { Hono } from "hono";
import type { AppEnv } from "../lib/env";

export const apiRoutes = new Hono<AppEnv>();
