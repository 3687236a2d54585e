// The Stats view: the figures of a period at a glance (app/stats.h) as five charts drawn by hand,
// each exportable as a PNG image and its data as CSV. The figures are read on the session's worker.
#pragma once

#include "app/stats.h"
#include "ui/async.h"
#include "ui/session.h"

#include <wx/panel.h>

#include <array>
#include <functional>
#include <memory>
#include <optional>

class wxDatePickerCtrl;
class wxDateEvent;
class wxScrolledWindow;
class wxStaticText;

namespace narcisse::ui {

class ChartCanvas;

class StatsPanel : public wxPanel {
public:
    enum class Preset { ThisMonth, LastMonth, Season };
    static constexpr std::size_t kCharts = 5;   // one per app::StatsChart

    // Opens on this month so far; nothing is read until Reload() (the main frame calls it when shown).
    StatsPanel(wxWindow* parent, std::shared_ptr<Session> session);

    // Reads the figures of the chosen period again (on the worker).
    void Reload();
    void SetPeriod(domain::LocalDate from, domain::LocalDate to);   // and reads it
    void ApplyPreset(Preset preset);                                // and reads it

    // Without a dialog (the buttons ask for the file, then call these). False, with the reason in
    // the status line, when nothing was written.
    bool ExportPng(app::StatsChart which, const wxString& path);
    bool ExportCsv(app::StatsChart which, app::CsvFormat format, const wxString& path);

    // For the UI tests.
    bool IsBusy() const { return m_pending > 0; }
    bool IsLoaded() const { return m_report.has_value(); }
    const std::optional<app::StatsReport>& Report() const { return m_report; }
    ChartCanvas* Chart(app::StatsChart which) const { return m_canvases[static_cast<std::size_t>(which)]; }
    wxString SummaryText() const;
    wxString StatusText() const;
    domain::LocalDate From() const;
    domain::LocalDate To() const;

private:
    void BuildLayout();
    wxSizer* MakeChartBox(wxWindow* parent, app::StatsChart which, const wxSize& minSizeDip);
    void Load(std::function<app::Period(domain::Store&)> period);
    void OnReport(app::StatsReport report);
    void ShowStatus(const wxString& text, bool error);
    void OnDateChanged(wxDateEvent& event);
    void AskPng(app::StatsChart which);
    void AskCsv(app::StatsChart which);
    wxString DefaultFileName(app::StatsChart which, const wxString& extension) const;

    std::shared_ptr<Session> m_session;
    std::optional<app::StatsReport> m_report;
    int m_pending = 0;
    int m_generation = 0;   // a reply to an older request is dropped

    wxDatePickerCtrl* m_from = nullptr;
    wxDatePickerCtrl* m_to = nullptr;
    wxStaticText* m_summary = nullptr;
    wxStaticText* m_status = nullptr;
    wxScrolledWindow* m_scroll = nullptr;
    std::array<ChartCanvas*, kCharts> m_canvases{};
};

}  // namespace narcisse::ui
