// Lint and type check of the TypeScript outside the Nx projects — tools/ (token, dead-letter
// commands) and bench/ — which `npm start`, operators and benchmarks depend on but no project's
// targets cover.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './paths.mjs';
import { bin, runStep } from './steps.mjs';

export const scriptDirs = ['tools', 'bench'];

function hasTypeScript(dir) {
  if (!existsSync(dir)) return false;
  return readdirSync(dir, { withFileTypes: true, recursive: true }).some((entry) => entry.isFile() && entry.name.endsWith('.ts'));
}

/** Exit code of eslint + tsc over tools/ and bench/ (0 when there is nothing to check). */
export async function checkWorkspaceScripts({ env }) {
  const dirs = scriptDirs.filter((dir) => hasTypeScript(join(repoRoot, dir)));
  if (!dirs.length) return 0;
  const lint = await runStep(bin('eslint'), dirs, { env });
  // A throwaway tsconfig: the root one's options, only these folders (the projects are checked by nx).
  const scratch = mkdtempSync(join(tmpdir(), 'bildungsraum-tsc-'));
  try {
    const config = join(scratch, 'tsconfig.json');
    writeFileSync(
      config,
      JSON.stringify({
        extends: join(repoRoot, 'tsconfig.json'),
        compilerOptions: { noEmit: true, rootDir: repoRoot, baseUrl: repoRoot, typeRoots: [join(repoRoot, 'node_modules', '@types')] },
        include: dirs.map((dir) => join(repoRoot, dir, '**', '*.ts')),
      }),
    );
    const typecheck = await runStep(bin('tsc'), ['-p', config], { env });
    return lint || typecheck;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
