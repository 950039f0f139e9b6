import { useTranslation } from "~/utils/i18n-react";
import { Form, Links, Meta, Outlet, useLocation, useRouteLoaderData } from "react-router";
import { NavLink } from "~/components/ui/link";
import type { Route } from "./+types/root";
import "./app.css";
import enhanceScript from "./enhance.js?url";
import { GeneralErrorBoundary } from "./components/general-error-boundary";
import { countUnread, unreadLabel } from "./domain/notifications/inbox.server";
import { kickDueJobs } from "./domain/notifications/jobs.server";
import { defaultLocale, type Locale } from "./utils/i18n";
import { originMiddleware } from "./utils/origin.server";
import { getRequestState, requestStateMiddleware } from "./utils/request-state.server";
import type { Role } from "./utils/roles";

/** Starts due scheduled work (expiry notices, the outbox) beside the request, at most once a minute. */
const dueJobsMiddleware: Route.MiddlewareFunction = (_args, next) => {
  kickDueJobs();
  return next();
};

// The origin check comes second: it answers in the visitor's language, which the request state knows.
export const middleware: Route.MiddlewareFunction[] = [requestStateMiddleware, originMiddleware, dueJobsMiddleware];

export async function loader({ context }: Route.LoaderArgs) {
  const { locale, user } = getRequestState(context);
  return {
    locale,
    user: user ? { name: user.name, roles: user.roles } : null,
    unreadCount: user ? unreadLabel(await countUnread(user.id)) : null,
  };
}

type NavItem = { to: string; label: string };

function navigationFor(roles: readonly Role[], t: (key: string) => string, signedIn: boolean, unreadCount: string | null): NavItem[] {
  const items: NavItem[] = [];
  if (signedIn) items.push({ to: "/listings", label: t("nav.listings") });
  // The price board is public: signed-out visitors (and members who are not users) find it in the menu too.
  items.push({ to: "/prices", label: t("nav.prices") });
  if (roles.some((r) => r === "fo_leader" || r === "trader" || r === "facilitator")) items.push({ to: "/contracts", label: t("nav.contracts") });
  if (roles.includes("fo_leader")) items.push({ to: "/fo", label: t("nav.myOrganisations") });
  if (roles.includes("trader")) items.push({ to: "/trader", label: t("nav.myCompany") });
  if (roles.includes("facilitator")) {
    items.push({ to: "/facilitator", label: t("nav.facilitator") });
    items.push({ to: "/facilitator/verification", label: t("nav.verification") });
    items.push({ to: "/templates", label: t("nav.templates") });
  }
  if (roles.includes("facilitator") || roles.includes("admin")) items.push({ to: "/reports", label: t("nav.reports") });
  if (roles.includes("admin")) items.push({ to: "/admin", label: t("nav.admin") });
  if (signedIn) items.push({ to: "/inbox", label: unreadCount ? `${t("nav.inbox")} (${unreadCount})` : t("nav.inbox") });
  return items;
}

function Header({ locale, user, unreadCount }: { locale: Locale; user: { name: string; roles: Role[] } | null; unreadCount: string | null }) {
  const { t } = useTranslation();
  const location = useLocation();
  const here = location.pathname + location.search;
  const items = navigationFor(user?.roles ?? [], t, !!user, unreadCount);
  const linkClass = ({ isActive }: { isActive: boolean }) => `rounded px-2 py-1 ${isActive ? "bg-white/20 font-bold" : "hover:bg-white/10"}`;

  return (
    <header className="no-print bg-earth-900 text-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-3 py-2">
        <NavLink to="/" className="text-lg font-bold">
          {t("appName")}
        </NavLink>
        <Form method="post" action="/language" reloadDocument className="flex items-center gap-1 text-sm">
          <input type="hidden" name="redirectTo" value={here} />
          <span className="sr-only">{t("language.switch")}</span>
          {(["lo", "en"] as const).map((l) => (
            <button
              key={l}
              type="submit"
              name="locale"
              value={l}
              lang={l}
              aria-pressed={locale === l}
              className={`rounded px-2 py-1 ${locale === l ? "bg-white text-earth-900" : "border border-white/60"}`}
            >
              {t(`language.${l}`)}
            </button>
          ))}
        </Form>
      </div>
      <nav aria-label={t("nav.menu")} className="mx-auto max-w-5xl px-3 pb-2">
        <ul className="flex flex-wrap items-center gap-1 text-sm">
          {items.map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} end className={linkClass}>
                {item.label}
              </NavLink>
            </li>
          ))}
          {user ? (
            <li className="ml-auto flex items-center gap-2">
              <span className="text-white/80">{t("nav.signedInAs", { name: user.name })}</span>
              <NavLink to="/account" className={linkClass}>
                {t("auth:account.title")}
              </NavLink>
              <Form method="post" action="/logout">
                <button type="submit" className="rounded border border-white/60 px-2 py-1">
                  {t("nav.signOut")}
                </button>
              </Form>
            </li>
          ) : (
            <>
              <li>
                <NavLink to="/login" className={linkClass}>
                  {t("nav.signIn")}
                </NavLink>
              </li>
              <li>
                <NavLink to="/register" className={linkClass}>
                  {t("nav.register")}
                </NavLink>
              </li>
            </>
          )}
        </ul>
      </nav>
    </header>
  );
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const locale = data?.locale ?? defaultLocale;
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#336a28" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <link rel="manifest" href="/manifest.webmanifest" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-screen bg-earth-50 text-gray-900">
        <Header locale={locale} user={data?.user ?? null} unreadCount={data?.unreadCount ?? null} />
        <main className="mx-auto max-w-5xl px-3 py-4">{children}</main>
        {/* Pages are rendered on the server and not hydrated: phones get the page and
            one small script of conveniences, not React (docs/decisions/0006). */}
        <script src={enhanceScript} defer />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
