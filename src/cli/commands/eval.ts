import type { Command } from 'commander';
import { type EvalReport, evaluate, readEvalQuestions } from '../../retrieve/evaluate.js';
import { openRetriever } from '../../retrieve/open.js';
import type { RetrievalMode } from '../../retrieve/retriever.js';
import { createCliContext, positiveInt, runCommand } from '../context.js';

interface EvalFlags {
  k: number;
  index?: string;
  json?: boolean;
  compare?: boolean;
}

export function register(program: Command): void {
  program
    .command('eval')
    .description(
      'Measure retrieval on questions with known answers: recall@k, MRR, each rank, and top scores of unanswerable ones',
    )
    .argument('<questions.jsonl>', 'one {"id","q","relevant":[[date, minute],…],"after","before"} per line')
    .option('--k <n>', 'how many items count as retrieved', positiveInt('--k'), 5)
    .option('--index <dir>', 'index folder (default: MINUTEBOOK_INDEX_DIR, else ./index)')
    .option('--compare', 'also run keyword-only and vector-only retrieval, side by side')
    .option('--json', 'print the report(s) as JSON on stdout')
    .action((file: string, flags: EvalFlags) => runCommand(() => evalCommand(file, flags)));
}

async function evalCommand(file: string, flags: EvalFlags): Promise<number> {
  const ctx = createCliContext();
  const questions = readEvalQuestions(file);
  const retriever = await openRetriever(ctx, flags.index ? { indexDir: flags.index } : {});
  try {
    const modes: RetrievalMode[] = flags.compare
      ? ['hybrid', 'keyword', ...(retriever.keywordOnly ? [] : ['vector' as const])]
      : ['hybrid'];
    const reports: Record<string, EvalReport> = {};
    for (const mode of modes) {
      reports[mode] = await evaluate(mode === 'hybrid' ? retriever : retriever.withMode(mode), questions, flags.k);
    }
    if (flags.json) {
      ctx.out(JSON.stringify(flags.compare ? reports : reports.hybrid, null, 2));
      return 0;
    }
    for (const [mode, report] of Object.entries(reports)) ctx.out(renderReport(mode, report, retriever.keywordOnly));
    return 0;
  } finally {
    await retriever.close();
  }
}

function renderReport(mode: string, report: EvalReport, keywordOnly: boolean): string {
  const label = mode === 'hybrid' && keywordOnly ? 'hybrid (keyword half only: no model)' : mode;
  const lines = [
    `${label}: recall@${report.k} ${report.recallAtK.toFixed(3)}  MRR ${report.mrr.toFixed(3)}  (${report.answerable} answerable)`,
  ];
  for (const q of report.questions) {
    const rank = q.answerable ? (q.rank === null ? `miss` : `rank ${q.rank}`) : 'no answer';
    lines.push(`  ${q.id.padEnd(5)} ${rank.padEnd(9)} top ${q.topScore?.toFixed(3) ?? '-'}  ${q.question}`);
  }
  lines.push(
    `  lowest top score of a found answer: ${report.lowestAnsweredTopScore?.toFixed(3) ?? '-'}; ` +
      `unanswerable top scores: ${report.unanswerableTopScores.map((u) => `${u.id} ${u.topScore?.toFixed(3) ?? '-'}`).join(', ') || '-'}`,
  );
  return lines.join('\n');
}
