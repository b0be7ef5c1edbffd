/**
 * Parameter templates and instance parameters (4.5.1–4.5.14). Loaded for its side effects from
 * src/domain/index.ts: the handlers, the apply-job effects, the pending-restart sweeper and the clean-up when an
 * instance is removed.
 */
import './apply';
import './handlers';
import './instance-parameters';
