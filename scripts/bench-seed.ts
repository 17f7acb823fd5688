import type { Db } from "@observatory/db";

// What the large benchmarks' set-based seeds share: the topics their titles are made of, SQL literals
// for values written into a statement, and staff accounts to be the authors and actors.

/** Subjects of the observatory's work, for generated titles. */
export const benchTopics = [
  "Maternity care",
  "Mental health services",
  "Ethnicity data",
  "The NHS workforce",
  "Genomics",
  "Sickle cell disease",
  "Community trust",
  "Digital inclusion",
  "Neonatal jaundice",
  "Pulse oximetry",
];

/** A string as an SQL literal. */
export const sqlText = (value: string) => `'${value.replace(/'/g, "''")}'`;
/** Strings as an SQL array literal. */
export const sqlTextArray = (values: string[]) => `ARRAY[${values.map(sqlText).join(", ")}]`;

/**
 * Adds `count` staff accounts with ids `bench_<label>_1` .. `bench_<label>_<count>`, named "Bench
 * <label> N" (kept if they exist).
 */
export async function insertBenchStaff(db: Db, label: string, role: "AUTHOR" | "EDITOR", count: number) {
  await db.$executeRawUnsafe(`
    INSERT INTO "User" ("id", "email", "name", "role", "createdAt", "updatedAt")
    SELECT 'bench_${label}_' || a, 'bench-${label}-' || a || '@observatory.test', 'Bench ${label} ' || a, '${role}', now(), now()
    FROM generate_series(1, ${count}) AS a
    ON CONFLICT DO NOTHING`);
}
