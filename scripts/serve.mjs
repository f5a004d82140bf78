// Serves dist/ as a host should (precompressed .br/.gz, the README's cache headers) on
// http://127.0.0.1:${PORT:-8080}/ until stopped:  node scripts/serve.mjs
import { serve } from '../tests/e2e/helpers.mjs';

const { url } = await serve({ compressed: true, port: Number(process.env.PORT ?? 8080) });
console.log(`Serving on ${url}`);
