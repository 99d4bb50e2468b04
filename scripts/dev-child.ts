// Preloaded (`--import`) into every service `make dev` starts: when the launcher dies, even by SIGKILL, the
// service sends itself SIGTERM and shuts down gracefully, as on Ctrl-C.
import { watchParent } from './parent-watch.js';

watchParent(() => process.kill(process.pid, 'SIGTERM'));
