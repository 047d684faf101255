// What a first visit to a console page downloads: each file's size raw and gzipped as the
// server sends it (its .gz twin when the build made one, else gzip -9 here), and the total
// against issue 23's aim; files fetched only on demand are listed apart. Figures only.
//
//   node download_size.mjs <folder> <file>... [--on-demand <file>...]
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const AIM_BYTES = 450 * 1000;
const args = process.argv.slice(2);
const folder = args.shift();
const split = args.indexOf("--on-demand");
const atStart = split < 0 ? args : args.slice(0, split);
const onDemand = split < 0 ? [] : args.slice(split + 1);
if (!folder || atStart.length === 0) {
  console.error("usage: node download_size.mjs <folder> <file>... [--on-demand <file>...]");
  process.exit(2);
}

const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

function sizeOf(name) {
  const file = path.join(folder, name);
  const raw = readFileSync(file);
  const twin = `${file}.gz`;
  const gzip = existsSync(twin) ? readFileSync(twin).length : gzipSync(raw, { level: 9 }).length;
  return { raw: raw.length, gzip };
}

function show(names) {
  let total = 0;
  for (const name of names) {
    const { raw, gzip } = sizeOf(name);
    total += gzip;
    console.log(`  ${name.padEnd(20)} ${String(gzip).padStart(9)} bytes gzipped (${kB(raw)} raw)`);
  }
  return total;
}

console.log(`download of ${folder}, first visit:`);
const total = show(atStart);
console.log(`  ${"total".padEnd(20)} ${String(total).padStart(9)} bytes gzipped, ${kB(total)} ` +
            `(aim at most ${kB(AIM_BYTES)}: ${total <= AIM_BYTES ? "met" : "NOT met"})`);
if (onDemand.length > 0) {
  console.log("only when the page needs it:");
  show(onDemand);
}
