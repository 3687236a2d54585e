// Cancelling a booking (reason and how the money goes back) or refunding part of it (amount, method,
// reason): a small form whose answer the booking card sends to the use case.
#pragma once

#include "app/cancellation.h"

#include <wx/dialog.h>

class wxChoice;
class wxTextCtrl;

namespace narcisse::ui {

class RefundDialog : public wxDialog {
public:
    // `refund` false: a cancellation (everything paid goes back); true: a refund of `paid` at most.
    RefundDialog(wxWindow* parent, const wxString& booking, bool refund, domain::Money paid);

    app::RefundChoice Choice() const;
    std::string Reason() const;
    // The amount typed; throws ValidationError("amount", …) when it is not one.
    domain::Money Amount() const;

private:
    wxChoice* m_method = nullptr;
    wxTextCtrl* m_reason = nullptr;
    wxTextCtrl* m_amount = nullptr;
};

}  // namespace narcisse::ui
