// MSW is for OUTSIDE HTTP services only (identity provider, mail gateway,
// finance system...): one handler file per service in this folder, added to
// `handlers` below. No outside service is called yet; the server still runs in
// every integration test so that any unplanned outside request fails the test.
import { setupServer } from "msw/node";

export const handlers = [];

export const mockServer = setupServer(...handlers);
