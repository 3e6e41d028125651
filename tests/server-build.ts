// A minimal React Router server build around the real entry module
// (app/entry.server.tsx) and the given route modules, as `react-router build`
// would describe them: requests then go through React Router's own request
// handling (documents, `.data` requests, resource routes) without a build step.
import { createElement } from "react";
import { Outlet, type ServerBuild } from "react-router";
import * as entry from "~/entry.server";

export interface TestRoute {
  id: string;
  path: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  module: Record<string, any>;
}

export function serverBuildWith(routes: TestRoute[]): ServerBuild {
  const root = {
    id: "root",
    path: "",
    module: { default: () => createElement("html", null, createElement("body", null, createElement(Outlet))) },
  };
  const manifestRoute = (route: TestRoute, parentId: string | undefined) => ({
    id: route.id,
    parentId,
    path: route.path,
    index: undefined,
    caseSensitive: undefined,
    module: `/${route.id}.js`,
    hasAction: typeof route.module.action === "function",
    hasLoader: typeof route.module.loader === "function",
    hasClientAction: false,
    hasClientLoader: false,
    hasClientMiddleware: false,
    hasErrorBoundary: false,
    imports: [],
    css: [],
  });
  return {
    entry: { module: entry },
    routes: Object.fromEntries([
      ["root", root],
      ...routes.map((r) => [r.id, { id: r.id, parentId: "root", path: r.path, module: r.module }]),
    ]),
    assets: {
      entry: { imports: [], module: "/entry.client.js" },
      routes: Object.fromEntries([
        ["root", manifestRoute(root, undefined)],
        ...routes.map((r) => [r.id, manifestRoute(r, "root")]),
      ]),
      url: "/manifest.js",
      version: "test",
    },
    publicPath: "/",
    assetsBuildDirectory: "build/client",
    future: {},
    ssr: true,
    isSpaMode: false,
    prerender: [],
    routeDiscovery: { mode: "initial", manifestPath: "/__manifest" },
  } as unknown as ServerBuild;
}
