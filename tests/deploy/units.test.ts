import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/corpus.js';

const deployDir = path.join(repoRoot, 'deploy');
const hasSystemdAnalyze = spawnSync('systemd-analyze', ['--version']).status === 0;

describe('deploy/ systemd units', () => {
  const units = readdirSync(deployDir).filter((f) => /\.(service|timer)$/.test(f));

  it('has the serve unit, the nightly sync with its timer, and the alerts that follow it', () => {
    expect(units.sort()).toEqual([
      'minutebook-alerts.service',
      'minutebook-serve.service',
      'minutebook-sync.service',
      'minutebook-sync.timer',
    ]);
  });

  it.skipIf(!hasSystemdAnalyze)('pass `systemd-analyze verify` with no warnings', () => {
    // verify prints problems on stderr and may still exit 0 for unknown keys: both must be clean.
    const result = spawnSync('systemd-analyze', ['verify', '--man=no', ...units.map((u) => path.join(deployDir, u))], {
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('runs serve as an unprivileged user, restarts it on failure, and reads the env file', () => {
    const unit = readFileSync(path.join(deployDir, 'minutebook-serve.service'), 'utf8');
    expect(unit).toMatch(/^User=minutebook$/m);
    expect(unit).toMatch(/^Restart=on-failure$/m);
    expect(unit).toMatch(/^EnvironmentFile=\/etc\/minutebook\/minutebook\.env$/m);
    expect(unit).toMatch(/^ExecStart=\/usr\/bin\/node \/opt\/minutebook\/bin\/minutebook\.js serve$/m);
  });
});
