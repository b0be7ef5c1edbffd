/** Query keys of the console users (global to the console, not to a project). */
export const userKeys = {
  all: ['console-users'] as const,
};
