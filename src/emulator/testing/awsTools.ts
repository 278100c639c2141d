/** Test helper: the environment the AWS CLI and boto3 run in against the emulator, none of the caller's AWS settings. */

export function awsToolEnv(credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }): NodeJS.ProcessEnv {
  // Only what the tools need to start (PATH, HOME, pyenv).
  const inherited = Object.fromEntries(
    ['PATH', 'HOME', 'PYENV_ROOT', 'PYENV_VERSION', 'PYTHONPATH', 'VIRTUAL_ENV', 'LANG'].flatMap((name) => {
      const value = process.env[name];
      return value === undefined ? [] : [[name, value]];
    }),
  );
  return {
    ...inherited,
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    ...(credentials.sessionToken && { AWS_SESSION_TOKEN: credentials.sessionToken }),
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_EC2_METADATA_DISABLED: 'true',
    // One attempt: an error must show up, not be retried away (and a refused call must not take seconds).
    AWS_MAX_ATTEMPTS: '1',
    AWS_PAGER: '',
  };
}
