/**
 * A cluster action that asks in its own dialog (Add HSM, Change backup retention): the button, which clears the
 * last attempt's error and opens the dialog, and the dialog while it is open. The mutation lives here, so the
 * button shows "…ing" while the dialog's request runs.
 */
import { useState, type ComponentType } from 'react';
import type { ClusterWithExtras } from '../../../../aws';
import { ActionButton, type ActionButtonProps } from '../../../../ui/actions';
import type { ShowNotice } from '../notice';

export interface ClusterActionProps {
  cluster: ClusterWithExtras;
  region: string;
  /** The cluster's account (undefined: the base account); every call and link of the action goes there. */
  account?: string | undefined;
  onNotice: ShowNotice;
}

/** What such a dialog gets: the cluster, the button's mutation, how to close and how to tell the page it worked. */
export interface ClusterDialogProps<M> extends ClusterActionProps {
  mutation: M;
  onClose: () => void;
}

export type ClusterDialogButtonProps<M> = ClusterActionProps &
  Omit<ActionButtonProps, 'pending' | 'onClick'> & { mutation: M; dialog: ComponentType<ClusterDialogProps<M>> };

export function ClusterDialogButton<M extends { isPending: boolean; reset: () => void }>(props: ClusterDialogButtonProps<M>) {
  const { cluster, region, account, onNotice, mutation, dialog: DialogView, ...button } = props;
  const [open, setOpen] = useState(false);
  const openDialog = () => {
    mutation.reset();
    setOpen(true);
  };
  return (
    <>
      <ActionButton {...button} pending={mutation.isPending} onClick={openDialog} />
      {open && (
        <DialogView
          cluster={cluster}
          region={region}
          account={account}
          mutation={mutation}
          onClose={() => setOpen(false)}
          onNotice={onNotice}
        />
      )}
    </>
  );
}
