// Prefixes every output line of a child process with its name, and shows the services' pino
// JSON lines in a readable form (time, level, message, remaining fields) for `npm start`.
import { createInterface } from 'node:readline';

const colours = [36, 35, 33, 32, 34, 31];
const levels = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO ', 40: 'WARN ', 50: 'ERROR', 60: 'FATAL' };
const quiet = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'service', 'name', 'v', 'context']);
const useColour = process.stdout.isTTY && !process.env.NO_COLOR;

export function colourFor(index) {
  return (text) => (useColour ? `\x1b[${colours[index % colours.length]}m${text}\x1b[0m` : text);
}

/** A pino JSON line as `14:03:07 INFO  message {fields}`; other lines unchanged. */
export function readable(line) {
  if (!line.startsWith('{')) return line;
  try {
    const entry = JSON.parse(line);
    if (entry.level === undefined || !('msg' in entry || 'time' in entry)) return line;
    const time = new Date(entry.time ?? Date.now()).toTimeString().slice(0, 8);
    // pino writes numeric levels by default, labels when configured to.
    const level = (typeof entry.level === 'number' ? levels[entry.level] : String(entry.level).toUpperCase()) ?? entry.level;
    const rest = Object.fromEntries(Object.entries(entry).filter(([key]) => !quiet.has(key)));
    const fields = Object.keys(rest).length ? ` ${JSON.stringify(rest)}` : '';
    const context = entry.context ? `${entry.context}: ` : '';
    return `${time} ${String(level).padEnd(5)} ${context}${entry.msg ?? ''}${fields}`;
  } catch {
    return line;
  }
}

/** Pipes a child's stdout and stderr, line by line, prefixed with `[name]`, to our stdout/stderr. */
export function prefixOutput(child, name, { width = name.length, colour = (text) => text, pretty = true } = {}) {
  const prefix = colour(`[${name}]`.padEnd(width + 2));
  for (const [stream, target] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ]) {
    if (!stream) continue;
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => target.write(`${prefix} ${pretty ? readable(line) : line}\n`));
  }
}
