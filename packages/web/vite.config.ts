import { createRequire } from 'node:module';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig, type Plugin } from 'vite';

const require = createRequire(import.meta.url);
/** punkt-assets' dist folder (fonts, icons, logos), bundled instead of loaded from Punkt's CDN. */
const punktAssets = path.join(path.dirname(require.resolve('@oslokommune/punkt-assets/package.json')), 'dist');
const CDN = /https:\/\/punkt-cdn\.oslo\.kommune\.no\/[^/]+\//g;

/**
 * The server's CSP allows only our own origin, so punkt-css must not point at the CDN:
 * its icon URLs and its relative font URLs ("../fonts/…", which punkt-css does not ship) are
 * rewritten to punkt-assets, and Vite then copies exactly the files that are referenced.
 */
function punktLocalAssets(): Plugin {
  return {
    name: 'rusfag:punkt-local-assets',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]@oslokommune[\\/]punkt-css[\\/].*\.css(\?.*)?$/.test(id)) return null;
      return code.replace(CDN, '~punkt-assets/').replace(/url\((["']?)\.\.\/fonts\//g, 'url($1~punkt-assets/fonts/');
    },
    generateBundle(_options, bundle) {
      // A guard, not a hope: the build fails if a stylesheet still names the CDN.
      for (const file of Object.values(bundle)) {
        if (file.type === 'asset' && file.fileName.endsWith('.css') && String(file.source).includes('punkt-cdn')) {
          this.error(`${file.fileName} still refers to punkt-cdn.oslo.kommune.no`);
        }
      }
    },
  };
}

export default defineConfig({
  plugins: [punktLocalAssets(), react()],
  resolve: {
    // @rusfag/core is consumed as TypeScript source (its package exports a "source" condition).
    conditions: ['source', ...defaultClientConditions],
    alias: { '~punkt-assets': punktAssets },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Fonts must stay files: the CSP has font-src 'self' and no data: fonts.
    assetsInlineLimit: (file) => (/\.(woff2?|ttf|otf)$/.test(file) ? false : undefined),
    chunkSizeWarningLimit: 1200,
  },
  server: {
    port: 3201,
    proxy: { '/api': process.env.RUSFAG_API ?? 'http://localhost:3210' },
  },
});
