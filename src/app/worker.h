// One background thread with its own store connection: the UI hands it jobs and never waits on
// the database. Jobs run in the order posted; the UI brings results back itself (CallAfter).
#pragma once

#include "domain/store.h"

#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace narcisse::app {

class Worker {
public:
    using Job = std::function<void(domain::Store&)>;
    // `open` runs on the worker thread the first time a job needs the store.
    explicit Worker(std::function<std::unique_ptr<domain::Store>()> open);
    ~Worker();   // finishes the running job, drops the queued ones, joins
    Worker(const Worker&) = delete;
    Worker& operator=(const Worker&) = delete;

    using Failure = std::function<void(std::exception_ptr)>;
    // Runs `job` on the worker thread. When opening the store or the job throws, `failed` (if any)
    // receives the exception, on the worker thread; the worker goes on with the next job.
    void post(Job job, Failure failed = {});

private:
    void run(std::stop_token stop);

    std::function<std::unique_ptr<domain::Store>()> m_open;
    std::mutex m_mutex;
    std::condition_variable_any m_wake;
    std::deque<std::pair<Job, Failure>> m_jobs;
    std::jthread m_thread;
};

}  // namespace narcisse::app
