// Progress lines of a scale run: each step says what it wrote and how long it
// took, so a slow table at ×10 is visible while the run goes on.
import type { TableName, Writer } from "./tables";

export class Progress {
  private readonly started = performance.now();
  private stepStarted = performance.now();
  private before = new Map<TableName, number>();

  constructor(
    private readonly writer: Writer,
    private readonly log: (line: string) => void,
  ) {}

  elapsed(): number {
    return (performance.now() - this.started) / 1000;
  }

  note(line: string): void {
    this.log(`${this.elapsed().toFixed(1).padStart(7)} s  ${line}`);
  }

  begin(step: string): void {
    this.stepStarted = performance.now();
    this.before = new Map(this.writer.written);
    this.note(`${step} …`);
  }

  /** One line per table the step wrote to, with its rows and the step's time. */
  end(step: string): void {
    const seconds = ((performance.now() - this.stepStarted) / 1000).toFixed(1);
    const parts: string[] = [];
    for (const [table, n] of this.writer.written) {
      const added = n - (this.before.get(table) ?? 0);
      if (added > 0) parts.push(`${table} ${added.toLocaleString("en")}`);
    }
    this.note(`${step}: ${parts.join(", ") || "nothing written"} (${seconds} s)`);
  }
}
