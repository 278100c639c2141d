import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { dashboardApiPlugin } from './src/server/vitePlugin';

export default defineConfig({
  // dashboardApiPlugin: /api and /aws on the dev server (npm run dev), the same handler as npm start.
  plugins: [react(), tailwindcss(), dashboardApiPlugin()],
  build: { outDir: 'dist', sourcemap: true },
});
