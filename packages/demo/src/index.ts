export { demoUsers } from "./users.ts";
export { type SeedSummary, seed } from "./seed.ts";
export { BENCH_ARTICLE_SLUG, seedVolume } from "./volume.ts";
export * as seedContent from "./content.ts";
