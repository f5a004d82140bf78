// Writes precompressed copies next to each text asset in dist/ (NAME.gz at gzip level 9,
// NAME.br at brotli quality 11) for hosts that serve them: node scripts/compress.mjs
import { readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const TEXT = /\.(html|js|json|wasm|css|svg|webmanifest)$/;
let count = 0;
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (TEXT.test(name)) {
      const bytes = readFileSync(path);
      writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
      writeFileSync(`${path}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
      count += 1;
    }
  }
}
walk(process.argv[2] ?? 'dist');
console.log(`compress.mjs: ${count} files written as .gz and .br`);
