// Drives Prisma's own schema engine (the WASM build, @prisma/schema-engine-wasm) through Prisma 7
// driver adapters, because the native schema-engine binary is a download this machine cannot make.
// It is the engine `prisma migrate` uses, so the migration folders, migration_lock.toml and the
// `_prisma_migrations` rows (checksums included) are exactly what the ordinary Prisma CLI expects.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";

const require = createRequire(import.meta.url);
export const packageDir = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
export const schemaPath = path.join(packageDir, "prisma", "schema.prisma");
export const migrationsDir = path.join(packageDir, "prisma", "migrations");

let loaded = false;
async function loadWasm() {
  if (loaded) return;
  const wasmPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg").replace(/\.js$/, ".wasm");
  globalThis.PRISMA_WASM_PANIC_REGISTRY = {
    message: "",
    get() {
      return this.message;
    },
    set_message(m) {
      this.message = `RuntimeError: ${m}`;
    },
  };
  const { instance } = await WebAssembly.instantiate(fs.readFileSync(wasmPath), { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start?.();
  loaded = true;
}

export function readSchemaFiles() {
  return [{ path: schemaPath, content: fs.readFileSync(schemaPath, "utf8") }];
}

/** The migrations list in the shape the CLI builds it. */
export function readMigrations(baseDir = migrationsDir) {
  const lockPath = path.join(baseDir, "migration_lock.toml");
  const dirs = fs.existsSync(baseDir)
    ? fs
        .readdirSync(baseDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort((a, b) => a.localeCompare(b))
    : [];
  return {
    baseDir,
    lockfile: {
      path: "migration_lock.toml",
      content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((d) => {
      const file = path.join(baseDir, d, "migration.sql");
      let content;
      try {
        content = { tag: "ok", value: fs.readFileSync(file, "utf8") };
      } catch (e) {
        content = { tag: "error", value: String(e) };
      }
      return { path: d, migrationFile: { path: "migration.sql", content } };
    }),
  };
}

export const noFilters = { externalTables: [], externalEnums: [] };

/** Opens the engine; "External error id#N" failures are turned back into the adapter's real error. */
/**
 * The schema engine over `adapterFactory`'s connections. The engine never closes the connections it
 * opens, and it holds its migration lock (a session-level advisory lock) on one of them until that
 * connection ends: `close()` frees the engine and ends them, so the next deploy need not wait.
 */
export async function openEngine(adapterFactory, schemaFiles = readSchemaFiles()) {
  await loadWasm();
  // The factory as given, but keeping each connection it opens for close() (its shadow databases
  // call this.connect too); a connection is disposed once, whoever asks first.
  const opened = [];
  const tracking = Object.create(adapterFactory, {
    connect: {
      value: async () => {
        const adapter = await adapterFactory.connect();
        const dispose = adapter.dispose.bind(adapter);
        let disposed;
        adapter.dispose = () => {
          disposed ??= dispose();
          return disposed;
        };
        opened.push(adapter);
        return adapter;
      },
    },
  });
  const close = async () => {
    engine.free();
    await Promise.all(opened.map((adapter) => adapter.dispose()));
  };
  const bound = bindMigrationAwareSqlAdapterFactory(tracking);
  const engine = await bg.SchemaEngine.new(
    { datamodels: schemaFiles.map((f) => [f.path, f.content]) },
    () => {},
    bound,
  );
  return new Proxy(engine, {
    get(target, prop) {
      if (prop === "close") return close;
      const value = target[prop];
      if (typeof value !== "function") return value;
      return async (...args) => {
        try {
          return await value.apply(target, args);
        } catch (e) {
          const m = /External error id#(\d+)/.exec(e?.message ?? "");
          if (m) {
            const rec = bound.errorRegistry.consumeError(Number(m[1]));
            const err = rec?.error ?? rec;
            throw Object.assign(new Error(err?.originalMessage ?? err?.message ?? JSON.stringify(err)), { cause: rec });
          }
          if (e instanceof WebAssembly.RuntimeError)
            throw new Error(`schema engine panic: ${globalThis.PRISMA_WASM_PANIC_REGISTRY.get()}`);
          throw e;
        }
      };
    },
  });
}

// pglite-prisma-adapter 0.7.2 executeScript() does not await client.exec(): a failing migration would
// be recorded as applied and its error surface later as an unhandled rejection.
function awaitExec(adapter) {
  adapter.executeScript = async (sql) => {
    try {
      await adapter.client.exec(sql);
    } catch (e) {
      adapter.onError(e);
    }
  };
  return adapter;
}

/** An adapter factory over an in-process PGlite instance (used for authoring and test templates). */
export async function pgliteFactory(db) {
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  class Factory extends PrismaPGlite {
    async connect() {
      return awaitExec(await super.connect());
    }
    // The package's own shadow database is a PGlite without the extensions the migrations create.
    async connectToShadowDb() {
      const { openPglite } = await import("../src/embedded/pglite.ts");
      return awaitExec(await new PrismaPGlite(await openPglite()).connect());
    }
  }
  return new Factory(db);
}

// adapter-pg 7.10.1 cannot type the `"char"` columns (OID 18) the schema describer reads from
// pg_catalog; the engine wants ColumnType Character for them.
function patchChar(queryable) {
  const charCols = new WeakMap();
  const io = queryable.performIO.bind(queryable);
  const raw = queryable.queryRaw.bind(queryable);
  queryable.performIO = async (query) => {
    const r = await io(query);
    const idx = [];
    r.fields?.forEach((f, i) => {
      if (f.dataTypeID === 18) {
        f.dataTypeID = 25;
        idx.push(i);
      }
    });
    if (idx.length) charCols.set(r.rows, idx);
    return r;
  };
  queryable.queryRaw = async (query) => {
    const res = await raw(query);
    for (const i of charCols.get(res.rows) ?? []) res.columnTypes[i] = ColumnTypeEnum.Character;
    return res;
  };
  if (queryable.startTransaction) {
    const start = queryable.startTransaction.bind(queryable);
    queryable.startTransaction = async (...a) => patchChar(await start(...a));
  }
  return queryable;
}

function pgConfig(url) {
  const u = new URL(url);
  // Discrete fields, not a connectionString: adapter-pg would let the string override `database`
  // for the shadow database and silently use the main one.
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username || "postgres"),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1) || "postgres"),
  };
}

