/**
 * The shape every mutation hook shares: call through the region's client, map errors, invalidate on success.
 * `mutationFor` and `resourceChange` make a hook from what is particular to it (operation, call, rule), so
 * the hook files are tables of those and nothing else.
 */
import type { CloudHSMV2Client, CloudHSMV2ClientResolvedConfig, ServiceInputTypes, ServiceOutputTypes } from '@aws-sdk/client-cloudhsm-v2';
import type { Command } from '@aws-sdk/smithy-client';
import { useMutation, useQueryClient, type QueryKey, type UseMutationResult } from '@tanstack/react-query';
import { useAwsSettings } from '../context';
import { withAwsErrors, type AwsRequestError } from '../errors';
import { patchBackupInWindows } from '../queries/backupWindow';
import { describeBackup } from '../queries/fetchers';
import { backupChangedBy } from './invalidation';

export interface CloudHsmMutationSpec<Variables, Result> {
  operation: string;
  region: string;
  call: (client: CloudHSMV2Client, variables: Variables) => Promise<Result>;
  /**
   * The keys this call changed (see invalidation.ts). Also refreshed when the call is refused: a refusal
   * usually means the page's view was stale (someone else changed the resource), so it must show the truth.
   */
  invalidates: (variables: Variables, result: Result | undefined) => QueryKey[];
}

export function useCloudHsmMutation<Variables, Result>(
  spec: CloudHsmMutationSpec<Variables, Result>,
): UseMutationResult<Result, AwsRequestError, Variables> {
  const { clients } = useAwsSettings();
  const queryClient = useQueryClient();
  const { operation, region, call, invalidates } = spec;
  const refreshInWindows = async (backupRegion: string, backupId: string): Promise<void> => {
    try {
      const fresh = await describeBackup(clients.forRegion(backupRegion), backupId);
      if (fresh) patchBackupInWindows(queryClient, backupRegion, fresh);
    } catch {
      // The call itself succeeded; the windows show the change on their next refresh.
    }
  };
  return useMutation<Result, AwsRequestError, Variables>({
    mutationKey: ['cloudhsm', region, operation],
    mutationFn: (variables) => withAwsErrors({ operation, region }, () => call(clients.forMutation(region), variables)),
    // Returned, so the mutation stays pending until the changed queries have refetched.
    onSuccess: async (result, variables) => {
      const changed = backupChangedBy(operation, region, variables as { BackupId?: string; ResourceId?: string });
      await Promise.all([
        ...invalidates(variables, result).map((queryKey) => queryClient.invalidateQueries({ queryKey })),
        // The windowed lists hold this backup somewhere in their pages: patch its new state in.
        changed && refreshInWindows(changed.region, changed.backupId),
      ]);
    },
    // Not awaited: the error shows at once while the views refetch behind it.
    onError: (_error, variables) => {
      for (const queryKey of invalidates(variables, undefined)) void queryClient.invalidateQueries({ queryKey });
      const changed = backupChangedBy(operation, region, variables as { BackupId?: string; ResourceId?: string });
      if (changed) void refreshInWindows(changed.region, changed.backupId);
    },
  });
}

/** What is particular to one mutation hook; the region is the hook's argument. */
export interface MutationDefinition<Variables, Result> {
  operation: string;
  call: (client: CloudHSMV2Client, variables: Variables) => Promise<Result>;
  /** The rule of invalidation.ts for these variables in the hook's region. */
  invalidates: (region: string, variables: Variables) => QueryKey[];
}

/** The hook (`useXMutation(region)`) for a definition. */
export function mutationFor<Variables, Result>({ operation, call, invalidates }: MutationDefinition<Variables, Result>) {
  return function useDefinedMutation(region: string): UseMutationResult<Result, AwsRequestError, Variables> {
    return useCloudHsmMutation<Variables, Result>({ operation, region, call, invalidates: (variables) => invalidates(region, variables) });
  };
}

/** An invalidation rule of invalidation.ts, given the one resource id it takes. */
export type ResourceRule = (region: string, resourceId: string) => QueryKey[];

/** Applies a one-id rule to the id the variables carry under `member`. */
export const ofResource =
  <Member extends string>(member: Member, rule: ResourceRule) =>
  (region: string, variables: Readonly<Record<Member, string>>): QueryKey[] =>
    rule(region, variables[member]);

/**
 * Hooks for operations on one resource (named by `member` of their variables) whose answer `pick` reads the
 * same way: `const backupChange = resourceChange('BackupId', backupOf)`, then one line a hook.
 */
export function resourceChange<Member extends string, Output, Result>(member: Member, pick: (output: Output) => Result) {
  return <Variables extends Readonly<Record<Member, string>>>(
    operation: string,
    send: (client: CloudHSMV2Client, variables: Variables) => Promise<Output>,
    rule: ResourceRule,
  ) =>
    mutationFor<Variables, Result>({
      operation,
      call: async (client, variables) => pick(await send(client, variables)),
      invalidates: ofResource(member, rule),
    });
}

/** A generated command of this client (3.332's typing), as `client.send` takes it. */
type ClientCommand<Input extends ServiceInputTypes, Output extends ServiceOutputTypes> = Command<
  Input,
  Output,
  CloudHSMV2ClientResolvedConfig,
  ServiceInputTypes,
  ServiceOutputTypes
>;

/** Sends an SDK command class built from the variables: `sender(DeleteBackupCommand)`. */
export const sender =
  <Input extends ServiceInputTypes, Output extends ServiceOutputTypes>(CommandClass: new (input: Input) => ClientCommand<Input, Output>) =>
  (client: CloudHSMV2Client, input: Input): Promise<Output> =>
    client.send(new CommandClass(input));
