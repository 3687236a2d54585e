// End of day at the desk: what the sweep would do to the departures that have left (no-shows,
// completed, expired), shown first; "Apply" does it, in one action, and says what it did.
#pragma once

#include "app/boarding.h"
#include "ui/async.h"
#include "ui/session.h"

#include <wx/dialog.h>

#include <functional>
#include <memory>
#include <optional>

class wxButton;
class wxListBox;
class wxStaticText;

namespace narcisse::ui {

class EndOfDayDialog : public wxDialog {
public:
    EndOfDayDialog(wxWindow* parent, std::shared_ptr<Session> session);

    void Apply();
    void SetOnApplied(std::function<void()> applied) { m_onApplied = std::move(applied); }

    bool IsBusy() const { return m_busy; }
    bool IsApplied() const { return m_applied; }
    const std::optional<app::EndOfDaySummary>& Summary() const { return m_summary; }
    wxString SummaryText() const;

private:
    void Run(bool apply);
    void Display(app::EndOfDaySummary summary, bool applied);

    std::shared_ptr<Session> m_session;
    std::optional<app::EndOfDaySummary> m_summary;
    std::function<void()> m_onApplied;
    bool m_busy = false;
    bool m_applied = false;
    wxStaticText* m_text = nullptr;
    wxListBox* m_lines = nullptr;
    wxButton* m_apply = nullptr;
};

}  // namespace narcisse::ui
