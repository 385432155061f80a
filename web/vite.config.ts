import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = path.dirname(fileURLToPath(import.meta.url));

// No React plugin: Vite's built-in Oxc transform compiles TSX with the automatic JSX runtime.
export default defineConfig({
  root,
  oxc: { jsx: { runtime: 'automatic' } },
  build: { outDir: path.join(root, 'dist'), emptyOutDir: true, sourcemap: true },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
