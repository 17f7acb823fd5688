import type { Role } from "@observatory/db";

/** Demo staff, one per role. Development only: these passwords are published in the README. */
export const demoUsers: { email: string; name: string; role: Role; password: string }[] = [
  { email: "admin@observatory.test", name: "Amara Okafor", role: "ADMIN", password: "demo-admin-passphrase" },
  { email: "editor@observatory.test", name: "Daniel Whitfield", role: "EDITOR", password: "demo-editor-passphrase" },
  { email: "author@observatory.test", name: "Priya Raman", role: "AUTHOR", password: "demo-author-passphrase" },
  {
    email: "moderator@observatory.test",
    name: "Tomasz Nowak",
    role: "MODERATOR",
    password: "demo-moderator-passphrase",
  },
];
