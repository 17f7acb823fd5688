import { type DbOrTransaction, Prisma, pooledClient, queryRows } from "@observatory/db";
import { z } from "zod";

// Reading what an administrator saved in a Setting row. Saved values outlive the code that wrote
// them, so a reader never trusts their shape: it parses, and falls back to its default.

/**
 * The value saved under `key`, or undefined when nothing is saved. Read straight on a client's pool
 * (public pages read two settings each: decision 036), or in the transaction a transaction's client is in.
 */
export async function storedSetting(db: DbOrTransaction, key: string): Promise<unknown> {
  const read = Prisma.sql`SELECT "value" FROM "Setting" WHERE "key" = ${key}`;
  const client = pooledClient(db);
  const [row] = client
    ? await queryRows<{ value: unknown }>(client, read)
    : await db.$queryRaw<{ value: unknown }[]>(read);
  return row?.value ?? undefined;
}

const storedObject = z.record(z.string(), z.unknown());

/**
 * Each field of a saved object that still reads with its schema (`fields`, built once by the
 * caller); a field missing, or saved in an older shape, is left out for the caller's default.
 */
export function readableFields<Fields extends Record<string, z.ZodType>>(
  stored: unknown,
  fields: Fields,
): Partial<{ [Name in keyof Fields]: z.output<Fields[Name]> }> {
  const object = storedObject.safeParse(stored);
  if (!object.success) return {};
  return Object.fromEntries(
    Object.entries(fields).flatMap(([name, schema]) => {
      const parsed = schema.safeParse(object.data[name]);
      return parsed.success ? [[name, parsed.data]] : [];
    }),
  ) as Partial<{ [Name in keyof Fields]: z.output<Fields[Name]> }>;
}
