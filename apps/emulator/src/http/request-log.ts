/** The last requests the emulator answered (admin `/__emulator/requests`), newest last. */
export interface RequestRecord {
  time: string;
  method: string;
  path: string;
  status: number;
  operation?: string;
  error_code?: string;
  duration_ms: number;
  request_id: string;
}

export class RequestLog {
  private readonly records: RequestRecord[] = [];
  constructor(private readonly capacity = 500) {}

  add(r: RequestRecord): void {
    this.records.push(r);
    if (this.records.length > this.capacity) this.records.splice(0, this.records.length - this.capacity);
  }

  list(limit = 100): RequestRecord[] {
    return this.records.slice(-limit);
  }

  clear(): void {
    this.records.length = 0;
  }
}
