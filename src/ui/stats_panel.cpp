#include "ui/stats_panel.h"

#include "ui/chart_widgets.h"
#include "ui/format.h"

#include <wx/button.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/filedlg.h>
#include <wx/numformatter.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/uilocale.h>

#include <cmath>

namespace narcisse::ui {
namespace {

using app::StatsChart;

const wxColour kErrorColour(0xC5, 0x30, 0x30);
const wxColour kMutedText(0x5F, 0x6B, 0x7A);
// The planning's colours: confirmed blue for people, the icons' orange for money and full boats.
const wxColour kPeople(0x2B, 0x6C, 0xB0);
const wxColour kMoney(0xE0, 0x7B, 0x24);
const wxColour kOccupancy(0xDD, 0x8A, 0x3E);
const wxColour kLanguages(0x2F, 0x85, 0x5A);
const wxColour kLeadTime(0x4A, 0x78, 0xB8);

// "14/07" or "7/14": the locale's short date without its year (a period's axis needs no year).
wxString DayMonth(domain::LocalDate date)
{
    static const wxString format = [] {
        wxString f = wxUILocale::GetCurrent().GetInfo(wxLOCALE_SHORT_DATE_FMT);
        for (const char* year : {"%Y", "%y"}) {
            const int at = f.Find(year);
            if (at == wxNOT_FOUND) continue;
            f.Remove(static_cast<size_t>(at), 2);
        }
        // The separator the year leaves behind: "%d/%m/" → "%d/%m", "-%m-%d" → "%m-%d".
        while (!f.empty() && !wxIsalpha(f.Last())) f.RemoveLast();
        while (!f.empty() && f[0] != '%') f.Remove(0, 1);
        return f.empty() ? wxString("%d/%m") : f;
    }();
    return ToWxDate(date).Format(format);
}

wxString Count(double v) { return FormatCount(std::lround(v)); }

wxString Euros(double v)
{
    // TRANSLATORS: an axis value in whole euros, e.g. "1 200 €"
    return wxString::Format(_("%s €"), FormatCount(std::lround(v)));
}

wxString Percent(double v, int decimals)
{
    // TRANSLATORS: a percentage, e.g. "50 %" (French puts a space before the sign)
    return wxString::Format(_("%s %%"), wxNumberFormatter::ToString(v, decimals));
}
wxString WholePercent(double v) { return Percent(v, 0); }
wxString TenthPercent(double v) { return Percent(v, 1); }

wxString LeadTimeName(app::LeadTime bucket)
{
    using L = app::LeadTime;
    switch (bucket) {
    case L::SameDay: return _("Same day");
    case L::OneDay: return _("1 day");
    case L::TwoToThree: return _("2–3 days");
    case L::FourToSeven: return _("4–7 days");
    case L::EightToFourteen: return _("8–14 days");
    case L::FifteenToThirty: return _("15–30 days");
    case L::OverThirty: return _("Over 30 days");
    }
    return wxString::FromUTF8(std::string(app::leadTimeLabel(bucket)));
}

wxString ChartTitle(StatsChart which)
{
    switch (which) {
    case StatsChart::PassengersRevenue: return _("Passengers and revenue per day");
    case StatsChart::Occupancy: return _("Occupancy by departure hour");
    case StatsChart::Channels: return _("Bookings by channel");
    case StatsChart::Languages: return _("Bookings by language");
    case StatsChart::LeadTime: return _("Booked how long before the ride");
    }
    return {};
}

// What each chart shows of the report; the CSV of the same chart holds the same numbers.
ChartSpec SpecOf(const app::StatsReport& r, StatsChart which)
{
    ChartSpec s;
    s.title = ChartTitle(which);
    s.emptyText = _("No booking in this period");
    switch (which) {
    case StatsChart::PassengersRevenue:
        for (const auto& d : r.days) {
            s.labels.push_back(DayMonth(d.date));
            s.bars.push_back(d.passengers);
            s.line.push_back(static_cast<double>(d.revenue.cents()) / 100.0);
        }
        s.barsName = _("Passengers");
        s.labelSteps = {1, 2, 7, 14, 28, 56};
        s.barFormat = Count;
        s.barColour = kPeople;
        // TRANSLATORS: the legend of the revenue line: what the rides were sold for, VAT included
        s.lineName = _("Revenue incl. VAT");
        s.lineFormat = Euros;
        s.lineColour = kMoney;
        break;
    case StatsChart::Occupancy:
        for (const auto& h : r.hours) {
            s.labels.push_back(FormatWallTime(domain::Minutes{h.hour * 60}));
            s.bars.push_back(h.permille() / 10.0);
        }
        s.barsName = _("Seats held of seats offered");
        s.barFormat = WholePercent;
        s.valueFormat = TenthPercent;
        s.barMax = 100;
        s.barColour = kOccupancy;
        s.emptyText = _("No departure in this period");
        break;
    case StatsChart::Channels:
        s.kind = ChartSpec::Kind::Rows;
        for (const auto& c : r.channels) {
            s.labels.push_back(ChannelName(c.channel));
            s.bars.push_back(c.bookings);
        }
        s.barFormat = Count;
        s.barColour = kPeople;
        break;
    case StatsChart::Languages:
        s.kind = ChartSpec::Kind::Rows;
        for (const auto& l : r.languages) {
            s.labels.push_back(LanguageName(l.language));
            s.bars.push_back(l.bookings);
        }
        s.barFormat = Count;
        s.barColour = kLanguages;
        break;
    case StatsChart::LeadTime:
        for (const auto& l : r.leadTimes) {
            s.labels.push_back(LeadTimeName(l.bucket));
            s.bars.push_back(l.bookings);
        }
        s.barsName = _("Bookings");
        s.barFormat = Count;
        s.barColour = kLeadTime;
        break;
    }
    return s;
}

const char* FileStem(StatsChart which)
{
    switch (which) {
    case StatsChart::PassengersRevenue: return "passengers-revenue";
    case StatsChart::Occupancy: return "occupancy";
    case StatsChart::Channels: return "channels";
    case StatsChart::Languages: return "languages";
    case StatsChart::LeadTime: return "lead-time";
    }
    return "stats";
}

domain::LocalDate FirstOfMonth(domain::LocalDate d) { return d.year() / d.month() / date::day{1}; }
domain::LocalDate LastOfMonth(domain::LocalDate d) { return d.year() / d.month() / date::last; }

}  // namespace

StatsPanel::StatsPanel(wxWindow* parent, std::shared_ptr<Session> session)
    : wxPanel(parent, wxID_ANY), m_session(std::move(session))
{
    SetBackgroundColour(*wxWHITE);
    BuildLayout();
    const auto today = m_session->Today();
    m_from->SetValue(ToWxDate(FirstOfMonth(today)));
    m_to->SetValue(ToWxDate(today));
    for (std::size_t i = 0; i < kCharts; ++i) {
        ChartSpec empty;
        empty.title = ChartTitle(static_cast<StatsChart>(i));
        m_canvases[i]->SetChart(std::move(empty));
    }
}

void StatsPanel::BuildLayout()
{
    const int border = FromDIP(18);
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(this, wxID_ANY, _("Stats"));
    title->SetFont(GetFont().Scaled(1.4f).Bold());
    top->Add(title, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, border));

