import type { Command } from 'commander';
import { LocalMatcher } from '../../alerts/local-matcher.js';
import { openAlertStore } from '../../alerts/open.js';
import { AlertsRunner } from '../../alerts/runner.js';
import { createCliContext, runCommand } from '../context.js';
import { type StoreFlags, storeOptions, targetOf } from '../store-flags.js';

interface RunFlags extends StoreFlags {
  /** commander's `--no-post`: false when given. */
  post: boolean;
  json?: boolean;
}

interface ListFlags extends StoreFlags {
  json?: boolean;
}

export function register(program: Command): void {
  const alerts = program
    .command('alerts')
    .description('Topic alerts: match what ingest and sync added against the follows, and post to Slack');
  storeOptions(
    alerts
      .command('run')
      .description(
        'Match the meetings ingest and sync queued against every follow, then post the alerts that are due (SLACK_BOT_TOKEN)',
      ),
    { writer: false },
  )
    .option('--no-post', 'match and queue alerts, but post nothing (they stay due for the next run or `serve`)')
    .option('--json', 'print what was done as JSON on stdout')
    .action((flags: RunFlags) =>
      runCommand(async () => {
        const ctx = createCliContext();
        const target = targetOf(ctx, flags);
        // The token is checked before anything is matched: a run that cannot post should say so first.
        let deliver = null;
        if (flags.post) {
          const { alertsWebClient, slackDeliverer } = await import('../../slack/alerts/poster.js');
          deliver = slackDeliverer(alertsWebClient(ctx.config.slack));
        }
        const store = await openAlertStore(target, { logger: ctx.logger });
        // A one-off run has no answering thread: it matches with a retriever of its own.
        const matcher = new LocalMatcher({ target, config: ctx.config, logger: ctx.logger, err: ctx.err });
        const runner = new AlertsRunner({ store, target, match: matcher.match, logger: ctx.logger, deliver });
        try {
          const report = await runner.runOnce();
          const counts = await store.counts();
          if (flags.json) ctx.out(JSON.stringify({ ...report, due: counts.due, store: store.location }, null, 2));
          else {
            ctx.out(
              `Matched ${report.meetings} meeting(s) against ${counts.follows} follow(s): ${report.queued} alert(s) queued, ` +
                `${report.sent} posted, ${report.failed} failed to post; ${counts.due} due.`,
            );
          }
          return report.failed > 0 ? 1 : 0;
        } finally {
          await runner.stop();
          await matcher.close();
          await store.close();
        }
      }),
    );
  storeOptions(alerts.command('list').description('List every follow: who, which topic, where alerts go'), {
    writer: false,
  })
    .option('--json', 'print the follows as JSON on stdout')
    .action((flags: ListFlags) =>
      runCommand(async () => {
        const ctx = createCliContext();
        const store = await openAlertStore(targetOf(ctx, flags), { logger: ctx.logger });
        try {
          const follows = await store.follows();
          if (flags.json) ctx.out(JSON.stringify(follows, null, 2));
          else if (follows.length === 0) ctx.out('No follows yet (`/minutes follow <topic>` in Slack adds one).');
          else {
            for (const f of follows) {
              ctx.out(
                `${f.id}\t${f.subscriber.kind} ${f.subscriber.id}\t"${f.topic}"\tto ${f.postTo}\tsince ${f.createdAt}`,
              );
            }
          }
          return 0;
        } finally {
          await store.close();
        }
      }),
    );
}
