#include "app/worker.h"

namespace narcisse::app {

Worker::Worker(std::function<std::unique_ptr<domain::Store>()> open)
    : m_open(std::move(open)), m_thread([this](std::stop_token stop) { run(stop); }) {}

Worker::~Worker() {
    m_thread.request_stop();
    m_wake.notify_all();
}

void Worker::post(Job job, Failure failed) {
    {
        std::lock_guard lock(m_mutex);
        m_jobs.emplace_back(std::move(job), std::move(failed));
    }
    m_wake.notify_one();
}

void Worker::run(std::stop_token stop) {
    std::unique_ptr<domain::Store> store;
    for (;;) {
        std::pair<Job, Failure> item;
        {
            std::unique_lock lock(m_mutex);
            if (!m_wake.wait(lock, stop, [this] { return !m_jobs.empty(); })) return;
            item = std::move(m_jobs.front());
            m_jobs.pop_front();
        }
        try {
            // Opened on this thread: each worker has its own connection.
            if (!store) store = m_open();
            item.first(*store);
        } catch (...) {
            // One failing job must not stop the others; a failed open is retried by the next job.
            if (item.second) item.second(std::current_exception());
        }
    }
}

}  // namespace narcisse::app
