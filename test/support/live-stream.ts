import type { Client } from '../harness.ts';

type Frame = { event?: string; data?: string; comment?: string };

/** An open event stream, read as it arrives, one frame at a time. */
export class Stream {
  private buffer = '';
  private reading: Promise<ReadableStreamReadResult<Uint8Array>> | null = null;
  private readonly decoder = new TextDecoder();

  private constructor(
    readonly response: Response,
    private readonly reader: ReadableStreamDefaultReader<Uint8Array>,
    private readonly abort: AbortController,
  ) {}

  static async open(baseUrl: string, client: Client | null, groupId: string): Promise<Stream> {
    const abort = new AbortController();
    const headers: Record<string, string> = {};
    if (client) headers.cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(`${baseUrl}/api/v1/groups/${groupId}/events`, {
      headers,
      signal: abort.signal,
    });
    if (!response.body) throw new Error('no body');
    return new Stream(response, response.body.getReader(), abort);
  }

  /** The next frame that names an event (comments and `retry:` alone are skipped); null at the end. */
  async next(timeoutMs = 5000): Promise<Frame | null> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const end = this.buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        const frame = parse(block);
        if (frame.event) return frame;
        continue;
      }
      // A read left waiting by a timeout is kept for the next call, so no chunk is lost.
      this.reading ??= this.reader.read();
      const chunk = await Promise.race([
        this.reading,
        new Promise<never>((_, reject) =>
          setTimeout(
            () => reject(new Error('no event in time')),
            Math.max(0, deadline - Date.now()),
          ),
        ),
      ]);
      this.reading = null;
      if (chunk.done) return null;
      this.buffer += this.decoder.decode(chunk.value, { stream: true });
    }
  }

  close(): void {
    this.abort.abort();
  }
}

function parse(block: string): Frame {
  const frame: Frame = {};
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) frame.comment = line.slice(1).trim();
    else if (line.startsWith('event: ')) frame.event = line.slice('event: '.length);
    else if (line.startsWith('data: ')) frame.data = line.slice('data: '.length);
  }
  return frame;
}
