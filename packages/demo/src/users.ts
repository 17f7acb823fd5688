import type { Role } from "@observatory/db";

/** Demo staff, one per role. Development only: these passwords are published in the README. */
export const demoUsers: { email: string; name: string; role: Role; password: string }[] = [
  { email: "admin@observatory.test", name: "Amara Okafor", role: "ADMIN", password: "demo-admin-passphrase" },
  { email: "editor@observatory.test", name: "Daniel Whitfield", role: "EDITOR", password: "demo-editor-passphrase" },
  { email: "author@observatory.test", name: "Priya Raman", role: "AUTHOR", password: "demo-author-passphrase" },
  // A clinical reviewer: an author by role (reads drafts, cannot publish) who signs off clinical content
  // as a member of the "Clinical reviewers" review group.
  {
    email: "clinician@observatory.test",
    name: "Dr Grace Mensah",
    role: "AUTHOR",
    password: "demo-clinician-passphrase",
  },
  {
    email: "moderator@observatory.test",
    name: "Tomasz Nowak",
    role: "MODERATOR",
    password: "demo-moderator-passphrase",
  },
];

/** Demo review groups beyond the built-in "Editors", by name, with their members' emails. */
export const demoReviewGroups: { name: string; description: string; members: string[] }[] = [
  {
    name: "Clinical reviewers",
    description: "Check clinical statements before health information is published.",
    members: ["clinician@observatory.test"],
  },
];
