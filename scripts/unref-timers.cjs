// The Prisma CLI and PGlite leave long timers armed, so a command finishes its
// work and then hangs until they fire. Long timers never keep this process alive.
const LONG_MS = 10_000;
const originalSetTimeout = globalThis.setTimeout;
const originalSetInterval = globalThis.setInterval;
function unrefIfLong(handle, ms) {
  if (typeof ms === "number" && ms >= LONG_MS && handle && typeof handle.unref === "function") {
    handle.unref();
  }
  return handle;
}
globalThis.setTimeout = function setTimeout(fn, ms, ...args) {
  return unrefIfLong(originalSetTimeout(fn, ms, ...args), ms);
};
globalThis.setInterval = function setInterval(fn, ms, ...args) {
  return unrefIfLong(originalSetInterval(fn, ms, ...args), ms);
};
