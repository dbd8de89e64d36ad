// Writes the Parquet test fixtures of parboot-io with an independent writer: hyparquet-writer
// (pure JavaScript, https://github.com/hyparam/hyparquet-writer), not the reader under test.
// Run from this folder (Node.js 20 or newer):
//   npm install --no-save --prefix /tmp/pq hyparquet-writer@0.17.0
//   NODE_PATH=/tmp/pq/node_modules node make-fixtures.mjs
// The files are committed; CI never runs this.
import { createRequire } from 'node:module'
import { gzipSync } from 'node:zlib'
const require = createRequire(process.env.NODE_PATH ? process.env.NODE_PATH + '/' : import.meta.url)
const { parquetWriteFile } = await import(require.resolve('hyparquet-writer'))

const decimal = (name, type, precision, scale, extra = {}) => ({
  name, type, repetition_type: 'OPTIONAL', converted_type: 'DECIMAL', precision, scale,
  logical_type: { type: 'DECIMAL', precision, scale }, ...extra,
})
const column = (name, type, extra = {}) => ({ name, type, repetition_type: 'OPTIONAL', ...extra })

// types.parquet (Snappy, the writer's default): every numeric physical type parboot reads, a
// string column and a BOOLEAN one (which parboot refuses as a statistic column).
parquetWriteFile({
  filename: 'types.parquet',
  codec: 'SNAPPY',
  schema: [
    { name: 'root', num_children: 9 },
    column('i32', 'INT32'),
    column('i64', 'INT64'),
    column('f32', 'FLOAT'),
    column('f64', 'DOUBLE'),
    decimal('dec32', 'INT32', 7, 2),
    decimal('dec64', 'INT64', 15, 3),
    decimal('decfixed', 'FIXED_LEN_BYTE_ARRAY', 20, 4, { type_length: 9 }),
    column('city', 'BYTE_ARRAY', { converted_type: 'UTF8', logical_type: { type: 'STRING' } }),
    column('flag', 'BOOLEAN'),
  ],
  columnData: [
    { name: 'i32', data: [1, -2, 3, 4, 5, 6] },
    { name: 'i64', data: [10n, 20n, -30n, 40n, 9007199254740993n, 60n] },
    { name: 'f32', data: [0.5, 1.25, -2.75, 3.5, 4.0, 5.5] },
    { name: 'f64', data: [1.1, 2.2, 3.3, 4.4, 5.5, 6.6] },
    { name: 'dec32', data: [12.34, -0.05, 100.00, 7.5, 0, 99999.99] },
    { name: 'dec64', data: [1.001, 2.002, -3.003, 4.004, 5.005, 6.006] },
    { name: 'decfixed', data: [1.0001, 2.0002, 3.0003, 4.0004, 5.0005, -6.0006] },
    { name: 'city', data: ['Seattle', 'New York', 'Seattle', ' New York ', 'Seattle', 'New York'] },
    { name: 'flag', data: [true, false, true, false, true, false] },
  ],
})

// nulls.parquet (uncompressed): nulls in a number column and in the string column.
parquetWriteFile({
  filename: 'nulls.parquet',
  codec: 'UNCOMPRESSED',
  schema: [
    { name: 'root', num_children: 2 },
    column('x', 'DOUBLE'),
    column('city', 'BYTE_ARRAY', { converted_type: 'UTF8', logical_type: { type: 'STRING' } }),
  ],
  columnData: [
    { name: 'x', data: [1.5, null, 3.5, 4.5, null, 6.5] },
    { name: 'city', data: ['Seattle', 'Seattle', null, 'New York', 'New York', 'New York'] },
  ],
})

// part-1.parquet and part-2.parquet: one dataset in two files (GZIP and Snappy), several row
// groups in the first.
for (const [file, codec, start] of [['part-1.parquet', 'GZIP', 0], ['part-2.parquet', 'SNAPPY', 2500]]) {
  const n = 2500
  parquetWriteFile({
    filename: file,
    codec,
    compressors: { GZIP: bytes => new Uint8Array(gzipSync(bytes)) },
    rowGroupSize: 1000,
    schema: [
      { name: 'root', num_children: 2 },
      { name: 'x', type: 'DOUBLE', repetition_type: 'REQUIRED' },
      { name: 'site', type: 'BYTE_ARRAY', repetition_type: 'REQUIRED', converted_type: 'UTF8' },
    ],
    columnData: [
      { name: 'x', data: Array.from({ length: n }, (_, i) => (start + i) * 0.5) },
      { name: 'site', data: Array.from({ length: n }, (_, i) => ((start + i) % 3 === 0 ? 'a' : 'b')) },
    ],
  })
}

// projection.parquet: column x (Snappy) beside a column whose pages claim the LZO codec, which
// no Java reader here decodes (the "compressor" leaves the bytes as they are). A read of x alone
// succeeds only if the other column is never read.
parquetWriteFile({
  filename: 'projection.parquet',
  codec: 'SNAPPY',
  compressors: { LZO: bytes => bytes },
  schema: [
    { name: 'root', num_children: 2 },
    { name: 'x', type: 'DOUBLE', repetition_type: 'REQUIRED' },
    { name: 'unreadable', type: 'DOUBLE', repetition_type: 'REQUIRED' },
  ],
  columnData: [
    { name: 'x', data: [1, 2, 3, 4] },
    { name: 'unreadable', data: [5, 6, 7, 8], codec: 'LZO' },
  ],
})
