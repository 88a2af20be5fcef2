/**
 * Vite build of the Helhet web app. The server (`@helhet/server`) serves `dist/` at `/`;
 * during development the dev server proxies the API and the collaboration socket to a
 * locally running server on port 4321.
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const backend = 'http://127.0.0.1:4321';

/** Modules without top-level side effects that do not say so in their package.json. */
const PURE_MODULES =
  /([\\/]packages[\\/]model[\\/]src[\\/])|(node_modules[\\/](graphology[^\\/]*|mnemonist|obliterator|pandemonium|fast-xml-parser)[\\/])/;

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      // `@helhet/model` is pure (no I/O, no top-level effects) and so are the graph libraries
      // its analysis uses, but only yjs and lib0 declare it in package.json. Declaring it here
      // lets the start and workspace pages import the model's schemas without also shipping
      // graphology and friends.
      treeshake: {
        moduleSideEffects: (id: string) => !PURE_MODULES.test(id),
      },
      output: {
        // The map route's heavy libraries (React Flow, Yjs, Hocuspocus) get chunks of their
        // own, loaded only by the lazily imported map page.
        codeSplitting: {
          groups: [
            {
              name: 'react-flow',
              test: /node_modules[\\/]@xyflow[\\/]/,
              includeDependenciesRecursively: false,
            },
            {
              name: 'yjs',
              test: /node_modules[\\/](yjs|lib0|y-protocols|@hocuspocus)[\\/]/,
              includeDependenciesRecursively: false,
            },
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
