import { index, route, type RouteConfig } from "@react-router/dev/routes";

export default [
  index("routes/home.tsx"),
  route("login", "routes/auth/login.tsx"),
  route("logout", "routes/auth/logout.tsx"),
  route("register", "routes/auth/register.tsx"),
  route("language", "routes/language.tsx"),
  route("healthz", "routes/healthz.ts"),
  route("fo", "routes/fo/index.tsx"),
  route("trader", "routes/trader/index.tsx"),
  route("facilitator", "routes/facilitator/index.tsx"),
  route("facilitator/verification", "routes/facilitator/verification.tsx"),
  route("admin", "routes/admin/index.tsx"),
  // Without a catch-all, unknown paths (/favicon.ico) skip the root middleware and fail.
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
