export { diffTags, isEmptyDiff, tagResourceList, untagKeyList, type TagChange, type TagDiff } from './diffTags';
export { ResourceTags, type ResourceTagsProps } from './ResourceTags';
export { TagChips } from './TagChips';
export { TagEditor, type TagEditorProps } from './TagEditor';
export { isBlankRow, newTagRow, rowsFromTags, tagsFromRows, type TagRow } from './tagRows';
export { MAX_TAGS, validateTagRows, type TagFieldProblems, type TagValidation } from './validateTags';
