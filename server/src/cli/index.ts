import { main } from './main';

// The bundled entry point: dist/cli.js.
process.exitCode = main(process.argv.slice(2), (s) => process.stdout.write(`${s}\n`), (s) => process.stderr.write(`${s}\n`));
