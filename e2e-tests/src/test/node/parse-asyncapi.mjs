// Parses AsyncAPI documents with the official parser (@asyncapi/parser), as a partner's tooling
// would, following their references over HTTP. Usage: node parse-asyncapi.mjs <url>...
// Prints every diagnostic; exits 1 when a document does not parse or has an error-level diagnostic.
import { Parser, fromURL } from '@asyncapi/parser';

const parser = new Parser();
let failed = false;
for (const url of process.argv.slice(2)) {
  const { document, diagnostics } = await fromURL(parser, url).parse();
  const errors = diagnostics.filter((d) => d.severity === 0);
  for (const d of diagnostics) {
    console.log(`${url} [${['error', 'warning', 'info', 'hint'][d.severity]}] ${d.code}: ${d.message} at ${d.path.join('.')}`);
  }
  const messages = document ? document.allMessages().length : 0;
  console.log(`${url}: ${document ? 'parsed' : 'NOT parsed'}, ${messages} messages, ${errors.length} errors, `
    + `${diagnostics.length - errors.length} other diagnostics`);
  failed ||= !document || errors.length > 0;
}
process.exit(failed ? 1 : 0);
