/** Slow-log exports (4.8.1, 4.8.2): handlers, the sweeper that finishes exports, clean-up on removal. */
import './slow-logs';
