import type { LoadInstanceActions } from '../features/palette/command-palette';

// The action registry pulls in every action dialog: fetched only when the palette opens on an instance.
let actionsPromise: ReturnType<LoadInstanceActions> | undefined;

/** The instance actions, for the palette: the instances feature's registry, loaded on first use. */
export const loadInstanceActions: LoadInstanceActions = () =>
  (actionsPromise ??= import('../features/instances/components/detail/actions/registry').then(
    (m) => m.instanceActions,
  ));
