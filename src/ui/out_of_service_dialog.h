// Taking one boat out of service from a date, through another or until further notice: its seats
// leave the sale at once and its bookings go through the closure flow (listed with a proposal
// each, moved or cancelled, customers told), applied on the worker in one transaction.
#pragma once

#include "app/closures.h"
#include "ui/async.h"
#include "ui/session.h"

#include <wx/dialog.h>

#include <functional>
#include <memory>
#include <optional>

class wxButton;
class wxDatePickerCtrl;
class wxStaticText;
class wxTextCtrl;

namespace narcisse::ui {

class AffectedBookingsList;
class NoteBox;
struct AppliedClosure;

// Modeless, like the boat form: the fleet panel opens it for the selected boat and reloads when
// it has been applied.
class OutOfServiceDialog : public wxDialog {
public:
    OutOfServiceDialog(wxWindow* parent, std::shared_ptr<Session> session, domain::Boat boat);
    // Called once applied, with the outcome's first line (the panel shows it).
    void SetOnApplied(std::function<void(const wxString&)> callback) { m_onApplied = std::move(callback); }

    // For the panel and the tests: preset what the user would enter.
    void SetDates(domain::LocalDate from, std::optional<domain::LocalDate> to);   // no `to`: until further notice
    void SetReason(const wxString& reason);
    void SetNotify(bool notify);

    void Preview();                                  // lists the stranded bookings (on the worker)
    void MoveAll();                                  // each to its selected proposal, when it has one
    void Apply();                                    // on the worker; the outcome shows when done

    bool IsBusy() const { return m_busy; }
    bool HasPreview() const { return m_preview.has_value(); }
    bool IsApplied() const { return m_applied; }
    const std::optional<app::ClosurePreview>& ShownPreview() const { return m_preview; }
    wxString ResultText() const;
    wxString ErrorText() const;
    wxWindow* FromField() const;
    wxWindow* ToField() const;
    wxWindow* ReasonField() const;
    wxWindow* HighlightedField() const { return m_highlighted; }

private:
    struct Previewed {
        app::ClosureScope scope;
        app::ClosurePreview preview;
    };

    void BuildLayout();
    void OnPreview(Previewed previewed);
    void OnApplied(AppliedClosure applied);
    void OnFailed(const Failure& failure);
    void DropPreview();                              // the dates changed: preview again
    void Highlight(wxWindow* field);
    void GrowToFit();
    void SetBusy(bool busy);
    wxString Headline(const app::ClosureResult& result) const;

    std::shared_ptr<Session> m_session;
    domain::Boat m_boat;
    std::function<void(const wxString&)> m_onApplied;
    std::optional<app::ClosureScope> m_scope;        // as outOfServiceScope made it for the preview
    std::optional<app::ClosurePreview> m_preview;
    bool m_busy = false;
    bool m_applied = false;

    wxDatePickerCtrl* m_from = nullptr;
    wxDatePickerCtrl* m_to = nullptr;
    wxTextCtrl* m_reason = nullptr;
    wxButton* m_previewButton = nullptr;
    AffectedBookingsList* m_list = nullptr;
    wxStaticText* m_error = nullptr;
    NoteBox* m_result = nullptr;
    wxButton* m_apply = nullptr;
    wxWindow* m_highlighted = nullptr;
};

}  // namespace narcisse::ui
