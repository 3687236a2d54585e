// Work on the store goes to the session's worker; its answer comes back to a window on the UI
// thread with CallAfter, and only if that window still exists (in the spirit of Poedit's
// concurrency.h). The UI thread never touches a Store.
#pragma once

#include "app/worker.h"

#include <wx/app.h>
#include <wx/string.h>
#include <wx/thread.h>
#include <wx/weakref.h>

#include <exception>
#include <functional>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>

namespace narcisse::ui {

// What went wrong on the worker, as the user will read it.
struct Failure {
    wxString message;   // the exception's sentence
    std::string field;  // the field a ValidationError names, empty otherwise
};

// Reads the exception currently being handled (call it inside a catch block).
Failure CurrentFailure();

namespace detail {

// A wxWeakRef is not thread-safe: it is created, read and destroyed on the UI thread only, and
// the worker merely carries the shared_ptr around. Should the last owner die on the worker (a job
// dropped at shutdown), the handle is handed back to the UI thread to die there.
class WindowHandle {
public:
    static std::shared_ptr<WindowHandle> Make(wxEvtHandler* window);
    wxEvtHandler* Get() const { return m_ref.get(); }

private:
    explicit WindowHandle(wxEvtHandler* window) : m_ref(window) {}
    wxWeakRef<wxEvtHandler> m_ref;
};

}  // namespace detail

// Calls `fn(window)` on the UI thread soon, unless the window is gone by then. Callable from any
// thread (the worker uses it to report progress).
template <typename Window>
class WindowPost {
public:
    explicit WindowPost(Window* window) : m_handle(detail::WindowHandle::Make(window)) {}
    void operator()(std::function<void(Window&)> fn) const {
        if (!wxTheApp) return;
        wxTheApp->CallAfter([handle = m_handle, fn = std::move(fn)] {
            if (auto* target = handle->Get()) fn(static_cast<Window&>(*target));
        });
    }

private:
    std::shared_ptr<detail::WindowHandle> m_handle;
};

// Runs `work(store)` on the worker, then `done(window, result)` or `failed(window, failure)` on the
// UI thread, unless the window has been destroyed meanwhile. The callables must be copyable.
template <typename Window, typename Work, typename Done, typename Failed>
void RunOnWorker(app::Worker& worker, Window* window, Work work, Done done, Failed failed)
{
    using Result = std::invoke_result_t<Work&, domain::Store&>;
    WindowPost<Window> post(window);
    // The store may fail to open (damaged file, server down): the worker reports that here.
    auto notOpened = [post, failed](std::exception_ptr error) {
        try {
            std::rethrow_exception(error);
        } catch (...) {
            post([failed, failure = CurrentFailure()](Window& w) { failed(w, failure); });
        }
    };
    worker.post(
        [post, work = std::move(work), done = std::move(done), failed = std::move(failed)](domain::Store& store) mutable {
            try {
                // Results travel by shared_ptr: a day planning is not copied on its way back.
                auto result = std::make_shared<Result>(work(store));
                post([done, result](Window& w) { done(w, std::move(*result)); });
            } catch (...) {
                post([failed, failure = CurrentFailure()](Window& w) { failed(w, failure); });
            }
        },
        std::move(notOpened));
}

}  // namespace narcisse::ui
