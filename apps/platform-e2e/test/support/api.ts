/** What a service answered: status, parsed JSON body (or text) and the content type. */
export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
  contentType: string;
}

/**
 * A thin HTTP client for one service, as an integrator would write it with fetch: JSON in, JSON
 * (or an RFC 9457 problem) out, a bearer token per call.
 */
export class Api {
  constructor(
    readonly name: string,
    readonly baseUrl: string,
  ) {}

  async call<T = Record<string, unknown>>(method: string, path: string, token?: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    });
    const contentType = response.headers.get('content-type') ?? '';
    const text = await response.text();
    const parsed = contentType.includes('json') && text ? JSON.parse(text) : text;
    return { status: response.status, body: parsed as T, contentType };
  }

  /** The call must answer `expected`; otherwise the error names the request and the problem body. */
  async expect<T = Record<string, unknown>>(expected: number, method: string, path: string, token?: string, body?: unknown): Promise<T> {
    const answer = await this.call<T>(method, path, token, body);
    if (answer.status !== expected) {
      throw new Error(`${this.name}: ${method} ${path} answered ${answer.status}, expected ${expected}: ${JSON.stringify(answer.body).slice(0, 800)}`);
    }
    return answer.body;
  }
}
