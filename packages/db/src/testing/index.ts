export { createTestDatabase, type TestDatabase } from "./test-database.ts";
export { ensureTemplate } from "./template.ts";
export {
  bodyOf,
  createComment,
  createItem,
  createUser,
  createWorkstream,
  type ItemSpec,
  type RevisionSpec,
} from "./factories.ts";
