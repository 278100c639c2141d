/**
 * The paging rules every list operation keeps, over real HTTP against the `large` seed: MaxResults within
 * 1..the operation's maximum, and made-up or damaged tokens, or another operation's, refused.
 */
import { describe, it } from 'vitest';
import { badTokens, expectTokenRefused, refusedAsInvalid, usePagedEmulator } from '../../testing/pagination';

const env = usePagedEmulator();

/** A cluster of the seed: each has three tags, so two to a page leave a token. */
const seededCluster = async (): Promise<string> => (await env.clusterPages(undefined, 25))[0]!.ClusterId!;
type Page = { MaxResults?: number; NextToken?: string };

describe.each([
  { name: 'DescribeClusters', max: 25, send: env.describeClusters, token: env.firstClusterToken, foreign: env.firstBackupToken },
  { name: 'DescribeBackups', max: 50, send: env.describeBackups, token: env.firstBackupToken, foreign: env.firstClusterToken },
  {
    name: 'ListTags',
    max: 100,
    send: async (page: Page) => env.listTags({ ResourceId: await seededCluster(), ...page }),
    token: async () => env.firstTagsToken(await seededCluster()),
    foreign: env.firstClusterToken,
  },
])('$name paging', ({ max, send, token, foreign }) => {
  it(`refuses MaxResults outside 1..${max}`, async () => {
    await refusedAsInvalid(send({ MaxResults: max + 1 }), new RegExp(`maxResults.*less than or equal to ${max}`));
    await refusedAsInvalid(send({ MaxResults: 0 }), /maxResults.*greater than or equal to 1/);
  });

  it('refuses forged and damaged tokens, and a token of another list operation', async () => {
    const real = await token();
    for (const bad of [...badTokens(real), await foreign()]) await expectTokenRefused(send({ NextToken: bad }));
  });
});
