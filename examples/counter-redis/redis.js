// The little of Redis's protocol (RESP) this app needs: commands whose replies are one line
// (+OK, :42, -ERR ...), sent on a fresh connection each time, so a restarted server is no issue.
const net = require("net");

const TIMEOUT_MS = 5000;

function encode(args) {
  return `*${args.length}\r\n` + args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join("");
}

/** Runs `commands` (arrays of strings) after AUTH when the url has a password; the last reply. */
function run(redisUrl, commands) {
  const url = new URL(redisUrl);
  const password = decodeURIComponent(url.password);
  const all = password ? [["AUTH", password], ...commands] : commands;
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(url.port || 6379), url.hostname);
    const replies = [];
    let pending = "";
    socket.setTimeout(TIMEOUT_MS, () => socket.destroy(new Error("redis did not answer")));
    socket.on("error", reject);
    socket.on("connect", () => socket.write(all.map(encode).join("")));
    socket.on("data", (chunk) => {
      pending += chunk.toString("utf8");
      for (let eol = pending.indexOf("\r\n"); eol >= 0; eol = pending.indexOf("\r\n")) {
        replies.push(pending.slice(0, eol));
        pending = pending.slice(eol + 2);
      }
      const failed = replies.find((r) => r.startsWith("-"));
      if (failed) {
        socket.destroy();
        reject(new Error(failed.slice(1)));
      } else if (replies.length === all.length) {
        socket.end();
        resolve(replies[replies.length - 1].slice(1));
      }
    });
  });
}

module.exports = { run };