// adapter-pg 7.10.1 executeScript() splits the script on every ";" and runs the pieces one by one:
// it breaks dollar-quoted function bodies and string literals, and applies a failing migration
// halfway. Send the script whole instead.
function wholeScripts(adapter) {
  adapter.executeScript = async (script) => {
    try {
      await adapter.client.query(script);
    } catch (e) {
      adapter.onError(e);
    }
  };
  return adapter;
}

/** An adapter factory over a PostgreSQL server (or the embedded database served on a port). */
export async function pgFactory(url) {
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const cfg = pgConfig(url);
  class Factory extends PrismaPg {
    async connect() {
      return wholeScripts(patchChar(await super.connect()));
    }
    // adapter-pg drops the shadow database before closing its pool, which fails and leaves it behind.
    async connectToShadowDb() {
      const main = await this.connect();
      const name = `prisma_migrate_shadow_db_${crypto.randomUUID()}`;
      await main.executeScript(`CREATE DATABASE "${name}"`);
      const shadow = wholeScripts(patchChar(await new PrismaPg({ ...cfg, database: name }).connect()));
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await dispose();
        await main.executeScript(`DROP DATABASE IF EXISTS "${name}"`);
        await main.dispose();
      };
      return shadow;
    }
  }
  return new Factory(cfg);
}

/**
 * Applies pending migrations. Each script is sent whole, as one simple query, which PostgreSQL runs
 * as one implicit transaction: a failing migration changes nothing. Its
 * `_prisma_migrations` row is then marked rolled back (what `prisma migrate resolve --rolled-back`
 * does) so that the corrected migration deploys next time.
 */
export async function deployMigrations(adapterFactory, baseDir = migrationsDir) {
  const engine = await openEngine(adapterFactory);
  try {
    const r = await engine.applyMigrations({ migrationsList: readMigrations(baseDir), filters: noFilters });
    return r.appliedMigrationNames;
  } catch (error) {
    const adapter = await adapterFactory.connect();
    try {
      await adapter.executeScript(
        `UPDATE "_prisma_migrations" SET "rolled_back_at" = now() WHERE "finished_at" IS NULL AND "rolled_back_at" IS NULL`,
      );
    } finally {
      await adapter.dispose();
    }
    throw error;
  } finally {
    await engine.close();
  }
}
