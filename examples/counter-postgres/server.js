// Counts visits in the app's PostgreSQL database: each GET / adds one and answers `visits: N`.
const http = require("http");
const { Pool } = require("pg");

const port = Number(process.env.PORT || 8080);
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 5 });
// An idle connection dropped by a restarting server is replaced on the next query; without a
// listener its error would end the process.
pool.on("error", (err) => console.error(`idle database connection failed: ${err.message}`));

let schema = null;
function ensureSchema() {
  schema ??= pool
    .query("CREATE TABLE IF NOT EXISTS visits (id int PRIMARY KEY, count bigint NOT NULL)")
    .catch((err) => {
      schema = null;
      throw err;
    });
  return schema;
}

async function visit() {
  await ensureSchema();
  const { rows } = await pool.query(
    "INSERT INTO visits (id, count) VALUES (1, 1)" +
      " ON CONFLICT (id) DO UPDATE SET count = visits.count + 1 RETURNING count",
  );
  return rows[0].count;
}

http
  .createServer((req, res) => {
    if (req.method !== "GET" || req.url !== "/") {
      res.writeHead(404, { "Content-Type": "text/plain" });
      res.end("not found\n");
      return;
    }
    visit().then(
      (count) => {
        res.writeHead(200, { "Content-Type": "text/plain" });
        res.end(`visits: ${count}\n`);
      },
      (err) => {
        console.error(`counting the visit failed: ${err.message}`);
        res.writeHead(503, { "Content-Type": "text/plain" });
        res.end(`database unavailable: ${err.message}\n`);
      },
    );
  })
  .listen(port, () => console.log(`counter-postgres listening on ${port}`));
