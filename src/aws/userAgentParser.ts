/**
 * Stands in for `bowser` in the browser build (vite.config.ts aliases it here). The SDK's browser user-agent
 * provider (@aws-sdk/util-user-agent-browser) parses navigator.userAgent with bowser only to write the OS and
 * browser into the User-Agent header of each call; our calls go to the local server, which re-signs them, so
 * that detail is worth nothing to us, while bowser is ~10 KB gzip of the first view. The SDK already handles an
 * unparsed agent: it writes "os/other" and "md/browser#unknown_unknown".
 */
const parser = { parse: (): undefined => undefined };
export default parser;
