/**
 * Progress for a long audit: on a terminal a bar redrawn in place (percent of bytes read,
 * records, rate, ETA); otherwise a plain line every `intervalMs`, which logs and CI keep readable.
 */

export interface ProgressSnapshot {
  /** Bytes of all exports read so far (earlier runs included). */
  doneBytes: number;
  records: number;
  findings: number;
  skipped: number;
}

export interface ProgressOptions {
  totalBytes: number;
  tty: boolean;
  write: (s: string) => void;
  now?: () => number;
  /** Plain mode: one line this often. A terminal redraws at most every 100 ms. */
  intervalMs?: number;
  /** What earlier runs did (resume): the rate counts only this run's work. */
  start?: ProgressSnapshot;
}

const BAR = 24;
const RATE_WINDOW_MS = 15_000;
const int = (n: number) => Math.round(n).toLocaleString('en-US');

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '--:--';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

export class Progress {
  private readonly now: () => number;
  private readonly startedAt: number;
  private readonly start: ProgressSnapshot;
  private lastDraw: number;
  private last: ProgressSnapshot;
  private drawn = false;
  /** Recent (time, snapshot) pairs: the rate is over the last RATE_WINDOW_MS, not since start-up. */
  private samples: { t: number; p: ProgressSnapshot }[] = [];

  constructor(private readonly opts: ProgressOptions) {
    this.now = opts.now ?? (() => performance.now());
    this.startedAt = this.now();
    this.lastDraw = this.startedAt;
    this.start = opts.start ?? { doneBytes: 0, records: 0, findings: 0, skipped: 0 };
    this.last = this.start;
  }

  /** Cheap to call per record: draws only when the interval has passed. */
  update(p: ProgressSnapshot): void {
    this.last = p;
    const t = this.now();
    if (t - this.lastDraw < (this.opts.tty ? 100 : (this.opts.intervalMs ?? 10_000))) return;
    this.lastDraw = t;
    this.samples.push({ t, p });
    while (this.samples.length > 2 && t - (this.samples[1] as { t: number }).t >= RATE_WINDOW_MS)
      this.samples.shift();
    this.draw();
  }

  /** Prints a message on its own line without tearing the bar. */
  log(line: string): void {
    if (this.opts.tty && this.drawn) this.opts.write('\r\x1b[2K');
    this.opts.write(`${line}\n`);
    if (this.opts.tty && this.drawn) this.draw();
  }

  /** Final state; on a terminal the bar is left in place with a line end. */
  finish(): void {
    this.draw();
    if (this.opts.tty) this.opts.write('\n');
    this.drawn = false;
  }

  line(): string {
    const p = this.last;
    const now = this.now();
    // Over the recent window once there is one (start-up and the classifier's first compile
    // would otherwise drag the rate down for the whole run); since start before that.
    const first =
      this.samples.length > 1 && now - (this.samples[0] as { t: number }).t >= 1000
        ? this.samples[0]
        : undefined;
    const base = first?.p ?? this.start;
    const elapsed = (now - (first?.t ?? this.startedAt)) / 1000;
    const fraction = this.opts.totalBytes > 0 ? Math.min(1, p.doneBytes / this.opts.totalBytes) : 1;
    const rate = elapsed > 0 ? (p.records - base.records) / elapsed : 0;
    const byteRate = elapsed > 0 ? (p.doneBytes - base.doneBytes) / elapsed : 0;
    const eta = byteRate > 0 ? (this.opts.totalBytes - p.doneBytes) / byteRate : Number.NaN;
    const pct = `${(fraction * 100).toFixed(fraction < 1 ? 1 : 0)}%`;
    const facts = `${int(p.records)} records  ${int(rate)} records/s  ETA ${fraction >= 1 ? '0:00' : formatDuration(eta)}  ${int(p.findings)} findings${p.skipped > 0 ? `  ${int(p.skipped)} skipped` : ''}`;
    if (!this.opts.tty) return `audit: ${pct}  ${facts}`;
    const full = Math.round(fraction * BAR);
    return `[${'█'.repeat(full)}${'░'.repeat(BAR - full)}] ${pct.padStart(6)}  ${facts}`;
  }

  private draw(): void {
    if (this.opts.tty) {
      this.opts.write(`\r\x1b[2K${this.line()}`);
      this.drawn = true;
    } else this.opts.write(`${this.line()}\n`);
  }
}
