// The plain links must mark the current page as React Router's NavLink did.
import { describe, expect, it } from "vitest";
import { isActivePath } from "~/components/ui/link";

describe("isActivePath", () => {
  it("is the page itself, or a page below it unless `end`", () => {
    expect(isActivePath("/listings", "/listings")).toBe(true);
    expect(isActivePath("/listings/abc", "/listings")).toBe(true);
    expect(isActivePath("/listings/abc", "/listings", true)).toBe(false);
    expect(isActivePath("/listingsx", "/listings")).toBe(false);
    expect(isActivePath("/Listings", "/listings")).toBe(true);
  });

  it("never marks the home page for the pages below it, and ignores the query", () => {
    expect(isActivePath("/", "/")).toBe(true);
    expect(isActivePath("/listings", "/")).toBe(false);
    expect(isActivePath("/inbox", "/inbox?page=2", true)).toBe(true);
    expect(isActivePath("/fo/members/x", "/fo/members/")).toBe(true);
  });
});
