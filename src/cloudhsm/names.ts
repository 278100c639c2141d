/**
 * A resource's name: the value of its `Name` tag, as the console shows it (CloudHSM has no name field of its
 * own). One reader for the views, the exports and the server.
 */
export interface NameTagged {
  TagList?: readonly { Key?: string | undefined; Value?: string | undefined }[] | undefined;
}

/** The `Name` tag's value, or undefined when there is none (or it is empty). */
export const nameTagOf = (tags: NameTagged['TagList']): string | undefined => tags?.find((t) => t.Key === 'Name')?.Value || undefined;

/** The resource's name, or undefined. */
export const resourceName = (resource: NameTagged): string | undefined => nameTagOf(resource.TagList);
