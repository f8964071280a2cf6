import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The API serves the built portal on the same origin; in `pnpm dev`, Vite proxies
// the API routes to the locally running API (port 3000).
const API_ORIGIN = "http://localhost:3000";

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      "/graphql": { target: API_ORIGIN, changeOrigin: false },
      "/health": { target: API_ORIGIN, changeOrigin: false },
      "/files": { target: API_ORIGIN, changeOrigin: false },
      "/reference": { target: API_ORIGIN, changeOrigin: false },
      "/results/import": { target: API_ORIGIN, changeOrigin: false },
      "/exports": { target: API_ORIGIN, changeOrigin: false },
      // Research exports: GET /research/queries/<id>.csv|.xlsx and POST /research/aggregate.csv|.xlsx (not the portal's /recherche).
      "/research/": { target: API_ORIGIN, changeOrigin: false },
    },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Long-lived vendor chunks: they change far less often than the app.
        codeSplitting: {
          groups: [
            { name: "react", test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/, priority: 2 },
            { name: "graphql", test: /node_modules[\\/](@apollo|graphql|rxjs|@wry|optimism|tslib)[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
});
