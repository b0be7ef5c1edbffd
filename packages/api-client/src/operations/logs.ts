// Descriptors for this area are added section by section.
export const logOperations = {} as const;
