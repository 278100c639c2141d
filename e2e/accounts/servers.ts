/**
 * The accounts project's two servers (issue 15): a standalone emulator holding two accounts, and the dashboard
 * in AWS mode against it, whose base credentials belong to the first account and which reaches the second
 * through --assume-role. The keys are not secrets: the emulator only checks that requests are signed with them.
 */
const PORT = Number(process.env.E2E_PORT ?? 8399);
const DASHBOARD_PORT = PORT + 4;
const EMULATOR_PORT = PORT + 5;

export const BASE_ACCOUNT = '123456789012';
export const SECOND_ACCOUNT = '444455556666';
export const ROLE_NAME = 'CloudHsmDashboardReader';
export const EMULATOR_URL = `http://127.0.0.1:${EMULATOR_PORT}`;
/** The second account's own key, for a spec to put clusters there as that account's operator would. */
export const SECOND_CREDENTIALS = { accessKeyId: 'AKIAE2ESECOND0000001', secretAccessKey: 'e2e-second-secret' } as const;
const BASE_CREDENTIALS = { accessKeyId: 'AKIAE2EBASE000000001', secretAccessKey: 'e2e-base-secret' } as const;

export const ACCOUNTS_EMULATOR = {
  command:
    `npx tsx src/emulator/node/cli.ts --port ${EMULATOR_PORT} --speed 600 --seed demo --in-memory --account ${BASE_ACCOUNT}` +
    ` --credentials ${BASE_CREDENTIALS.accessKeyId}:${BASE_CREDENTIALS.secretAccessKey}:${BASE_ACCOUNT}` +
    ` --credentials ${SECOND_CREDENTIALS.accessKeyId}:${SECOND_CREDENTIALS.secretAccessKey}:${SECOND_ACCOUNT}`,
  port: EMULATOR_PORT,
};

export const ACCOUNTS_DASHBOARD = {
  command:
    `npx tsx src/server/main.ts --port ${DASHBOARD_PORT} --aws --endpoint-url ${EMULATOR_URL}` +
    ` --poll-seconds 2 --regions us-east-1,us-west-2,eu-west-1 --assume-role arn:aws:iam::${SECOND_ACCOUNT}:role/${ROLE_NAME}`,
  url: `http://127.0.0.1:${DASHBOARD_PORT}`,
  // The base account's credentials as the SDK's chain reads them from the environment (no profile, no file).
  env: {
    AWS_ACCESS_KEY_ID: BASE_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: BASE_CREDENTIALS.secretAccessKey,
    AWS_REGION: 'us-east-1',
    AWS_PROFILE: '',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  },
};
