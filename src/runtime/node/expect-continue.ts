// HTTP `Expect: 100-continue` answered when the handler first reads the body, so a request refused before that
// (401, 503 queue_full…) is answered without its body ever being sent.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/**
 * Without a 'checkContinue' listener Node sends `100 Continue` as soon as the headers arrive, before any handler has
 * looked at them. This sends it on the first read of the body instead (what Go's net/http does).
 *
 * A response that starts before the body was asked for is sent with `Connection: close` and the socket closed after
 * it: Node does that itself for a response to `Expect: 100-continue` that went out without `100 Continue`, since the
 * client's next bytes may be the body after all (RFC 9110 §10.1.1) and cannot be told from a new request.
 */
export function continueOnFirstRead(server: Server): void {
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    hookFirstRead(req, res);
    server.emit('request', req, res);
  });
}

function hookFirstRead(req: IncomingMessage, res: ServerResponse): void {
  // `read` rather than `_read`: every way of consuming a Readable goes through it ('data' listeners, resume(), pipe,
  // Readable.toWeb, async iteration, read() itself), while `_read` is skipped when the body is already buffered whole
  // (a client that stopped waiting and sent it anyway).
  const read = req.read;
  req.read = function (this: IncomingMessage, size?: number) {
    req.read = read;
    // Once the answer has started, a read is Node or the adapter discarding what is left; the client, told nothing,
    // keeps its body, and the connection ends with the answer.
    if (!res.headersSent && !res.writableEnded && !req.complete) res.writeContinue();
    return read.call(this, size) as unknown;
  };
}
