/**
 * Everything the benchmark creates (child processes, temp dirs, databases) registers how to undo
 * it here. `runCleanup()` undoes it all, newest first, exactly once: after a normal run, after a
 * failure and after Ctrl-C. Tasks may give a synchronous fallback that still runs if the process
 * exits before the asynchronous cleanup could (e.g. a second Ctrl-C).
 */
interface Task {
  label: string;
  run: () => Promise<void>;
  sync?: () => void;
  done: boolean;
}

const tasks: Task[] = [];
let running: Promise<void> | undefined;

/** Registers an undo step. Returns a function that runs it now (and only once). */
export function onCleanup(label: string, run: () => Promise<void>, sync?: () => void): () => Promise<void> {
  const task: Task = { label, run, done: false, ...(sync ? { sync } : {}) };
  tasks.push(task);
  const runNow = () => runTask(task);
  // Registered after cleanup began (a step that was still starting): undo it at once.
  if (running) void runNow();
  return runNow;
}

async function runTask(task: Task): Promise<void> {
  if (task.done) return;
  task.done = true;
  try {
    await task.run();
  } catch (error) {
    console.error(`cleanup: ${task.label} failed:`, error instanceof Error ? error.message : error);
  }
}

export function runCleanup(): Promise<void> {
  running ??= (async () => {
    for (const task of [...tasks].reverse()) await runTask(task);
  })();
  return running;
}

/** Last resort on process exit: synchronous fallbacks of every step that has not run. */
process.on('exit', () => {
  for (const task of [...tasks].reverse()) {
    if (task.done || !task.sync) continue;
    task.done = true;
    try {
      task.sync();
    } catch {
      // Nothing more can be done while exiting.
    }
  }
});
