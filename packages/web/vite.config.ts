/**
 * Vite build of the Helhet web app. The server (`@helhet/server`) serves `dist/` at `/`;
 * during development the dev server proxies the API and the collaboration socket to a
 * locally running server on port 4321.
 */
import { defineConfig, type ProxyOptions } from 'vite';
import react from '@vitejs/plugin-react';

const backend = 'http://127.0.0.1:4321';

/**
 * The server answers browsers only from its own origin (not from every loopback port), so
 * the dev server's proxy presents the pages it serves as coming from the backend's origin.
 */
const asBackendOrigin: Pick<ProxyOptions, 'configure'> = {
  configure(proxy) {
    proxy.on('proxyReq', (request) => {
      if (request.getHeader('origin') !== undefined) request.setHeader('origin', backend);
    });
    proxy.on('proxyReqWs', (request) => {
      if (request.getHeader('origin') !== undefined) request.setHeader('origin', backend);
    });
  },
};

/** `@helhet/demografi`, pure (no I/O, no top-level effects) by design. */
const DEMOGRAFI = /[\\/]packages[\\/]demografi[\\/]src[\\/]/;

/** Modules without top-level side effects that do not say so in their package.json. */
const PURE_MODULES =
  /([\\/]packages[\\/](model|demografi)[\\/]src[\\/])|(node_modules[\\/](graphology[^\\/]*|mnemonist|obliterator|pandemonium|fast-xml-parser)[\\/])/;

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
      // graphology and friends. `@helhet/demografi` is pure too: the Fremtid pages take one
      // constant from it on the main thread, not the snapshot codecs and their schemas.
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
  worker: {
    rolldownOptions: {
      // The Fremtid worker uses a part of `@helhet/demografi` (no snapshot builder, no
      // estimation: the server estimates), so it starts sooner without the rest.
      treeshake: {
        moduleSideEffects: (id: string) => !DEMOGRAFI.test(id),
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: backend, ...asBackendOrigin },
      '/collab': { target: backend.replace('http', 'ws'), ws: true, ...asBackendOrigin },
    },
  },
});
