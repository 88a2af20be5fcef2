/**
 * Accepts WebSocket upgrades at `/collab` on the HTTP server and hands each socket to
 * Hocuspocus. Hocuspocus 4 is transport-agnostic (`handleConnection` + `handleMessage` +
 * `handleClose`, see its `Server.ts`), which lets it share the port with the HTTP API.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Hocuspocus } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';

/** Path of the collaboration endpoint. */
export const COLLAB_PATH = '/collab';

/** Largest WebSocket message accepted (a whole imported map as one update fits). */
const MAX_MESSAGE_BYTES = 20 * 1024 * 1024;

function toBytes(data: RawData): Uint8Array {
  const buffer = Array.isArray(data)
    ? Buffer.concat(data)
    : data instanceof ArrayBuffer
      ? Buffer.from(data)
      : data;
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/**
 * True when the message has the Hocuspocus framing (document name, then message type).
 * Checked here because Hocuspocus reads the name of an established connection's message
 * outside its error handling.
 */
function isFramed(message: Uint8Array): boolean {
  try {
    const decoder = decoding.createDecoder(message);
    decoding.readVarString(decoder);
    decoding.readVarUint(decoder);
    return true;
  } catch {
    return false;
  }
}

function toWebRequest(request: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  return new Request(new URL(request.url ?? '/', 'http://localhost'), { headers });
}

function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`,
  );
}

/** The collaboration endpoint: an upgrade handler and a way to close every socket. */
export interface CollabEndpoint {
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): Promise<void>;
}

/**
 * Creates the `/collab` endpoint for `hocuspocus`. `refusal` applies the server's host and
 * origin rules to each upgrade (`local-origin.ts`): it returns why one is refused, or `null`.
 */
export function createCollabEndpoint(
  hocuspocus: Hocuspocus,
  refusal: (request: IncomingMessage) => string | null,
): CollabEndpoint {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  const accept = (ws: WebSocket, request: IncomingMessage) => {
    const connection = hocuspocus.handleConnection(ws, toWebRequest(request));
    ws.on('message', (data) => {
      const message = toBytes(data);
      if (!isFramed(message)) {
        ws.close(4400, 'malformed message');
        return;
      }
      connection.handleMessage(message);
    });
    ws.on('close', (code, reason) => connection.handleClose({ code, reason: reason.toString() }));
    // A socket error is followed by 'close'; without a listener ws would throw it.
    ws.on('error', () => {});
  };

  return {
    handleUpgrade(request, socket, head) {
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      if (path !== COLLAB_PATH) return refuse(socket, 404, 'Not Found');
      if (refusal(request) !== null) return refuse(socket, 403, 'Forbidden');
      wss.handleUpgrade(request, socket, head, (ws) => accept(ws, request));
    },
    async close() {
      for (const client of wss.clients) client.close(1001, 'server shutting down');
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
