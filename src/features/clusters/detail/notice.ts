/** How an action tells the detail page what it did: a success line (with a link) the page shows above the tabs. */
import type { ReactNode } from 'react';

export type ShowNotice = (notice: ReactNode) => void;
