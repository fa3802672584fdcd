//! The threads that run blocking database work for async callers.
//!
//! One thread per pooled connection, each taking the next task from a shared
//! queue. Under load the queue is never empty, so a thread goes from one task
//! to the next without sleeping; with tokio's blocking pool behind a permit
//! per connection, every task woke a sleeping thread and put it back to
//! sleep, two context switches per database call.

use std::collections::VecDeque;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};

type Task = Box<dyn FnOnce() + Send + 'static>;

#[derive(Default)]
struct Queue {
    tasks: VecDeque<Task>,
    closed: bool,
}

#[derive(Default)]
struct Shared {
    queue: Mutex<Queue>,
    ready: Condvar,
}

impl Shared {
    /// The queue, also after a task panicked while another thread held the
    /// lock: the queue itself is never left half-changed.
    fn lock(&self) -> MutexGuard<'_, Queue> {
        self.queue
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// The worker threads; they end once the last handle is dropped and the
/// queue is empty.
pub(crate) struct Workers {
    shared: Arc<Shared>,
}

impl Workers {
    /// Starts `count` threads (at least one).
    pub(crate) fn start(count: usize) -> std::io::Result<Self> {
        let shared = Arc::new(Shared::default());
        for n in 0..count.max(1) {
            let shared = shared.clone();
            std::thread::Builder::new()
                .name(format!("db-worker-{n}"))
                .spawn(move || work(&shared))?;
        }
        Ok(Self { shared })
    }

    /// Queues `task` for the next free thread.
    pub(crate) fn submit(&self, task: impl FnOnce() + Send + 'static) {
        self.shared.lock().tasks.push_back(Box::new(task));
        self.shared.ready.notify_one();
    }
}

impl Drop for Workers {
    fn drop(&mut self) {
        self.shared.lock().closed = true;
        self.shared.ready.notify_all();
    }
}

fn work(shared: &Shared) {
    loop {
        let task = {
            let mut queue = shared.lock();
            loop {
                if let Some(task) = queue.tasks.pop_front() {
                    break task;
                }
                if queue.closed {
                    return;
                }
                queue = shared
                    .ready
                    .wait(queue)
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
            }
        };
        // A panicking task drops its reply, which its caller sees as an
        // error; the thread lives on for the next.
        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(task));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    #[test]
    fn every_task_runs_once_even_after_one_panics() {
        let workers = Workers::start(3).expect("threads");
        let (done, results) = mpsc::channel();
        workers.submit(|| panic!("a task that fails"));
        for n in 0..100 {
            let done = done.clone();
            workers.submit(move || done.send(n).expect("receiver"));
        }
        drop(done);
        let mut seen: Vec<i32> = results.iter().collect();
        seen.sort_unstable();
        assert_eq!(seen, (0..100).collect::<Vec<_>>());
    }

    #[test]
    fn the_threads_finish_the_queue_and_end_when_dropped() {
        let workers = Workers::start(2).expect("threads");
        let (done, results) = mpsc::channel();
        for n in 0..10 {
            let done = done.clone();
            workers.submit(move || {
                std::thread::sleep(std::time::Duration::from_millis(2));
                done.send(n).expect("receiver");
            });
        }
        drop(workers);
        drop(done);
        // Every queued task ran: the senders all went, so the iterator ends.
        assert_eq!(results.iter().count(), 10);
    }
}
