// `npm run operator -- <command>`: the operator's command line (src/operator/cli.ts lists the commands).
import { runCli } from '../src/operator/cli.ts';

const status = await runCli(process.argv.slice(2), process.env, {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
process.exit(status);
