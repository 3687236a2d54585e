// The bookings a closure strands, one row each with its proposals, a "Move" box and what will
// happen to it, then "Move all" and "Notify customers": shared by the closure dialog and the
// out-of-service dialog, with the one way both apply on the worker and word the outcome.
#pragma once

#include "app/closures.h"
#include "domain/time.h"

#include <wx/panel.h>

#include <optional>
#include <string>
#include <vector>

class wxButton;
class wxDialog;
class wxSizer;
class wxCheckBox;
class wxChoice;
class wxScrolledWindow;
class wxStaticText;

namespace narcisse::ui {

class AffectedBookingsList : public wxPanel {
public:
    // `placeholder` shows until a preview does; `listSize` is the scrolled rows' initial size.
    AffectedBookingsList(wxWindow* parent, const wxString& placeholder, const wxSize& listSize);

    // One row per affected booking, times read in `zone`; a date shows when it is not `day`
    // (no `day`: a range, every date shows).
    void ShowPreview(const app::ClosurePreview& preview, const domain::BusinessZone& zone,
                     std::optional<domain::LocalDate> day);
    void Clear();                                    // back to the placeholder, no rows

    void MoveAll();                                  // each to its selected proposal, when it has one
    void SetNotify(bool notify);
    bool Notify() const;
    // Rows, "Move all" and "Notify" take input only when editable and a preview shows.
    void SetEditable(bool editable);

    // One per row, in the preview's order: a move to its selected proposal, or a cancellation.
    std::vector<app::BookingDecision> Decisions() const;
    void ShowOutcomes(const app::ClosureResult& result);   // "moved" / "cancelled" on each row

    bool HasPreview() const { return m_shown; }
    std::size_t Count() const { return m_affected.size(); }

private:
    struct Row {
        wxChoice* proposal = nullptr;
        wxCheckBox* move = nullptr;
        wxStaticText* outcome = nullptr;
    };

    void Rebuild();
    void UpdateRow(std::size_t index);

    wxString m_placeholder;
    std::vector<app::AffectedBooking> m_affected;
    std::vector<Row> m_rows;
    bool m_shown = false;
    bool m_editable = true;

    wxStaticText* m_title = nullptr;
    wxScrolledWindow* m_list = nullptr;
    wxButton* m_moveAll = nullptr;
    wxCheckBox* m_notify = nullptr;
};

class NoteBox;

// The lower half both closure dialogs share, added to `top` of `dialog`: "Show affected
// bookings", the list, the error line, the outcome box (both hidden), then Close and `applyLabel`.
struct AffectedSection {
    wxButton* preview = nullptr;
    AffectedBookingsList* list = nullptr;
    wxStaticText* error = nullptr;
    NoteBox* result = nullptr;
    wxButton* apply = nullptr;
};
AffectedSection AddAffectedSection(wxDialog* dialog, wxSizer* top, const wxString& placeholder,
                                   const wxString& applyLabel);

// What applying a closure came to, with the messages sent right after it.
struct AppliedClosure {
    app::ClosureResult result;
    int sent = 0;
    int failed = 0;
    std::string mailNote;                            // why nothing was sent (no mail server, …)
};

// Runs on the worker: app::applyClosure, then, once committed, the queued messages sent when a
// mailer is configured (a mail server down never undoes the closure; the log keeps the rest).
AppliedClosure ApplyClosureAndNotify(domain::Store& store, const domain::Clock& clock,
                                     const app::ClosureRequest& request);

// `headline` (already worded by the caller, with the counts) followed by the refunds owed, the
// customers to notify and what became of their messages.
wxString DescribeOutcome(const wxString& headline, const AppliedClosure& applied);

}  // namespace narcisse::ui