    auto* period = new wxBoxSizer(wxHORIZONTAL);
    const long pickerStyle = wxDP_DROPDOWN | wxDP_SHOWCENTURY;
    period->Add(new wxStaticText(this, wxID_ANY, _("&From")), wxSizerFlags().CenterVertical());
    m_from = new wxDatePickerCtrl(this, wxID_ANY, wxDefaultDateTime, wxDefaultPosition, wxDefaultSize, pickerStyle);
    period->Add(m_from, wxSizerFlags().CenterVertical().Border(wxLEFT, FromDIP(6)));
    period->Add(new wxStaticText(this, wxID_ANY, _("t&o")), wxSizerFlags().CenterVertical().Border(wxLEFT, FromDIP(10)));
    m_to = new wxDatePickerCtrl(this, wxID_ANY, wxDefaultDateTime, wxDefaultPosition, wxDefaultSize, pickerStyle);
    period->Add(m_to, wxSizerFlags().CenterVertical().Border(wxLEFT, FromDIP(6)));
    period->AddSpacer(FromDIP(18));
    auto preset = [&](const wxString& label, Preset p) {
        auto* b = new wxButton(this, wxID_ANY, label);
        b->Bind(wxEVT_BUTTON, [this, p](wxCommandEvent&) { ApplyPreset(p); });
        period->Add(b, wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(6)));
    };
    preset(_("This &month"), Preset::ThisMonth);
    preset(_("&Last month"), Preset::LastMonth);
    preset(_("&Season"), Preset::Season);
    m_status = new wxStaticText(this, wxID_ANY, wxString());
    m_status->SetForegroundColour(kMutedText);
    period->Add(m_status, wxSizerFlags(1).CenterVertical().Border(wxLEFT, FromDIP(12)));
    top->Add(period, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, border));
    m_from->Bind(wxEVT_DATE_CHANGED, &StatsPanel::OnDateChanged, this);
    m_to->Bind(wxEVT_DATE_CHANGED, &StatsPanel::OnDateChanged, this);

    m_summary = new wxStaticText(this, wxID_ANY, wxString());
    m_summary->SetFont(GetFont().Bold());
    top->Add(m_summary, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, border));

    m_scroll = new wxScrolledWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL);
    m_scroll->SetBackgroundColour(*wxWHITE);
    m_scroll->SetScrollRate(0, FromDIP(20));
    auto* charts = new wxBoxSizer(wxVERTICAL);
    charts->Add(MakeChartBox(m_scroll, StatsChart::PassengersRevenue, wxSize(600, 270)), wxSizerFlags().Expand());
    auto* grid = new wxFlexGridSizer(2, FromDIP(6), FromDIP(24));
    grid->AddGrowableCol(0, 1);
    grid->AddGrowableCol(1, 1);
    grid->Add(MakeChartBox(m_scroll, StatsChart::Occupancy, wxSize(300, 240)), wxSizerFlags().Expand());
    grid->Add(MakeChartBox(m_scroll, StatsChart::LeadTime, wxSize(300, 240)), wxSizerFlags().Expand());
    grid->Add(MakeChartBox(m_scroll, StatsChart::Channels, wxSize(300, 190)), wxSizerFlags().Expand());
    grid->Add(MakeChartBox(m_scroll, StatsChart::Languages, wxSize(300, 190)), wxSizerFlags().Expand());
    charts->Add(grid, wxSizerFlags().Expand().Border(wxTOP, FromDIP(6)));
    m_scroll->SetSizer(charts);
    top->Add(m_scroll, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxTOP | wxBOTTOM, FromDIP(10)));
    SetSizer(top);
}

