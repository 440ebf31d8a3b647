/*
 * The package's bundle dist/cli.js: run as a program (the `outcome-lint` bin), it is the
 * command; required (`require('outcome-lint')`), it is the API (./index.ts). One bundle
 * for both keeps the installed package small; each part is loaded only when used, so
 * that `outcome-lint --version` does not load the API, nor the API the command line.
 */

if (require.main === module) require('../cli/index');
else module.exports = require('./index');
