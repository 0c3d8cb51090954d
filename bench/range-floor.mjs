// The floor for the Range benchmark: the same answers (206, Content-Range, Content-Length, the
// bytes) from plain node:http and fs, with no framework, session or database. What it reaches
// on the same machine at the same moment says how much of the app's figure is the machine.
// Usage: node bench/range-floor.mjs <file> — prints the port it listens on (127.0.0.1).
import fs from "node:fs";
import http from "node:http";

const file = process.argv[2];
const server = http.createServer((req, res) => {
  const m = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? "");
  fs.stat(file, (err, st) => {
    if (err || !m || Number(m[2]) >= st.size) return res.writeHead(416).end();
    const [start, end] = [Number(m[1]), Number(m[2])];
    res.writeHead(206, { "content-type": "video/mp4", "content-range": `bytes ${start}-${end}/${st.size}`, "content-length": end - start + 1 });
    fs.createReadStream(file, { start, end }).pipe(res);
  });
});
server.listen(0, "127.0.0.1", () => console.log(server.address().port));
