import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createServer } from './server';

/*
 * The bundled entry point, dist/server.js: the language server over stdio or IPC, as the
 * client asks (`--stdio`, `--node-ipc`).
 */

const connection = createConnection(ProposedFeatures.all);

// The server never dies on a document: a bug is logged, and the next request is served.
process.on('uncaughtException', (error) => connection.console.error(`outcome-lint internal error: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => connection.console.error(`outcome-lint internal error: ${String(reason)}`));

createServer(connection);
connection.listen();
