import { reactRouter } from "@react-router/dev/vite";
import tailwindcss from "@tailwindcss/vite";
import path from "node:path";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [tailwindcss(), reactRouter()],
  // The page script is its own cached file, never inlined as a data: URL
  // (a Content-Security-Policy of 'self' would refuse it).
  build: { assetsInlineLimit: (file: string) => (file.endsWith(".js") ? false : undefined) },
  resolve: { alias: { "~": path.resolve(import.meta.dirname, "app") } },
});
