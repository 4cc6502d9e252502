import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { firstScreenChunks } from './vite-plugins/first-screen-chunks.ts';
import { precompress } from './vite-plugins/precompress.ts';

const host = '127.0.0.1';

export default defineConfig({
  plugins: [
    react(),
    tailwindcss(),
    // The login page's code as one file, and the shell's and the servers list's (where sign-in lands) as another.
    firstScreenChunks('servers-route', [/src[\\/]app[\\/]routes[\\/](app-layout|servers)-route\.tsx$/]),
    precompress(),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      // zod's builders have no side effects, but the bundler cannot tell: without this, every
      // schema of a contract module a page imports stays in its chunk, used or not. (So a bare
      // `z.config(...)` call would be dropped from the SPA too: it installs nothing there.)
      treeshake: { manualPureFunctions: ['z'] },
    },
  },
  // `npm run dev` serves the SPA with hot reload and proxies /api to a BFF started with `npm start`.
  server: { host, port: 5173, strictPort: true, proxy: { '/api': 'http://127.0.0.1:8080' } },
  preview: { host, port: 4173, strictPort: true },
  test: {
    reporters: ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'spa',
          environment: 'jsdom',
          include: ['src/{app,features,components,lib}/**/*.test.{ts,tsx}'],
          setupFiles: ['src/lib/testing/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/{domain,server,simulator}/**/*.test.ts', 'src/*.test.ts'],
          testTimeout: 15_000,
        },
      },
      {
        extends: true,
        test: {
          // The suites that hold the BFF against OpenStack: the simulator here, a real cloud with
          // STACKDECK_TEST_CLOUD (`npm run test:real`). Real actions take seconds each.
          name: 'contract',
          environment: 'node',
          include: ['src/contract/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
