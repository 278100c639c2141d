/** "Copy the newest backup of each selected cluster to <region>", with the safe-copy guardrails. */
export { CopyNewestButton, type CopyNewestButtonProps, type CopyNewestSelection } from './CopyNewestButton';
