// Descriptors for this area are added section by section.
export const tagOperations = {} as const;
