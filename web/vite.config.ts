/**
 * The browser app's build: React, output in web/dist with a manifest (bench/web/size.ts reads it to
 * measure what a phone downloads on first load), and a brotli and a gzip copy of every asset next
 * to it, which the hub serves as they are (src/web/static.ts, `preCompressed`): no compression
 * work per request, and the best compression level every time. `npm run dev:web` proxies the API
 * to a running hub.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";

const hub = process.env.HOSO_HUB_URL ?? "http://127.0.0.1:3000";

/**
 * Vite bundles React's development build when NODE_ENV says so (vitest sets `test`): twice the
 * size, and every effect run twice. A release must never ship that, so the build refuses.
 */
function productionOnly(): Plugin {
  return {
    name: "hoso-production-only",
    apply: "build",
    configResolved(config) {
      if (!config.isProduction) throw new Error(`NODE_ENV=${process.env.NODE_ENV ?? ""} would bundle React's development build: build with NODE_ENV=production (or unset)`);
    },
  };
}

/** Writes `x.br` and `x.gz` beside each text asset big enough to gain from it. */
function precompress(): Plugin {
  return {
    name: "hoso-precompress",
    apply: "build",
    writeBundle(options, bundle) {
      const dir = options.dir ?? "";
      for (const name of Object.keys(bundle)) {
        if (!/\.(js|css|html|svg|json)$/.test(name) || name.startsWith(".vite/")) continue;
        const file = join(dir, name);
        const data = readFileSync(file);
        if (data.length < 1024) continue;
        writeFileSync(`${file}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "/",
  plugins: [productionOnly(), react(), precompress()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    manifest: true,
    // es2022 covers Chrome 94+ and Safari 16+ (the phones in use) and keeps the output small.
    target: "es2022",
    modulePreload: { polyfill: false },
    // ECharts alone is ~530 kB raw; it is a lazy chunk, and bench/web checks what matters.
    chunkSizeWarningLimit: 600,
  },
  server: { proxy: { "/api": hub, "/oauth": hub } },
});
