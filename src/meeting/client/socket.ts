// The signalling socket to the server: one at a time. When it closes, meeting.ts decides
// whether to open another; events of a socket that was replaced or closed by us are ignored.
import type { ClientMessage, ServerMessage } from '../protocol.ts';

let socket: WebSocket | null = null;

/** Opens the socket (replacing any), handing each server message and the close code on. */
export function connect(
  url: string,
  onMessage: (message: ServerMessage) => void,
  onClose: (code: number) => void,
): void {
  const ws = new WebSocket(url);
  socket = ws;
  ws.addEventListener('message', (event) => {
    if (socket !== ws || typeof event.data !== 'string') return;
    let message: ServerMessage;
    try {
      message = JSON.parse(event.data) as ServerMessage;
    } catch {
      return;
    }
    onMessage(message);
  });
  ws.addEventListener('close', (event) => {
    if (socket !== ws) return;
    socket = null;
    onClose(event.code);
  });
}

/** Sends a message if the socket is open; false when it could not be sent. */
export function send(message: ClientMessage): boolean {
  if (socket?.readyState !== WebSocket.OPEN) return false;
  socket.send(JSON.stringify(message));
  return true;
}

/** Closes the socket normally, at once, so the others see us go. */
export function disconnect(): void {
  socket?.close(1000);
  socket = null;
}
