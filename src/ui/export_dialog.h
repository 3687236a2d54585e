// One dialog for the accountant's exports (app/accounting_exports.h): what (FEC, CSV files, PDF
// reports), for which period or month, with which options, where; then run on the worker with a
// gauge and a Cancel button. A cancelled or failed export leaves no file (the use cases see to it).
#pragma once

#include "app/accounting_exports.h"
#include "ui/async.h"
#include "ui/session.h"

#include <wx/dialog.h>

#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

class wxButton;
class wxChoice;
class wxDatePickerCtrl;
class wxDirPickerCtrl;
class wxFilePickerCtrl;
class wxGauge;
class wxSizer;
class wxStaticText;

namespace narcisse::ui {

enum class ExportKind { Fec, JournalCsv, PaymentsCsv, VouchersCsv, MonthlyPdf, VatPdf, ClosingsPdf };

class ExportDialog : public wxDialog {
public:
    ExportDialog(wxWindow* parent, std::shared_ptr<Session> session, domain::LocalDate from, domain::LocalDate to);

    void SetKind(ExportKind kind);
    void SetPeriod(domain::LocalDate from, domain::LocalDate to);
    void SetMonth(int year, unsigned month);
    void SetFecSeparator(app::FecSeparator separator);
    void SetCsvFormat(app::CsvFormat format);
    // The FEC's directory, or the file of the others.
    void SetDestination(const std::filesystem::path& path);
    void Run();
    void Cancel();

    // For the UI tests: called on the worker with each progress report, before the Cancel check.
    void SetProgressObserver(std::function<void(std::int64_t, std::int64_t)> observer) { m_observer = std::move(observer); }
    bool IsBusy() const { return m_busy; }
    const std::optional<std::filesystem::path>& Written() const { return m_written; }
    bool WasCancelled() const { return m_cancelled; }
    wxString ResultText() const;
    wxButton* RunButton() const { return m_run; }
    wxButton* CancelButton() const { return m_cancel; }
    wxGauge* Gauge() const { return m_gauge; }

private:
    struct Outcome {
        std::filesystem::path file;
        std::int64_t rows = -1;     // CSV only
        bool cancelled = false;
    };
    ExportKind Kind() const;
    bool IsMonthly() const;
    bool TakesDirectory() const;
    void UpdateFields();
    void SuggestFileName();
    void OnProgress(std::int64_t done, std::int64_t total);
    void OnOutcome(const Outcome& outcome);
    void OnFailed(const Failure& failure);
    void SetRunning(bool running);
    void ShowResult(const wxString& text, const wxColour& colour);

    std::shared_ptr<Session> m_session;
    std::vector<std::pair<int, unsigned>> m_months;   // the month choice's, newest first
    std::shared_ptr<std::atomic<bool>> m_cancelFlag;
    std::function<void(std::int64_t, std::int64_t)> m_observer;
    std::optional<std::filesystem::path> m_written;
    bool m_busy = false;
    bool m_cancelled = false;

    wxChoice* m_kind = nullptr;
    wxStaticText* m_periodLabel = nullptr;
    wxSizer* m_periodSizer = nullptr;
    wxDatePickerCtrl* m_from = nullptr;
    wxDatePickerCtrl* m_to = nullptr;
    wxStaticText* m_monthLabel = nullptr;
    wxChoice* m_month = nullptr;
    wxStaticText* m_separatorLabel = nullptr;
    wxChoice* m_separator = nullptr;
    wxStaticText* m_dialectLabel = nullptr;
    wxChoice* m_dialect = nullptr;
    wxStaticText* m_dirLabel = nullptr;
    wxDirPickerCtrl* m_dir = nullptr;
    wxStaticText* m_fileLabel = nullptr;
    wxFilePickerCtrl* m_file = nullptr;
    wxStaticText* m_note = nullptr;
    wxGauge* m_gauge = nullptr;
    wxStaticText* m_progressText = nullptr;
    wxStaticText* m_result = nullptr;
    wxButton* m_openFolder = nullptr;
    wxButton* m_run = nullptr;
    wxButton* m_cancel = nullptr;
    wxButton* m_close = nullptr;
};

// Opens the dialog (modeless) for [from, to] and returns it.
ExportDialog* ShowExportDialog(wxWindow* parent, std::shared_ptr<Session> session, domain::LocalDate from, domain::LocalDate to);

}  // namespace narcisse::ui
