// `npm start [-- flags]`: install and build if needed, then run the dashboard server.
import { ensureBuild, ensureDependencies, run } from './setup.mjs';

ensureDependencies();
ensureBuild();
process.exit(run('npx', ['tsx', 'src/server/main.ts', ...process.argv.slice(2)]));
