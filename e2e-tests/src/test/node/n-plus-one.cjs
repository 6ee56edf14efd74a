// A request handler that reads authors and then their books, instrumented by the official
// @sentry/node SDK (its automatic `pg` instrumentation) and sent to $FAULTLINE_DSN as a span
// stream. MODE=loop queries the books one author at a time (an N+1); MODE=fixed reads them in
// one query. Each books query sleeps 20 ms in PostgreSQL so the loop costs what a real one on a
// remote database would. Prints the trace id. CommonJS so that NODE_PATH can point at
// tools/node_modules.
const Sentry = require('@sentry/node');

Sentry.init({
  dsn: process.env.FAULTLINE_DSN,
  release: 'library@2.0.0',
  environment: 'e2e',
  tracesSampleRate: 1.0,
});

// After init, so the SDK instruments it.
const { Client } = require('pg');

async function main() {
  const client = new Client({
    host: process.env.PGHOST || '127.0.0.1',
    port: Number(process.env.PGPORT || 5432),
    user: process.env.PGUSER || 'postgres',
    database: process.env.PGDATABASE || 'postgres',
  });
  await client.connect();
  await client.query('CREATE TEMP TABLE authors (id int PRIMARY KEY, name text)');
  await client.query('CREATE TEMP TABLE books (id serial PRIMARY KEY, author_id int, title text)');
  await client.query("INSERT INTO authors SELECT i, 'author ' || i FROM generate_series(1, 8) AS i");
  await client.query("INSERT INTO books (author_id, title) SELECT i, 'book ' || i FROM generate_series(1, 8) AS i");
  let traceId;
  await Sentry.startSpan({ name: 'GET /authors', op: 'http.server' }, async (span) => {
    traceId = span.spanContext().traceId;
    const authors = await client.query('SELECT id, name FROM authors ORDER BY id');
    if (process.env.MODE === 'loop') {
      for (const author of authors.rows) {
        await client.query('SELECT pg_sleep(0.02), title FROM books WHERE author_id = $1', [author.id]);
      }
    } else {
      await client.query('SELECT pg_sleep(0.02), author_id, title FROM books WHERE author_id = ANY($1)', [
        authors.rows.map((author) => author.id),
      ]);
    }
  });
  await client.end();
  await Sentry.flush(10000);
  console.log(traceId);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
