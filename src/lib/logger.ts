// One JSON line per event. Never pass names, student numbers, emails or
// tokens: ids only.

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };
export type LogLevel = keyof typeof LEVELS;
type Fields = Record<string, string | number | boolean | null | undefined>;

export type Logger = Record<
  Exclude<LogLevel, "silent">,
  (msg: string, fields?: Fields) => void
>;

export function createLogger(level: LogLevel): Logger {
  const write =
    (at: Exclude<LogLevel, "silent">) =>
    (msg: string, fields: Fields = {}) => {
      if (LEVELS[at] < LEVELS[level]) return;
      const line = JSON.stringify({
        time: new Date().toISOString(),
        level: at,
        msg,
        ...fields,
      });
      if (at === "error" || at === "warn") process.stderr.write(line + "\n");
      else process.stdout.write(line + "\n");
    };
  return {
    debug: write("debug"),
    info: write("info"),
    warn: write("warn"),
    error: write("error"),
  };
}
