// Copies nhsuk-frontend's images and icons (which its CSS references as /assets/...) into an app's public/.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const publicDir = path.resolve(process.argv[2] ?? "public");
const require = createRequire(path.join(process.cwd(), "package.json"));
const source = path.join(path.dirname(require.resolve("nhsuk-frontend/package.json")), "dist/nhsuk/assets");
fs.cpSync(source, path.join(publicDir, "assets"), { recursive: true });
