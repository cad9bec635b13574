import { Hono } from "hono";
import type { AppEnv } from "../lib/env";

export const studentPageRoutes = new Hono<AppEnv>();
