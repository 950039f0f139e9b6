import type { AnchorHTMLAttributes, ReactNode } from "react";
import { Link as RouterLink, useLocation } from "react-router";

// Pages are not hydrated (docs/decisions/0006), so React Router's Link buys
// nothing in the browser: no client-side navigation, no prefetching. On the
// server it resolves each href through the route tree and sets up click
// handlers, about 10 µs a link, a noticeable part of every page's CPU. These
// render the plain anchor it would have rendered. Only a path relative to the
// route (neither "/…", "?…" nor "#…") still goes through React Router, which
// knows the route hierarchy it is relative to.

type To = string;

interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> {
  to: To;
  /** kept for the rare link that must leave through a full page load; every link does here */
  reloadDocument?: boolean;
}

function useHref(to: To): string | null {
  const location = useLocation();
  if (to.startsWith("/") || /^[a-z][a-z0-9+.-]*:/i.test(to)) return to;
  if (to.startsWith("?")) return location.pathname + to;
  if (to.startsWith("#")) return location.pathname + location.search + to;
  return null;
}

export function Link({ to, reloadDocument, ...rest }: LinkProps) {
  const href = useHref(to);
  if (href === null) return <RouterLink to={to} reloadDocument={reloadDocument} {...rest} />;
  return <a href={href} {...rest} />;
}

interface NavLinkProps extends Omit<LinkProps, "className" | "children"> {
  /** active only when the path is exactly `to`, not below it */
  end?: boolean;
  className?: string | ((state: { isActive: boolean }) => string);
  children?: ReactNode;
}

/** Whether `pathname` is the page `to` points at (or below it, unless `end`), as React Router's NavLink decides. */
export function isActivePath(pathname: string, to: string, end = false): boolean {
  const target = to.split(/[?#]/)[0]!;
  const path = pathname.toLowerCase();
  const toPath = target.toLowerCase();
  if (path === toPath) return true;
  if (end || toPath === "/") return false;
  const base = toPath.endsWith("/") ? toPath.slice(0, -1) : toPath;
  return path.startsWith(base) && path.charAt(base.length) === "/";
}

/** A navigation link that marks the current page (aria-current="page"). */
export function NavLink({ to, end, className, ...rest }: NavLinkProps) {
  const location = useLocation();
  const isActive = to.startsWith("/") && isActivePath(location.pathname, to, end);
  const classes = typeof className === "function" ? className({ isActive }) : className;
  return <Link to={to} className={classes} aria-current={isActive ? "page" : undefined} {...rest} />;
}
