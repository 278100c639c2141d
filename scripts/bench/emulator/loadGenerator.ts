/** The child process's side: runs each scenario the bench sends and answers with its result. */
import type { FromGenerator, ToGenerator } from './protocol';
import { runScenario } from './runScenario';

export function loadGenerator(): void {
  const send = (message: FromGenerator): void => {
    process.send?.(message);
  };
  process.on('message', (message: ToGenerator) => {
    if (message.type === 'exit') {
      process.disconnect();
      return;
    }
    runScenario(message.url, message.scenario).then(
      (result) => send({ type: 'result', result }),
      (error: unknown) => send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    );
  });
  send({ type: 'ready' });
}
