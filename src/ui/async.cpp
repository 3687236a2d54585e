#include "ui/async.h"

#include "domain/errors.h"

namespace narcisse::ui {

Failure CurrentFailure()
{
    try {
        throw;
    } catch (const domain::ValidationError& e) {
        return {wxString::FromUTF8(e.what()), e.field()};
    } catch (const std::exception& e) {
        return {wxString::FromUTF8(e.what()), {}};
    } catch (...) {
        return {_("An unexpected error occurred."), {}};
    }
}

namespace detail {

std::shared_ptr<WindowHandle> WindowHandle::Make(wxEvtHandler* window)
{
    // The custom deleter is why this is not make_shared.
    return std::shared_ptr<WindowHandle>(new WindowHandle(window), [](WindowHandle* handle) {
        if (wxIsMainThread() || !wxTheApp)
            delete handle;
        else
            wxTheApp->CallAfter([handle] { delete handle; });
    });
}

}  // namespace detail
}  // namespace narcisse::ui
