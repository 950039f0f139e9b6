// What every loader and action needs to know about the request, resolved once by
// the root middleware: who is signed in, with which roles, and in which language.
import type { i18n, TFunction } from "i18next";
import { createContext, type MiddlewareFunction, type RouterContextProvider } from "react-router";
import type { Locale } from "./i18n";
import { translator } from "./fast-t";
import { detectLocale, i18nFor } from "./i18n.server";
import { isRole, type Role } from "./roles";
import { findSessionUser, readSessionId } from "./session.server";

export type SessionUser = {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  locale: string | null;
  roles: Role[];
};

export type RequestState = {
  user: SessionUser | null;
  sessionId: string | null;
  locale: Locale;
  i18n: i18n;
  t: TFunction;
  /** path and query of the request, for sending the user back after sign-in */
  returnTo: string;
};

export const requestStateContext = createContext<RequestState>();

export async function resolveRequestState(request: Request): Promise<RequestState> {
  const sessionId = await readSessionId(request);
  const found = sessionId ? await findSessionUser(sessionId) : null;
  const user: SessionUser | null = found
    ? {
        id: found.id,
        name: found.name,
        email: found.email,
        phone: found.phone,
        locale: found.locale,
        roles: found.roles.map((r) => r.role).filter(isRole),
      }
    : null;
  const locale = detectLocale(request, user?.locale);
  const instance = i18nFor(locale);
  const url = new URL(request.url);
  return {
    user,
    sessionId: found ? sessionId : null,
    locale,
    i18n: instance,
    t: translator(instance),
    returnTo: url.pathname + url.search,
  };
}

export const requestStateMiddleware: MiddlewareFunction<Response> = async ({ request, context }, next) => {
  context.set(requestStateContext, await resolveRequestState(request));
  return next();
};

type ContextReader = Pick<RouterContextProvider, "get">;

export function getRequestState(context: ContextReader): RequestState {
  return context.get(requestStateContext);
}
