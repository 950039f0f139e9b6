import { useTranslation } from "~/utils/i18n-react";
import { data, Form, redirect, useLoaderData } from "react-router";
import { Link } from "~/components/ui/link";
import { Button } from "~/components/ui/button";
import { InboxActionSchema, listInbox, markAllNotificationsRead, markNotificationRead } from "~/domain/notifications/inbox.server";
import { formatDateTime, renderNotification } from "~/domain/notifications/kinds";
import { db } from "~/utils/db.server";
import { parseForm } from "~/utils/forms";
import { notFound, requireUser } from "~/utils/permissions.server";
import { safeRedirect } from "~/utils/redirect";
import { getRequestState } from "~/utils/request-state.server";
import type { Route } from "./+types/inbox";

function pageFrom(value: string | null): number {
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 ? n : 1;
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const user = requireUser(state);
  const inbox = await listInbox(db, user.id, pageFrom(new URL(request.url).searchParams.get("page")));
  const { locale, t } = state;
  return {
    page: inbox.page,
    pageCount: inbox.pageCount,
    unread: inbox.unread,
    unreadLabel: inbox.unreadLabel,
    items: inbox.items.map((n) => ({
      id: n.id,
      ...renderNotification(t, locale, n.kind, n.params),
      link: n.link,
      unread: n.readAt === null,
      receivedAt: formatDateTime(n.createdAt, locale),
    })),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const state = getRequestState(context);
  const user = requireUser(state);
  const form = await request.formData();
  const back = `/inbox?page=${pageFrom(String(form.get("page") ?? ""))}`;
  const parsed = parseForm(InboxActionSchema, form);
  if (!parsed.ok) return data(parsed, { status: 400 });
  if (parsed.data.intent === "readAll") {
    await markAllNotificationsRead(db, user.id);
    return redirect(back);
  }
  const result = await markNotificationRead(db, user.id, parsed.data.id);
  if (!result.ok) notFound(state);
  return redirect(safeRedirect(result.link, back));
}

type Item = Awaited<ReturnType<typeof loader>>["items"][number];

function InboxItem({ item, page }: { item: Item; page: number }) {
  const { t } = useTranslation("notifications");
  return (
    <li className={`flex flex-col gap-2 rounded border p-4 ${item.unread ? "border-brand-500 bg-white" : "border-gray-200 bg-earth-50"}`}>
      <h2 className={`text-lg ${item.unread ? "font-bold" : "font-semibold"}`}>
        {item.unread ? <span className="mr-2 rounded bg-brand-600 px-2 py-0.5 text-sm text-white">{t("unread")}</span> : null}
        {item.title}
      </h2>
      <p>{item.body}</p>
      <p className="text-sm text-gray-600">{t("receivedAt", { date: item.receivedAt })}</p>
      {item.unread ? (
        <Form method="post">
          <input type="hidden" name="id" value={item.id} />
          <input type="hidden" name="page" value={page} />
          <Button name="intent" value="read" variant="secondary">
            {item.link ? t("open") : t("markRead")} <span className="sr-only">{item.title}</span>
          </Button>
        </Form>
      ) : item.link ? (
        <p>
          <Link to={item.link} className="text-brand-700 underline">
            {t("open")} <span className="sr-only">{item.title}</span>
          </Link>
        </p>
      ) : null}
    </li>
  );
}

export default function Inbox() {
  const { t } = useTranslation("notifications");
  const { items, page, pageCount, unread, unreadLabel } = useLoaderData<typeof loader>();
  return (
    <section className="flex flex-col gap-4">
      <title>{t("title")}</title>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        {unread > 0 ? (
          <Form method="post">
            <input type="hidden" name="page" value={page} />
            <Button name="intent" value="readAll" variant="secondary">
              {t("markAllRead")}
            </Button>
          </Form>
        ) : null}
      </div>
      <p>{t("intro")}</p>
      {unread > 0 ? <p className="font-semibold">{t("unreadCount", { unread: unreadLabel })}</p> : null}
      {items.length === 0 ? (
        <p className="rounded border border-gray-200 bg-white p-4">{t("empty")}</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {items.map((item) => (
            <InboxItem key={item.id} item={item} page={page} />
          ))}
        </ul>
      )}
      {pageCount > 1 ? (
        <nav aria-label={t("pagination")} className="flex items-center justify-between gap-2">
          {page > 1 ? (
            <Link to={`/inbox?page=${page - 1}`} className="text-brand-700 underline" rel="prev">
              {t("newer")}
            </Link>
          ) : (
            <span />
          )}
          <span>{t("page", { page, pages: pageCount })}</span>
          {page < pageCount ? (
            <Link to={`/inbox?page=${page + 1}`} className="text-brand-700 underline" rel="next">
              {t("older")}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
