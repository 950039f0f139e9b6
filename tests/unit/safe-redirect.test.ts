import { describe, expect, it } from "vitest";
import { safeRedirect, safeRedirectPath } from "~/utils/redirect";

describe("safeRedirectPath", () => {
  it.each([
    ["/", "/"],
    ["/fo", "/fo"],
    ["/listings?crop=maize&page=2", "/listings?crop=maize&page=2"],
    ["/register?x=1", "/register?x=1"],
    ["/inbox#top", "/inbox#top"],
    // Already-encoded text in a query stays as it is.
    ["/listings?q=%E0%BA%AA%E0%BA%B2%E0%BA%A5%E0%BA%B5", "/listings?q=%E0%BA%AA%E0%BA%B2%E0%BA%A5%E0%BA%B5"],
    // Dot segments are resolved by the URL parser, never above the root.
    ["/fo/../listings", "/listings"],
    ["/../../fo", "/fo"],
  ])("keeps the portal's own path %j", (value, expected) => {
    expect(safeRedirectPath(value)).toBe(expected);
  });

  it.each([
    // the hole of the issue: a browser strips the tab and lands on //evil.example
    ["tab", "/\t/evil.example"],
    ["tab first", "\t//evil.example"],
    ["line feed", "/\n/evil.example"],
    ["carriage return", "/\r\n/evil.example"],
    ["NUL", "/\0/evil.example"],
    ["NUL at the end", "/fo\0"],
    ["space", "/ /evil.example"],
    ["leading space", " /fo"],
    ["DEL", "/\x7f/evil.example"],
    ["backslash", "/\\evil.example"],
    ["two backslashes", "\\\\evil.example"],
    ["backslash later", "/fo\\..\\..\\evil"],
    ["protocol-relative", "//evil.example"],
    ["protocol-relative with path", "//evil.example/fo"],
    ["slash backslash", "/\\/evil.example"],
    ["three slashes", "///evil.example"],
    ["dot segments up to //", "/..//evil.example"],
    ["dot segment to //", "/.//evil.example"],
    ["encoded slashes", "/%2F%2Fevil.example"],
    ["encoded slash after one", "/%2Fevil.example"],
    ["encoded tab", "/%09/evil.example"],
    ["encoded line feed", "/%0a/evil.example"],
    ["encoded NUL", "/fo%00"],
    ["encoded backslash", "/%5Cevil.example"],
    ["encoded form of the whole hole", "%2F%09%2Fevil.example"],
    ["broken encoding", "/%E0%A4%A"],
    ["non-Latin-1", "/ສາລີ"],
    ["Latin-1 outside ASCII", "/caf\u00e9"],
    ["an emoji", "/fo\u{1F33D}"],
    ["a fullwidth solidus", "/\uff0fevil.example"],
    ["absolute https", "https://evil.example/fo"],
    ["absolute http", "http://evil.example"],
    ["scheme-less host", "evil.example/fo"],
    ["javascript", "javascript:alert(1)"],
    ["data", "data:text/html,<script>alert(1)</script>"],
    ["empty", ""],
    ["relative", "fo"],
    ["too long", `/${"a".repeat(5000)}`],
  ])("refuses %s and falls back", (_name, value) => {
    expect(safeRedirectPath(value)).toBe("/");
    expect(safeRedirectPath(value, "/fo")).toBe("/fo");
  });

  it("keeps a path whose at-sign is in the path, not before a host", () => {
    const path = safeRedirectPath("/@evil.example");
    expect(path).toBe("/@evil.example");
    expect(new URL(path, "https://portal.example.la").origin).toBe("https://portal.example.la");
  });

  it("refuses what is not a string", () => {
    expect(safeRedirectPath(null)).toBe("/");
    expect(safeRedirectPath(undefined, "/trader")).toBe("/trader");
    expect(safeRedirectPath(new File(["/fo"], "x.txt"))).toBe("/");
  });

  it("never returns a value a browser would read as another site", () => {
    // Whatever comes in, the result resolves to the portal's own origin and is a valid header value.
    const inputs = ["/\t/evil.example", "/..//evil.example", "/.\\./evil", "//evil", "/%2F/evil", "/\u2028/evil", "/a/../..//b"];
    for (const value of inputs) {
      const out = safeRedirectPath(value);
      expect(out.startsWith("/") && !out.startsWith("//"), value).toBe(true);
      expect(/^[\x21-\x7e]+$/.test(out), value).toBe(true);
      expect(new URL(out, "https://portal.example.la").origin).toBe("https://portal.example.la");
      expect(() => new Headers({ Location: out })).not.toThrow();
    }
  });

  it("is the check behind the older name", () => {
    expect(safeRedirect).toBe(safeRedirectPath);
  });
});