wxSizer* StatsPanel::MakeChartBox(wxWindow* parent, StatsChart which, const wxSize& minSizeDip)
{
    auto* box = new wxBoxSizer(wxVERTICAL);
    auto* canvas = new ChartCanvas(parent, minSizeDip);
    m_canvases[static_cast<std::size_t>(which)] = canvas;
    box->Add(canvas, wxSizerFlags(1).Expand());
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->AddStretchSpacer();
    auto* png = new wxButton(parent, wxID_ANY, _("Export PNG…"), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
    auto* csv = new wxButton(parent, wxID_ANY, _("Export data (CSV)…"), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
    png->SetToolTip(_("Save this chart as a PNG image"));
    csv->SetToolTip(_("Save the numbers behind this chart as a CSV file"));
    png->Bind(wxEVT_BUTTON, [this, which](wxCommandEvent&) { AskPng(which); });
    csv->Bind(wxEVT_BUTTON, [this, which](wxCommandEvent&) { AskCsv(which); });
    buttons->Add(png);
    buttons->Add(csv, wxSizerFlags().Border(wxLEFT, FromDIP(6)));
    box->Add(buttons, wxSizerFlags().Expand().Border(wxTOP | wxRIGHT, FromDIP(4)));
    return box;
}

domain::LocalDate StatsPanel::From() const { return FromWxDate(m_from->GetValue()); }
domain::LocalDate StatsPanel::To() const { return FromWxDate(m_to->GetValue()); }

void StatsPanel::Reload()
{
    const auto from = From();
    const auto to = To();
    Load([from, to](domain::Store&) { return app::Period{from, to}; });
}

void StatsPanel::SetPeriod(domain::LocalDate from, domain::LocalDate to)
{
    m_from->SetValue(ToWxDate(from));
    m_to->SetValue(ToWxDate(to));
    Reload();
}

void StatsPanel::ApplyPreset(Preset preset)
{
    const auto today = m_session->Today();
    switch (preset) {
    case Preset::ThisMonth: SetPeriod(FirstOfMonth(today), LastOfMonth(today)); return;
    case Preset::LastMonth: {
        const auto previous = AddDays(FirstOfMonth(today), -1);
        SetPeriod(FirstOfMonth(previous), LastOfMonth(previous));
        return;
    }
    case Preset::Season: {
        // The season comes from the timetable: read on the worker with the figures.
        const int year = static_cast<int>(today.year());
        Load([year](domain::Store& store) { return app::seasonOf(store, year); });
        return;
    }
    }
}

void StatsPanel::OnDateChanged(wxDateEvent&)
{
    Reload();
}

void StatsPanel::Load(std::function<app::Period(domain::Store&)> period)
{
    ++m_pending;
    const int generation = ++m_generation;
    ShowStatus(_("Loading…"), false);
    RunOnWorker(
        *m_session->worker, this,
        [period](domain::Store& store) {
            const app::Period p = period(store);
            return app::loadStats(store, p.from, p.to);
        },
        [generation](StatsPanel& panel, app::StatsReport report) {
            --panel.m_pending;
            if (generation == panel.m_generation) panel.OnReport(std::move(report));
        },
        [generation](StatsPanel& panel, const Failure& failure) {
            --panel.m_pending;
            if (generation == panel.m_generation) panel.ShowStatus(failure.message, true);
        });
}

void StatsPanel::OnReport(app::StatsReport report)
{
    m_from->SetValue(ToWxDate(report.from));   // a preset read on the worker says which days it took
    m_to->SetValue(ToWxDate(report.to));
    for (std::size_t i = 0; i < kCharts; ++i) m_canvases[i]->SetChart(SpecOf(report, static_cast<StatsChart>(i)));
    const wxString passengers =
        wxString::Format(wxPLURAL("%s passenger", "%s passengers", report.passengers), FormatCount(report.passengers));
    const wxString bookings =
        wxString::Format(wxPLURAL("%s booking", "%s bookings", report.bookings), FormatCount(report.bookings));
    // TRANSLATORS: the period's totals: passengers, bookings, revenue incl. VAT, occupancy
    m_summary->SetLabel(wxString::Format(_("%s · %s · %s incl. VAT · %s of the seats offered held"), passengers,
                                         bookings, FormatMoney(report.revenue), TenthPercent(report.permille() / 10.0)));
    m_report = std::move(report);
    ShowStatus(wxString(), false);
    Layout();
    m_scroll->FitInside();
}

void StatsPanel::ShowStatus(const wxString& text, bool error)
{
    m_status->SetForegroundColour(error ? kErrorColour : kMutedText);
    m_status->SetLabel(text);
}

wxString StatsPanel::SummaryText() const { return m_summary->GetLabel(); }
wxString StatsPanel::StatusText() const { return m_status->GetLabel(); }

wxString StatsPanel::DefaultFileName(StatsChart which, const wxString& extension) const
{
    return wxString::Format("stats-%s-%s-%s.%s", FileStem(which), wxString(domain::isoDate(From())),
                            wxString(domain::isoDate(To())), extension);
}

bool StatsPanel::ExportPng(StatsChart which, const wxString& path)
{
    if (!Chart(which)->SaveAsPng(path)) {
        ShowStatus(wxString::Format(_("Could not write %s"), path), true);
        return false;
    }
    ShowStatus(wxString::Format(_("Saved %s"), path), false);
    return true;
}

bool StatsPanel::ExportCsv(StatsChart which, app::CsvFormat format, const wxString& path)
{
    if (!m_report) {
        ShowStatus(_("The figures are not loaded yet"), true);
        return false;
    }
    // A few hundred lines at most: written here, the store is not involved.
    try {
        app::exportStatsCsv(*m_report, which, format, std::filesystem::path(path.utf8_string()));
    } catch (const std::exception& e) {
        ShowStatus(wxString::FromUTF8(e.what()), true);
        return false;
    }
    ShowStatus(wxString::Format(_("Saved %s"), path), false);
    return true;
}

void StatsPanel::AskPng(StatsChart which)
{
    wxFileDialog dialog(this, _("Export the chart as an image"), wxString(), DefaultFileName(which, "png"),
                        _("PNG images (*.png)|*.png"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() == wxID_OK) ExportPng(which, dialog.GetPath());
}

void StatsPanel::AskCsv(StatsChart which)
{
    if (!m_report) return;
    wxFileDialog dialog(this, _("Export the chart's data"), wxString(), DefaultFileName(which, "csv"),
                        _("CSV, comma-separated (RFC 4180) (*.csv)|*.csv|CSV for Excel, French (*.csv)|*.csv"),
                        wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() != wxID_OK) return;
    ExportCsv(which, dialog.GetFilterIndex() == 1 ? app::CsvFormat::ExcelFr : app::CsvFormat::Rfc4180, dialog.GetPath());
}

}  // namespace narcisse::ui
