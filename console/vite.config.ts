import { defineConfig } from "vite";

export default defineConfig({
  base: "/console/",
  build: {
    outDir: "../functions/optout/console_dist",
    emptyOutDir: true,
    cssCodeSplit: false,
    modulePreload: false,
    rollupOptions: {
      output: {
        entryFileNames: "assets/console.js",
        chunkFileNames: "assets/[name].js",
        // One stylesheet, named for the console; other assets keep their names.
        assetFileNames: (asset) =>
          (asset.names ?? []).some((n) => n.endsWith(".css")) ? "assets/console.css" : "assets/[name][extname]",
      },
    },
  },
});
