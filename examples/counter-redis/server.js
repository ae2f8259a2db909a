// Counts visits in the app's Redis: each GET / runs INCR visits and answers `visits: N`.
const http = require("http");
const redis = require("./redis");

const port = Number(process.env.PORT || 8080);

http
  .createServer((req, res) => {
    if (req.method !== "GET" || req.url !== "/") {
      res.writeHead(404, { "Content-Type": "text/plain" });
      res.end("not found\n");
      return;
    }
    redis.run(process.env.REDIS_URL, [["INCR", "visits"]]).then(
      (count) => {
        res.writeHead(200, { "Content-Type": "text/plain" });
        res.end(`visits: ${count}\n`);
      },
      (err) => {
        console.error(`counting the visit failed: ${err.message}`);
        res.writeHead(503, { "Content-Type": "text/plain" });
        res.end(`redis unavailable: ${err.message}\n`);
      },
    );
  })
  .listen(port, () => console.log(`counter-redis listening on ${port}`));
