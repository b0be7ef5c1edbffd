// Descriptors for this area are added section by section.
export const tenantOperations = {} as const;
