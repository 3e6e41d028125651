import { createElement } from "react";
import { createRequestHandler } from "react-router";
import { describe, expect, it } from "vitest";
import { serverBuildWith } from "../tests/server-build";

describe("cache policy of pages and their data", () => {
  const page = { default: () => createElement("p", null, "side"), loader: () => ({ page: 1 }) };
  const handle = createRequestHandler(serverBuildWith([{ id: "page", path: "side", module: page }]), "production");

  it("marks HTML pages private and never stored", async () => {
    const response = await handle(new Request("http://localhost/side"));
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toContain("text/html");
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
  });

  it("marks loader data requests (.data) private and never stored", async () => {
    const response = await handle(new Request("http://localhost/side.data"));
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
  });

});
