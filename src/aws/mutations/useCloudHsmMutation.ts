/**
 * The shape every mutation hook shares: call through the region's client, map errors, invalidate on success.
 * `mutationFor` and `resourceChange` make a hook from what is particular to it (operation, call, rule), so
 * the hook files hold those and nothing else.
 */
import type { CloudHSMV2Client, CloudHSMV2ClientResolvedConfig, ServiceInputTypes, ServiceOutputTypes } from '@aws-sdk/client-cloudhsm-v2';
import type { Command } from '@aws-sdk/smithy-client';
import { useMutation, useQueryClient, type QueryKey, type UseMutationResult } from '@tanstack/react-query';
import { useAwsSettings } from '../context';
import { errorContext, withAwsErrors, type AwsRequestError } from '../errors';
import { accountOf, regionOf, scopeOf, type Where } from '../keys';
import { patchBackupInWindows } from '../queries/backupWindow';
import { describeBackup } from '../queries/fetchers';
import { backupChangedBy, invalidationsFor } from './invalidation';

export interface CloudHsmMutationSpec<Variables, Result> {
  operation: string;
  region: string;
  /** The account (undefined: the base account). */
  account?: string;
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
  const { operation, region, account, call, invalidates } = spec;
  const where: Where = account ? { region, account } : region;
  const refreshInWindows = async (backupWhere: Where, backupId: string): Promise<void> => {
    try {
      const fresh = await describeBackup(clients.forRegion(regionOf(backupWhere), accountOf(backupWhere)), backupId);
      if (fresh) patchBackupInWindows(queryClient, backupWhere, fresh);
    } catch {
      // The call itself succeeded; the windows show the change on their next refresh.
    }
  };
  return useMutation<Result, AwsRequestError, Variables>({
    mutationKey: ['cloudhsm', scopeOf(where), operation],
    mutationFn: (variables) => withAwsErrors(errorContext(operation, where), () => call(clients.forMutation(region, account), variables)),
    // Returned, so the mutation stays pending until the changed queries have refetched.
    onSuccess: async (result, variables) => {
      const changed = backupChangedBy(operation, where, variables as { BackupId?: string; ResourceId?: string });
      await Promise.all([
        ...invalidates(variables, result).map((queryKey) => queryClient.invalidateQueries({ queryKey })),
        // The windowed lists hold this backup somewhere in their pages: patch its new state in.
        changed && refreshInWindows(changed.region, changed.backupId),
      ]);
    },
    // Not awaited: the error shows at once while the views refetch behind it.
    onError: (_error, variables) => {
      for (const queryKey of invalidates(variables, undefined)) void queryClient.invalidateQueries({ queryKey });
      const changed = backupChangedBy(operation, where, variables as { BackupId?: string; ResourceId?: string });
      if (changed) void refreshInWindows(changed.region, changed.backupId);
    },
  });
}

// The factories below only build closures, and say so to the bundler (`#__NO_SIDE_EFFECTS__`); rules are
// named, not read off invalidationsFor at load. So a hook that no view imports is left out of the bundle, as a
// hand-written hook function would be.

/** What is particular to one mutation hook; the region (and account) are the hook's arguments. */
export interface MutationDefinition<Variables, Result> {
  operation: string;
  call: Send<Variables, Result>;
  /** The rule of invalidation.ts for these variables in the hook's region of its account. */
  invalidates: (region: Where, variables: Variables) => QueryKey[];
}

/** A call through the region's client. */
export type Send<Variables, Output> = (client: CloudHSMV2Client, variables: Variables) => Promise<Output>;

/** The hook (`useXMutation(region, account?)`; account undefined: the base account) for a definition. */
/*#__NO_SIDE_EFFECTS__*/
export function mutationFor<Variables, Result>({ operation, call, invalidates }: MutationDefinition<Variables, Result>) {
  return function useDefinedMutation(region: string, account?: string): UseMutationResult<Result, AwsRequestError, Variables> {
    const where: Where = account ? { region, account } : region;
    return useCloudHsmMutation<Variables, Result>({
      operation,
      region,
      ...(account && { account }),
      call,
      invalidates: (variables) => invalidates(where, variables),
    });
  };
}

type Rules = typeof invalidationsFor;
/** The rules of invalidation.ts that take a region and one resource id. */
export type ResourceRule = {
  [Name in keyof Rules]: Parameters<Rules[Name]> extends [region: Where, resourceId: string] ? Name : never;
}[keyof Rules];

/** Applies a one-id rule to the id the variables carry under `member`. */
/*#__NO_SIDE_EFFECTS__*/
export function ofResource<Member extends string>(member: Member, rule: ResourceRule) {
  return (region: Where, variables: Readonly<Record<Member, string>>): QueryKey[] => invalidationsFor[rule](region, variables[member]);
}

/** What a family of operations on one kind of resource shares. */
export interface ResourceFamily<Member extends string, Output, Result> {
  /** The member of the variables that names the resource (the id its invalidation rule takes). */
  member: Member;
  /** What the hook resolves to, read from the operation's output. */
  pick: (output: Output) => Result;
}

/** The hook for one operation of a family: `resourceChange(backups, 'DeleteBackup', sender(DeleteBackupCommand), 'deleteBackup')`. */
/*#__NO_SIDE_EFFECTS__*/
export function resourceChange<Member extends string, Output, Result, Variables extends Readonly<Record<Member, string>>>(
  { member, pick }: ResourceFamily<Member, Output, Result>,
  operation: string,
  send: Send<Variables, Output>,
  rule: ResourceRule,
) {
  return mutationFor<Variables, Result>({
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
/*#__NO_SIDE_EFFECTS__*/
export function sender<Input extends ServiceInputTypes, Output extends ServiceOutputTypes>(
  CommandClass: new (input: Input) => ClientCommand<Input, Output>,
): Send<Input, Output> {
  return (client, input) => client.send(new CommandClass(input));
}
