// @ts-check
// Loads @prisma/schema-engine-wasm by hand: its entry imports the .wasm file as an ES module,
// which Node 20 only allows behind --experimental-wasm-modules.
import fs from "node:fs";
import { createRequire } from "node:module";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";

const require = createRequire(import.meta.url);

/** @type {Promise<typeof bindings> | undefined} */
let loading;

/** The message of the last Rust panic; the WASM panic hook reports it here before trapping. */
export const panics = { last: /** @type {string | undefined} */ (undefined) };
/** @type {any} */ (globalThis).PRISMA_WASM_PANIC_REGISTRY = {
  set_message(/** @type {string} */ message) {
    panics.last = message;
  },
};

/** @returns {Promise<typeof bindings>} the initialised bindings (SchemaEngine, version) */
export function loadSchemaEngineWasm() {
  loading ??= (async () => {
    const wasmFile = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg").replace(/\.js$/, ".wasm");
    const { instance } = await WebAssembly.instantiate(fs.readFileSync(wasmFile), {
      "./schema_engine_bg.js": /** @type {any} */ (bindings),
    });
    bindings.__wbg_set_wasm(instance.exports);
    /** @type {any} */ (instance.exports).__wbindgen_start();
    return bindings;
  })();
  return loading;
}
