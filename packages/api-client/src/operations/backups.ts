// Descriptors for this area are added section by section.
export const backupOperations = {} as const;
