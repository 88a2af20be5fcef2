// Runs before `npm start`, `npm test` and `npm run bench` on whatever Node.js is installed.
// Plain CommonJS on purpose: the rest of the project is TypeScript run natively by Node.js 24
// (type stripping), which an older Node cannot load; it would crash with a cryptic
// ERR_UNKNOWN_FILE_EXTENSION instead of saying what is wrong.
'use strict';
const required = 24;
const major = Number(process.versions.node.split('.')[0]);
if (!(major >= required)) {
  process.stderr.write(
    `Helhet needs Node.js ${required} or newer; this is Node.js ${process.versions.node}.\n` +
      `Install Node.js ${required} LTS (https://nodejs.org/) and run the command again.\n`,
  );
  process.exit(1);
}
