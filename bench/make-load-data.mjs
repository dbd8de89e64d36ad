// The data of ParquetLoadBench: N rows (default 10,000,000) of one DOUBLE column x, written
// twice, as CSV (x, then one shortest round-trip decimal per line) and as Parquet (hyparquet-writer,
// Snappy, 1,000,000 rows per row group). The values are 10 - 3 log(1 - u), u from a fixed xorshift.
//   npm install --no-save --prefix /tmp/pq hyparquet-writer@0.17.0
//   NODE_PATH=/tmp/pq/node_modules node bench/make-load-data.mjs /tmp/load 10000000
import { createRequire } from 'node:module'
import { mkdirSync, createWriteStream } from 'node:fs'
const require = createRequire(process.env.NODE_PATH ? process.env.NODE_PATH + '/' : import.meta.url)
const { parquetWriteFile } = await import(require.resolve('hyparquet-writer'))

const dir = process.argv[2] ?? '/tmp/load'
const n = Number(process.argv[3] ?? 10_000_000)
mkdirSync(dir, { recursive: true })
let s = 0x9e3779b97f4a7c15n
const x = new Float64Array(n)
for (let i = 0; i < n; i++) {
  s ^= (s << 13n) & 0xffffffffffffffffn; s ^= s >> 7n; s ^= (s << 17n) & 0xffffffffffffffffn
  x[i] = 10 - 3 * Math.log(1 - Number(s >> 11n) / 2 ** 53)
}
const csv = createWriteStream(`${dir}/x.csv`)
const chunk = 100_000
csv.write('x\n')
for (let i = 0; i < n; i += chunk) {
  const lines = []
  for (let j = i; j < Math.min(n, i + chunk); j++) lines.push(String(x[j]))
  if (!csv.write(lines.join('\n') + '\n')) await new Promise(r => csv.once('drain', r))
}
await new Promise(r => csv.end(r))
parquetWriteFile({
  filename: `${dir}/x.parquet`,
  codec: 'SNAPPY',
  rowGroupSize: 1_000_000,
  columnData: [{ name: 'x', data: x, type: 'DOUBLE', nullable: false }],
})
