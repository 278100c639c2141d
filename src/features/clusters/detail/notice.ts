/** How an action tells the detail page what it did: a success line (with a link) the page shows above the tabs. */
import type { ReactNode } from 'react';

export interface NoticeOptions {
  /**
   * Move focus to the notice: for actions whose control disappears (a deleted HSM's row) or that open the
   * page (a created cluster), so focus does not fall to <body>.
   */
  focus?: boolean;
}

export type ShowNotice = (notice: ReactNode, options?: NoticeOptions) => void;
