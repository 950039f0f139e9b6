import { getRequestState } from "~/utils/request-state.server";
import { notFound } from "~/utils/permissions.server";
import type { Route } from "./+types/not-found";

export function loader({ context }: Route.LoaderArgs) {
  notFound(getRequestState(context));
}

export function action({ context }: Route.ActionArgs) {
  notFound(getRequestState(context));
}

export default function NotFound() {
  return null;
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
