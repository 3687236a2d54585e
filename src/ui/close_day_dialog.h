// The daily closing (Z): the day's figures as the closing will seal them, the drawer counted by
// denomination with the difference to the expected cash, a comment when they differ, then the
// stored closing's number and hash and its printed Z report (app/cash_drawer.h on the worker).
#pragma once

#include "app/cash_drawer.h"
#include "ui/async.h"
#include "ui/cash_labels.h"
#include "ui/session.h"

#include <wx/dialog.h>

#include <functional>
#include <memory>
#include <optional>

class wxButton;
class wxDatePickerCtrl;
class wxFlexGridSizer;
class wxPanel;
class wxStaticText;
class wxTextCtrl;

namespace narcisse::ui {

class CashCountGrid;

class CloseDayDialog : public wxDialog {
public:
    CloseDayDialog(wxWindow* parent, std::shared_ptr<Session> session, domain::LocalDate date);

    void SetOnClosed(std::function<void(const domain::Closing&)> callback) { m_onClosed = std::move(callback); }

    void SetDate(domain::LocalDate date);   // and reload its figures
    void CloseTheDay();
    void Print();

    // Controls and state, for the UI tests.
    bool IsLoaded() const { return m_status.has_value(); }
    bool IsBusy() const { return m_busy; }
    const std::optional<app::DrawerStatus>& Status() const { return m_status; }
    const std::optional<domain::Closing>& Stored() const { return m_stored; }
    CashCountGrid* CountGrid() const { return m_grid; }
    wxTextCtrl* CommentField() const { return m_comment; }
    wxButton* CloseDayButton() const { return m_close; }
    wxButton* PrintButton() const { return m_print; }
    wxString DifferenceText() const;
    wxString ExpectedText() const;
    wxString ResultText() const;
    wxString ErrorText() const;
    wxWindow* HighlightedField() const { return m_highlighted; }
    bool IsPrinted() const { return m_printed; }

private:
    struct Loaded {
        app::DrawerStatus status;
        std::optional<domain::Closing> stored;   // the day's closing, when the day is closed
    };
    void BuildLayout();
    void Reload();
    void ShowLoaded(Loaded loaded);
    void ShowFigures(const domain::Closing& z);
    void ShowStored();
    void UpdateDifference();
    void ShowFailure(const Failure& failure);
    void ClearError();
    void SetBusy(bool busy);

    std::shared_ptr<Session> m_session;
    domain::LocalDate m_date;
    std::function<void(const domain::Closing&)> m_onClosed;
    std::optional<app::DrawerStatus> m_status;
    std::optional<domain::Closing> m_stored;
    bool m_busy = false;
    bool m_printed = false;

    wxDatePickerCtrl* m_datePicker = nullptr;
    wxStaticText* m_dayState = nullptr;
    wxPanel* m_figuresPanel = nullptr;
    wxFlexGridSizer* m_figures = nullptr;
    CashCountGrid* m_grid = nullptr;
    wxStaticText* m_expected = nullptr;
    wxStaticText* m_difference = nullptr;
    wxTextCtrl* m_comment = nullptr;
    wxStaticText* m_error = nullptr;
    wxStaticText* m_result = nullptr;
    wxTextCtrl* m_hash = nullptr;
    wxButton* m_close = nullptr;
    wxButton* m_print = nullptr;
    wxButton* m_closings = nullptr;
    wxWindow* m_highlighted = nullptr;
};

// Opens the closing of `date` (modeless; it destroys itself when closed).
CloseDayDialog* ShowCloseDay(wxWindow* parent, std::shared_ptr<Session> session, domain::LocalDate date);

}  // namespace narcisse::ui
