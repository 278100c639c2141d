import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { dashboardApiPlugin } from './src/server/vitePlugin';

export default defineConfig({
  // dashboardApiPlugin: /api and /aws on the dev server (npm run dev), the same handler as npm start.
  plugins: [react(), tailwindcss(), dashboardApiPlugin()],
  // bowser only feeds the SDK's User-Agent header (src/aws/userAgentParser.ts says why it is left out).
  resolve: { alias: [{ find: /^bowser$/, replacement: fileURLToPath(new URL('./src/aws/userAgentParser.ts', import.meta.url)) }] },
  build: { outDir: 'dist', sourcemap: true },
});
