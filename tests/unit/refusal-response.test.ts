import { describe, expect, it } from "vitest";
import type { RequestState } from "~/utils/request-state.server";
import { refusalResponse } from "~/utils/refusal-response.server";

const state = { t: (key: string) => `text of ${key}` } as unknown as RequestState;

// data() answers a DataWithResponseInit: its payload and its status.
function answered(value: unknown) {
  return value as { data: Record<string, unknown>; init: { status: number } };
}

describe("a domain refusal as an action's answer", () => {
  it("is a 409 with the reason's message under the given keys, the form's body kept and its own message replaced", () => {
    const a = answered(
      refusalResponse(state, { reason: "changed" }, { messages: "deliveries:errors", body: { values: { kg: "12" }, message: null, over: null } }),
    );
    expect(a.init.status).toBe(409);
    expect(a.data).toEqual({ values: { kg: "12" }, over: null, message: "deliveries:errors.changed" });
  });

  it("is a 403 for a reason the caller names as a lack of right", () => {
    const a = answered(refusalResponse(state, { reason: "notTheFo" }, { messages: "deliveries:inputs.errors", body: {}, forbidden: ["notTheFo"] }));
    expect(a.init.status).toBe(403);
    expect(a.data.message).toBe("deliveries:inputs.errors.notTheFo");
  });

  it("throws the 404 page for a record the user may not see, naming nothing of it", () => {
    let thrown: unknown;
    try {
      refusalResponse(state, { reason: "notFound" }, { messages: "offers:errors", body: { secret: "x" } });
    } catch (error) {
      thrown = error;
    }
    const a = answered(thrown);
    expect(a.init.status).toBe(404);
    expect(a.data).toEqual({ message: "text of errors:404.text" });
  });
});
