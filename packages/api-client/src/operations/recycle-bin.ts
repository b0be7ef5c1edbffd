// Descriptors for this area are added section by section.
export const recycleBinOperations = {} as const;
