export { createTestDatabase, type TestDatabase } from "./test-database.ts";
export { ensureTemplate } from "./template.ts";
