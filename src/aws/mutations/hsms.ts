/** HSM mutations; each hook's invalidation is in invalidation.ts. */
import { CreateHsmCommand, DeleteHsmCommand, type Hsm } from '@aws-sdk/client-cloudhsm-v2';
import { invalidationsFor } from './invalidation';
import { useCloudHsmMutation } from './useCloudHsmMutation';

export interface CreateHsmInput {
  ClusterId: string;
  AvailabilityZone: string;
  IpAddress?: string;
}

/** Exactly one of HsmId, EniId or EniIp names the HSM. */
export type DeleteHsmInput = { ClusterId: string } & ({ HsmId: string } | { EniId: string } | { EniIp: string });

export const useCreateHsmMutation = (region: string) =>
  useCloudHsmMutation<CreateHsmInput, Hsm | undefined>({
    operation: 'CreateHsm',
    region,
    call: async (client, input) => (await client.send(new CreateHsmCommand(input))).Hsm,
    invalidates: (input) => invalidationsFor.createHsm(region, input.ClusterId),
  });

export const useDeleteHsmMutation = (region: string) =>
  useCloudHsmMutation<DeleteHsmInput, string | undefined>({
    operation: 'DeleteHsm',
    region,
    call: async (client, input) => (await client.send(new DeleteHsmCommand(input))).HsmId,
    invalidates: (input) => invalidationsFor.deleteHsm(region, input.ClusterId),
  });
