const http = require("http");

const port = Number(process.env.PORT || 8080);

http
  .createServer((req, res) => {
    res.writeHead(200, { "Content-Type": "text/plain" });
    res.end("Hello from the nodejs example\n");
  })
  .listen(port, () => console.log(`nodejs example listening on ${port}`));
