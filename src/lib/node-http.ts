// node:http and node:https through require(), never an ES import. An ES import of a built-in
// copies every export into the module's namespace, and reading node:http's lazy exports
// (WebSocket, MessageEvent, CloseEvent) loads Node's bundled undici: 760 KB of source kept in the
// heap for the life of the process, and its compiled code, for nothing Okence uses (measured on
// Node 24; src/db/lazy-load.test.ts keeps it so). require() reads only what is asked for.
import type * as Http from 'node:http';
import type * as Https from 'node:https';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Node's http module, without its lazy exports. */
export const http = require('node:http') as typeof Http;
/** Node's https module. */
export const https = require('node:https') as typeof Https;
