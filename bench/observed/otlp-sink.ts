/**
 * The loopback OTLP/HTTP sink the observed bench variants export spans to: `node --import tsx
 * bench/observed/otlp-sink.ts`, started by `listening-child.ts`. Reads each export request whole, counts the
 * spans it carries, and answers 200 `{}` as a collector does. Prints its span count on exit.
 */
import { createServer } from 'node:http';
import { announceListening } from '../serve-until-stopped.js';

let exports = 0;
let bytes = 0;
const server = createServer((request, response) => {
  request.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
  });
  request.on('end', () => {
    exports++;
    response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('sink: no port');
  announceListening(address.port, async () => {
    console.error(`otlp sink: ${exports} export requests, ${bytes} bytes`);
    server.close();
  });
});
