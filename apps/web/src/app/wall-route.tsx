import { useParams } from 'react-router';
import { WallPage } from '../features/tasks/components/wall-page';
import { useLiveEvents } from './live-events';

/** The wall screen with its own subscription to the live stream (no shell, no toasts). */
export function WallRoute() {
  const stream = useLiveEvents(useParams().project, { announce: false });
  return <WallPage stream={stream} />;
}
