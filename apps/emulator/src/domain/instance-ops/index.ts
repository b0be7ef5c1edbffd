/**
 * Instance day-2 operations (4.2.4, 4.4.2, 4.4.5–4.4.8, 4.4.10–4.4.11, 4.4.13–4.4.16, 4.4.18–4.4.27, 4.6.x,
 * 4.9.9, 5.1.3), one module per group; each registers its handlers, job effects and sweepers on import.
 */
import './lifecycle';
import './expand';
import './switchover';
import './flavor';
import './public-ip';
import './nodes';
import './volume';
import './info';
import './replicas';
import './features';
import './upgrade';
import './demo-seed';
