// How each app's Node process is started (scripts/start.ts; README "Running in production";
// decision 031). V8's heap is set at start-up, so these are command-line flags, not settings the
// server could apply once running.
export const appNodeFlags = [
  // The hosting package is TypeScript, run by Node's own type stripping (a loader such as tsx would
  // also transform the app's 3 MB build and keep its source maps, about 450 MB more per process).
  "--experimental-strip-types",
  // Young objects get at most 16 MB a semi-space (V8 by itself let the young generation reach
  // 128 MB here): a rendered page's garbage dies young either way, and the process holds about
  // 100 MB less under load for the same rendering speed.
  "--max-semi-space-size=16",
  // The heap grows to one and a half times what survived its last full collection before the next,
  // where V8 by itself lets a process that allocates fast, as a server rendering pages does, grow
  // to four times that.
  "--heap-growing-percent=50",
];
