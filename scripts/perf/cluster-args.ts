export type ClusterShape = { instances: number; workers: number };

/** `--instances N --workers M` from the command line; null when neither is given (the one-process load). */
export function clusterArgs(argv: string[]): ClusterShape | null {
  const value = (name: string) => {
    const at = argv.indexOf(`--${name}`);
    if (at < 0) return undefined;
    const n = Number(argv[at + 1]);
    if (!Number.isInteger(n) || n < 0 || n > 8) throw new Error(`--${name} takes a whole number from 0 to 8`);
    return n;
  };
  const instances = value('instances');
  const workers = value('workers');
  if (instances === undefined && workers === undefined) return null;
  if (instances === 0) throw new Error('--instances must be at least 1');
  return { instances: instances ?? 1, workers: workers ?? 0 };
}
