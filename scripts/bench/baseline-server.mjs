// The yardstick: a bare node:http server answering a fixed 20 KB HTML page.
// Measured in the same run as each portal page, it shows how much of the
// machine (2 shared cores, load generator included) any Node server could get,
// so a page's requests/s can be read as a ratio that survives a noisy machine.
// Plain JavaScript, run by node without tsx, so that nothing but node:http is
// being measured. It listens on a free port and tells its parent which one.
import http from "node:http";

const row = '<tr><td class="crop">ສາລີ (Maize)</td><td>Grade 1</td><td>12,500 kg</td><td>3,200 LAK/kg</td></tr>\n';
const head = '<!DOCTYPE html><html lang="lo"><head><meta charset="utf-8"><title>Baseline</title></head><body><table>\n';
const tail = "</table></body></html>\n";
const SIZE = 20 * 1024;
let rows = "";
while (Buffer.byteLength(head + rows + row + tail) <= SIZE) rows += row;
// Pad with spaces to exactly 20 KB so the baseline's size never drifts.
const filler = " ".repeat(SIZE - Buffer.byteLength(head + rows + tail));
const body = Buffer.from(head + rows + filler + tail);

const server = http.createServer((_request, response) => {
  response.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": body.length });
  response.end(body);
});

server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  if (process.send) process.send({ port, bytes: body.length });
  else console.log(`baseline on http://127.0.0.1:${port} (${body.length} bytes)`);
});

// The parent going away (even by SIGKILL) closes the IPC channel: do not outlive it.
process.on("disconnect", () => process.exit(0));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
