/**
 * Backup & restore (4.7.1–4.7.10) and the recovery extension: policies, automatic and manual backups, download
 * links, restore ranges, restores and the recycle bin's final backups. Each module registers on import.
 */
import './policy';
import './automatic';
import './manual';
import './list';
import './restore-times';
import './restore';
import './recycle';
