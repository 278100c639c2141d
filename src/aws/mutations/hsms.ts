/** HSM mutations; each hook's invalidation is in invalidation.ts. */
import { CreateHsmCommand, DeleteHsmCommand, type Hsm } from '@aws-sdk/client-cloudhsm-v2';
import { mutationFor, ofResource } from './useCloudHsmMutation';

export interface CreateHsmInput {
  ClusterId: string;
  AvailabilityZone: string;
  IpAddress?: string;
}

/** Exactly one of HsmId, EniId or EniIp names the HSM. */
export type DeleteHsmInput = { ClusterId: string } & ({ HsmId: string } | { EniId: string } | { EniIp: string });

export const useCreateHsmMutation = mutationFor<CreateHsmInput, Hsm | undefined>({
  operation: 'CreateHsm',
  call: async (client, input) => (await client.send(new CreateHsmCommand(input))).Hsm,
  invalidates: ofResource('ClusterId', 'createHsm'),
});

/** Resolves to the removed HSM's id. */
export const useDeleteHsmMutation = mutationFor<DeleteHsmInput, string | undefined>({
  operation: 'DeleteHsm',
  call: async (client, input) => (await client.send(new DeleteHsmCommand(input))).HsmId,
  invalidates: ofResource('ClusterId', 'deleteHsm'),
});
