// Descriptors for this area are added section by section.
export const legacyOperations = {} as const;
