/**
 * Command-line options for the scripts, read by node:util parseArgs; its errors become one plain line
 * ("unknown argument --x", "--kind needs a value") that the scripts print with their usage (exit 2).
 */
import { pathToFileURL } from 'node:url';
import { type ParseArgsConfig, parseArgs } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

export function readOptions<O extends Options>(argv: readonly string[], options: O, positionals = false) {
  // A negative number after a text option is its value (parseArgs would take it for an option).
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const next = argv[i + 1];
    if (next !== undefined && /^-\d/.test(next) && options[a.replace(/^--/, '')]?.type === 'string') {
      args.push(`${a}=${next}`);
      i++;
    } else args.push(a);
  }
  try {
    return parseArgs({ args, options, allowPositionals: positionals, strict: true });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const option = /'(-[^']*)'/.exec(String((error as Error).message))?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new Error(`unknown argument ${option}`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
      throw new Error(`${option.split(' ')[0]} needs a value`);
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') throw new Error(`unexpected argument ${option}`);
    throw error;
  }
}

/** A language option: id (default) or en. */
export function langOption(value: string | undefined): 'id' | 'en' {
  if (value === undefined || value === 'id' || value === 'en') return value ?? 'id';
  throw new Error(`unknown language "${value}" (id or en)`);
}

/** The arguments `parse` makes of `argv`, or null having printed what is wrong and the usage (exit code 2). */
export function argsOrUsage<T>(
  parse: (argv: readonly string[]) => T,
  argv: readonly string[],
  usage: string,
): T | null {
  try {
    return parse(argv);
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n${usage}`);
    return null;
  }
}

/**
 * Runs a command's `main` when its module is the script node was started with (not when a test imports it): its
 * code is the exit code; anything it throws is printed and exits 2.
 */
export function runWhenStarted(meta: ImportMeta, main: (argv: readonly string[]) => Promise<number>): void {
  if (meta.url !== pathToFileURL(process.argv[1] ?? '').href) return;
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      console.error(err);
      process.exit(2);
    },
  );
}
