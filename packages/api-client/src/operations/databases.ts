// Descriptors for this area are added section by section.
export const databaseOperations = {} as const;
