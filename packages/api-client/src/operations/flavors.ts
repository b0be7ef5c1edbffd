// Descriptors for this area are added section by section.
export const flavorOperations = {} as const;
