export { ActionButton, type ActionButtonProps } from './ActionButton';
export { ActionError, ActionSuccess } from './ActionResult';
export { ConfirmDialog, type ConfirmDialogProps } from './ConfirmDialog';
export { Dialog, DialogActions, DialogClose, type DialogProps } from './Dialog';
export { READ_ONLY_REASON, useReadOnlyReason } from './readOnly';
