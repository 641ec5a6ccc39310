// npm run perf:serials — the serial form's work in the browser (adding a scan of 10,000 serials to 10,000, and the
// duplicate check), timed and printed beside its goals; no database needed. `npm run bench` prints these too, with
// the live serial check at a million serials.
import { benchSerialEntry } from '@/bench/serials-bench';

await benchSerialEntry();
