import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The dev server forwards API traffic so the SPA can use same-origin URLs (and the
// session cookie) exactly as it does when the API serves the built files.
const apiUrl = process.env.API_URL ?? 'http://127.0.0.1:4000';
const proxied = { target: apiUrl, changeOrigin: false };

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than our code: separate chunks stay cached across deploys.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            { name: 'mantine', test: /node_modules[\\/](@mantine|@floating-ui|@tabler)[\\/]/ },
            { name: 'apollo', test: /node_modules[\\/](@apollo|graphql|rxjs|@wry|optimism|tslib)[\\/]/ },
          ],
        },
      },
    },
  },
  // `vite preview` inherits server.proxy.
  server: {
    proxy: {
      // ws: live updates (GraphQL subscriptions over WebSocket on the same path).
      '/graphql': { ...proxied, ws: true },
      '/healthz': proxied,
      '/auth': proxied,
    },
  },
});
