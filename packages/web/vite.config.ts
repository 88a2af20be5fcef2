/**
 * Vite build of the Helhet web app. The server (`@helhet/server`) serves `dist/` at `/`;
 * during development the dev server proxies the API and the collaboration socket to a
 * locally running server on port 4321.
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const backend = 'http://127.0.0.1:4321';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // The map route pulls in React Flow, Yjs and the Hocuspocus provider; keeping them in
    // their own chunks means the start and workspace pages never download them.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react-flow', test: /node_modules[\\/]@xyflow/ },
            { name: 'yjs', test: /node_modules[\\/](yjs|lib0|y-protocols|@hocuspocus)/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': backend,
      '/collab': { target: backend.replace('http', 'ws'), ws: true },
    },
  },
});
