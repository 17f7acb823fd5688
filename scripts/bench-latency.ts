// Latency percentiles of one request repeated, for the benchmarks that time pages rather than
// throughput (scripts/bench-moderation.ts, scripts/bench-editorial.ts).

export type Latencies = { name: string; n: number; p50: number; p95: number; p99: number; failures: number };

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

/** Runs `request` `n` times, `concurrency` at a time, and reports its latency percentiles. */
export async function measure(name: string, n: number, concurrency: number, request: () => Promise<boolean>) {
  const times: number[] = [];
  let failures = 0;
  let next = 0;
  const worker = async () => {
    while (next < n) {
      next += 1;
      const start = performance.now();
      const ok = await request().catch(() => false);
      times.push(performance.now() - start);
      if (!ok) failures += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  times.sort((a, b) => a - b);
  const round = (v: number) => Math.round(v * 10) / 10;
  return {
    name,
    n,
    p50: round(percentile(times, 50)),
    p95: round(percentile(times, 95)),
    p99: round(percentile(times, 99)),
    failures,
  } satisfies Latencies;
}

export function printLatencies(rows: Latencies[]) {
  console.log(`\n${"".padEnd(52)} requests   p50 ms   p95 ms   p99 ms  failures`);
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(52)} ${String(r.n).padStart(8)} ${String(r.p50).padStart(8)} ${String(r.p95).padStart(8)} ${String(r.p99).padStart(8)} ${String(r.failures).padStart(9)}`,
    );
  }
}
