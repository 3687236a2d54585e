#include "ui/export_dialog.h"

#include "ui/cash_labels.h"
#include "ui/format.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/filepicker.h>
#include <wx/gauge.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/stdpaths.h>
#include <wx/utils.h>

#include <cstdio>

namespace narcisse::ui {
namespace {

constexpr ExportKind kKinds[] = {ExportKind::Fec,        ExportKind::JournalCsv, ExportKind::PaymentsCsv,
                                 ExportKind::VouchersCsv, ExportKind::MonthlyPdf, ExportKind::VatPdf,
                                 ExportKind::ClosingsPdf};

wxString KindName(ExportKind kind)
{
    switch (kind) {
        // TRANSLATORS: the French "fichier des écritures comptables" the tax authorities ask for
        case ExportKind::Fec: return _("FEC file (fichier des écritures comptables)");
        case ExportKind::JournalCsv: return _("Journal lines (CSV)");
        case ExportKind::PaymentsCsv: return _("Payments (CSV)");
        case ExportKind::VouchersCsv: return _("Gift vouchers (CSV)");
        case ExportKind::MonthlyPdf: return _("Monthly revenue report (PDF)");
        case ExportKind::VatPdf: return _("VAT summary (PDF)");
        case ExportKind::ClosingsPdf: return _("Daily closings of a month (PDF)");
    }
    return {};
}

std::string Iso(domain::LocalDate d)
{
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                  static_cast<unsigned>(d.day()));
    return text;
}

std::string MonthText(int year, unsigned month)
{
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u", year, month);
    return text;
}

}  // namespace

ExportDialog::ExportDialog(wxWindow* parent, std::shared_ptr<Session> session, domain::LocalDate from, domain::LocalDate to)
    : wxDialog(parent, wxID_ANY, _("Export for the accountant")), m_session(std::move(session))
{
    const int margin = FromDIP(16);
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* grid = new wxFlexGridSizer(2, FromDIP(10), FromDIP(12));
    grid->AddGrowableCol(1);
    auto label = [&](const wxString& text) {
        auto* l = new wxStaticText(this, wxID_ANY, text);
        grid->Add(l, wxSizerFlags().CenterVertical());
        return l;
    };
    label(_("&What:"));
    m_kind = new wxChoice(this, wxID_ANY);
    for (auto k : kKinds) m_kind->Append(KindName(k));
    m_kind->SetSelection(0);
    grid->Add(m_kind, wxSizerFlags().Expand());

    m_periodLabel = label(_("&Period:"));
    m_periodSizer = new wxBoxSizer(wxHORIZONTAL);
    m_from = new wxDatePickerCtrl(this, wxID_ANY, ToWxDate(from), wxDefaultPosition, wxDefaultSize, wxDP_DROPDOWN | wxDP_SHOWCENTURY);
    m_to = new wxDatePickerCtrl(this, wxID_ANY, ToWxDate(to), wxDefaultPosition, wxDefaultSize, wxDP_DROPDOWN | wxDP_SHOWCENTURY);
    m_periodSizer->Add(m_from, wxSizerFlags().CenterVertical());
    m_periodSizer->Add(new wxStaticText(this, wxID_ANY, _("to")), wxSizerFlags().CenterVertical().Border(wxLEFT | wxRIGHT, FromDIP(8)));
    m_periodSizer->Add(m_to, wxSizerFlags().CenterVertical());
    grid->Add(m_periodSizer);

    m_monthLabel = label(_("&Month:"));
    m_month = new wxChoice(this, wxID_ANY);
    const auto today = m_session->Today();
    date::year_month ym = today.year() / today.month();
    for (int i = 0; i < 24; ++i, ym -= date::months{1}) {
        m_months.emplace_back(static_cast<int>(ym.year()), static_cast<unsigned>(ym.month()));
        m_month->Append(ToWxDate(ym / date::day{1}).Format("%B %Y"));
    }
    m_month->SetSelection(0);
    SetMonth(static_cast<int>(from.year()), static_cast<unsigned>(from.month()));
    grid->Add(m_month);

    m_separatorLabel = label(_("&Separator:"));
    m_separator = new wxChoice(this, wxID_ANY);
    m_separator->Append(std::vector<wxString>{_("Tab"), _("Vertical bar |")});
    m_separator->SetSelection(0);
    grid->Add(m_separator);

    m_dialectLabel = label(_("&Format:"));
    m_dialect = new wxChoice(this, wxID_ANY);
    m_dialect->Append(std::vector<wxString>{_("CSV RFC 4180 (comma, UTF-8)"), _("Excel France (semicolon, decimal comma)")});
    m_dialect->SetSelection(0);
    grid->Add(m_dialect);

    const wxString documents = wxStandardPaths::Get().GetDocumentsDir();
    m_dirLabel = label(_("&Folder:"));
    m_dir = new wxDirPickerCtrl(this, wxID_ANY, documents, _("The folder of the FEC file"), wxDefaultPosition,
                                FromDIP(wxSize(440, -1)), wxDIRP_USE_TEXTCTRL | wxDIRP_DIR_MUST_EXIST);
    grid->Add(m_dir, wxSizerFlags().Expand());
    m_fileLabel = label(_("&File:"));
    m_file = new wxFilePickerCtrl(this, wxID_ANY, documents, _("Save the export as"), wxFileSelectorDefaultWildcardStr,
                                  wxDefaultPosition, FromDIP(wxSize(440, -1)), wxFLP_SAVE | wxFLP_USE_TEXTCTRL | wxFLP_OVERWRITE_PROMPT);
    grid->Add(m_file, wxSizerFlags().Expand());
    top->Add(grid, wxSizerFlags().Expand().Border(wxALL, margin));

    m_note = new wxStaticText(this, wxID_ANY, wxString());
    m_note->SetForegroundColour(kCashMuted);
    top->Add(m_note, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, margin));

    auto* progress = new wxBoxSizer(wxHORIZONTAL);
    m_gauge = new wxGauge(this, wxID_ANY, 1000, wxDefaultPosition, FromDIP(wxSize(-1, 14)));
    progress->Add(m_gauge, wxSizerFlags(1).CenterVertical());
    m_progressText = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(150, -1)), wxALIGN_RIGHT | wxST_NO_AUTORESIZE);
    progress->Add(m_progressText, wxSizerFlags().CenterVertical().Border(wxLEFT, FromDIP(8)));
    top->Add(progress, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, margin));
    auto* result = new wxBoxSizer(wxHORIZONTAL);
    m_result = new wxStaticText(this, wxID_ANY, wxString());
    result->Add(m_result, wxSizerFlags(1).CenterVertical());
    m_openFolder = new wxButton(this, wxID_ANY, _("&Open folder"));
    m_openFolder->Hide();
    result->Add(m_openFolder, wxSizerFlags().CenterVertical().Border(wxLEFT, FromDIP(8)));
    top->Add(result, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, margin));

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->AddStretchSpacer();
    m_run = new wxButton(this, wxID_ANY, _("&Export"));
    m_run->SetDefault();
    m_cancel = new wxButton(this, wxID_ANY, _("&Cancel export"));
    m_close = new wxButton(this, wxID_CLOSE, _("Close"));
    buttons->Add(m_run);
    buttons->Add(m_cancel, wxSizerFlags().Border(wxLEFT, FromDIP(8)));
    buttons->Add(m_close, wxSizerFlags().Border(wxLEFT, FromDIP(8)));
    top->Add(buttons, wxSizerFlags().Expand().Border(wxALL, margin));
    SetSizer(top);

    m_kind->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { UpdateFields(); });
    m_month->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { SuggestFileName(); });
    m_dialect->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { SuggestFileName(); });
    m_from->Bind(wxEVT_DATE_CHANGED, [this](wxDateEvent&) { SuggestFileName(); });
    m_to->Bind(wxEVT_DATE_CHANGED, [this](wxDateEvent&) { SuggestFileName(); });
    m_run->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Run(); });
    m_cancel->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Cancel(); });
    m_openFolder->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (m_written) wxLaunchDefaultApplication(wxString::FromUTF8(m_written->parent_path().string()));
    });
    Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Close(); }, wxID_CLOSE);
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) {
        // Closing stops a running export: the use case leaves no partial file behind.
        if (m_cancelFlag) m_cancelFlag->store(true);
        Destroy();
    });
    SetRunning(false);
    UpdateFields();
    CentreOnParent();
}

ExportDialog* ShowExportDialog(wxWindow* parent, std::shared_ptr<Session> session, domain::LocalDate from, domain::LocalDate to)
{
    auto* dialog = new ExportDialog(parent, std::move(session), from, to);
    dialog->Show();
    return dialog;
}

ExportKind ExportDialog::Kind() const { return kKinds[std::max(0, m_kind->GetSelection())]; }
bool ExportDialog::IsMonthly() const { return Kind() == ExportKind::MonthlyPdf || Kind() == ExportKind::ClosingsPdf; }
bool ExportDialog::TakesDirectory() const { return Kind() == ExportKind::Fec; }
wxString ExportDialog::ResultText() const { return m_result->GetLabel(); }

void ExportDialog::SetKind(ExportKind kind)
{
    for (std::size_t i = 0; i < std::size(kKinds); ++i)
        if (kKinds[i] == kind) m_kind->SetSelection(static_cast<int>(i));
    UpdateFields();
}

void ExportDialog::SetPeriod(domain::LocalDate from, domain::LocalDate to)
{
    m_from->SetValue(ToWxDate(from));
    m_to->SetValue(ToWxDate(to));
    SuggestFileName();
}

void ExportDialog::SetMonth(int year, unsigned month)
{
    for (std::size_t i = 0; i < m_months.size(); ++i)
        if (m_months[i] == std::pair(year, month)) m_month->SetSelection(static_cast<int>(i));
    if (m_file) SuggestFileName();
}

void ExportDialog::SetFecSeparator(app::FecSeparator separator) { m_separator->SetSelection(separator == app::FecSeparator::Pipe ? 1 : 0); }
void ExportDialog::SetCsvFormat(app::CsvFormat format) { m_dialect->SetSelection(format == app::CsvFormat::ExcelFr ? 1 : 0); }

void ExportDialog::SetDestination(const std::filesystem::path& path)
{
    if (TakesDirectory()) m_dir->SetPath(wxString::FromUTF8(path.string()));
    else m_file->SetPath(wxString::FromUTF8(path.string()));
}

void ExportDialog::UpdateFields()
{
    const ExportKind kind = Kind();
    // Another export chosen: the last one's outcome no longer describes what is on screen.
    if (!m_busy) {
        m_written.reset();
        m_cancelled = false;
        m_gauge->Hide();
        m_openFolder->Hide();
        m_result->SetLabel(wxString());
    }
    const bool monthly = IsMonthly();
    const bool csv = kind == ExportKind::JournalCsv || kind == ExportKind::PaymentsCsv || kind == ExportKind::VouchersCsv;
    m_periodLabel->Show(!monthly);
    GetSizer()->Show(m_periodSizer, !monthly, true);
    m_monthLabel->Show(monthly);
    m_month->Show(monthly);
    m_separatorLabel->Show(kind == ExportKind::Fec);
    m_separator->Show(kind == ExportKind::Fec);
    m_dialectLabel->Show(csv);
    m_dialect->Show(csv);
    m_dirLabel->Show(TakesDirectory());
    m_dir->Show(TakesDirectory());
    m_fileLabel->Show(!TakesDirectory());
    m_file->Show(!TakesDirectory());
    m_note->SetLabel(kind == ExportKind::Fec
                         ? _("Named <SIREN>FEC<closing date>.txt from the business's SIREN, in the folder chosen.")
                         : wxString());
    m_note->Show(kind == ExportKind::Fec);
    SuggestFileName();
    Layout();
    GetSizer()->SetSizeHints(this);
}

void ExportDialog::SuggestFileName()
{
    if (TakesDirectory()) return;
    const ExportKind kind = Kind();
    const auto period = Iso(FromWxDate(m_from->GetValue())) + "_" + Iso(FromWxDate(m_to->GetValue()));
    const auto [year, month] = m_months[static_cast<std::size_t>(std::max(0, m_month->GetSelection()))];
    std::string name;
    switch (kind) {
        case ExportKind::Fec: return;
        case ExportKind::JournalCsv: name = "journal_" + period + ".csv"; break;
        case ExportKind::PaymentsCsv: name = "payments_" + period + ".csv"; break;
        case ExportKind::VouchersCsv: name = "vouchers_" + period + ".csv"; break;
        case ExportKind::MonthlyPdf: name = "monthly-report_" + MonthText(year, month) + ".pdf"; break;
        case ExportKind::VatPdf: name = "vat_" + period + ".pdf"; break;
        case ExportKind::ClosingsPdf: name = "closings_" + MonthText(year, month) + ".pdf"; break;
    }
    // Keeps the folder chosen; only the name follows what is exported.
    std::filesystem::path current(m_file->GetPath().utf8_string());
    std::filesystem::path folder = current.has_extension() ? current.parent_path() : current;
    if (folder.empty()) folder = wxStandardPaths::Get().GetDocumentsDir().utf8_string();
    m_file->SetPath(wxString::FromUTF8((folder / name).string()));
}

void ExportDialog::SetRunning(bool running)
{
    m_busy = running;
    for (wxWindow* w : std::initializer_list<wxWindow*>{m_kind, m_from, m_to, m_month, m_separator, m_dialect, m_dir, m_file, m_run})
        w->Enable(!running);
    m_cancel->Enable(running);
    m_gauge->Show(running || m_written.has_value());
    m_progressText->Show(running);
}

void ExportDialog::ShowResult(const wxString& text, const wxColour& colour)
{
    m_result->SetForegroundColour(colour);
    m_result->SetLabel(text);
    m_result->Wrap(FromDIP(520));
    Layout();
    GetSizer()->SetSizeHints(this);
}

void ExportDialog::Run()
{
    if (m_busy) return;
    const ExportKind kind = Kind();
    const auto from = FromWxDate(m_from->GetValue());
    const auto to = FromWxDate(m_to->GetValue());
    const auto [year, month] = m_months[static_cast<std::size_t>(std::max(0, m_month->GetSelection()))];
    const auto separator = m_separator->GetSelection() == 1 ? app::FecSeparator::Pipe : app::FecSeparator::Tab;
    const auto format = m_dialect->GetSelection() == 1 ? app::CsvFormat::ExcelFr : app::CsvFormat::Rfc4180;
    const std::filesystem::path target((TakesDirectory() ? m_dir->GetPath() : m_file->GetPath()).utf8_string());
    m_written.reset();
    m_cancelled = false;
    m_openFolder->Hide();
    if (!IsMonthly() && to < from) return ShowResult(_("The period ends before it starts."), kCashError);
    if (target.empty() || (TakesDirectory() && !std::filesystem::is_directory(target)))
        return ShowResult(TakesDirectory() ? _("Choose an existing folder for the FEC file.") : _("Choose the file to write."),
                          kCashError);
    m_cancelFlag = std::make_shared<std::atomic<bool>>(false);
    m_gauge->SetValue(0);
    m_progressText->SetLabel(_("Starting…"));
    SetRunning(true);
    ShowResult(wxString(), kCashMuted);

    // The worker reports progress through the window's weak reference, at most once per permille.
    auto lastShown = std::make_shared<std::atomic<std::int64_t>>(-1);
    WindowPost<ExportDialog> post(this);
    app::ProgressFn progress = [cancel = m_cancelFlag, observer = m_observer, post, lastShown](std::int64_t done, std::int64_t total) {
        if (observer) observer(done, total);
        // Without a known total (a journal streamed from the store) each report is shown: they come
        // every few thousand lines.
        const std::int64_t permille = total > 0 ? done * 1000 / total : -1;
        if (total <= 0 || permille != lastShown->exchange(permille))
            post([done, total](ExportDialog& d) { d.OnProgress(done, total); });
        return !cancel->load();
    };
    auto cancel = m_cancelFlag;
    RunOnWorker(
        *m_session->worker, this,
        [=](domain::Store& store) {
            Outcome outcome;
            try {
                if (cancel->load()) throw app::Cancelled();   // cancelled while waiting for the worker
                switch (kind) {
                    case ExportKind::Fec: outcome.file = app::exportFec(store, from, to, separator, target, progress); break;
                    case ExportKind::JournalCsv: outcome.rows = app::exportJournalCsv(store, from, to, format, target, progress); break;
                    case ExportKind::PaymentsCsv: outcome.rows = app::exportPaymentsCsv(store, from, to, format, target, progress); break;
                    case ExportKind::VouchersCsv: outcome.rows = app::exportVouchersCsv(store, from, to, format, target, progress); break;
                    case ExportKind::MonthlyPdf: app::writeMonthlyReport(store, year, month, target, progress); break;
                    case ExportKind::VatPdf: app::writeVatReport(store, from, to, target); break;
                    case ExportKind::ClosingsPdf: app::writeClosingsReport(store, year, month, target); break;
                }
                if (kind != ExportKind::Fec) outcome.file = target;
            } catch (const app::Cancelled&) {
                outcome.cancelled = true;
            }
            return outcome;
        },
        [](ExportDialog& d, const Outcome& outcome) { d.OnOutcome(outcome); },
        [](ExportDialog& d, const Failure& failure) { d.OnFailed(failure); });
}

void ExportDialog::Cancel()
{
    if (!m_busy || !m_cancelFlag) return;
    m_cancelFlag->store(true);
    m_cancel->Disable();
    m_progressText->SetLabel(_("Cancelling…"));
}

void ExportDialog::OnProgress(std::int64_t done, std::int64_t total)
{
    if (!m_busy) return;
    if (total > 0) {
        m_gauge->SetValue(static_cast<int>(std::min<std::int64_t>(1000, done * 1000 / total)));
        // TRANSLATORS: export progress, e.g. "1 200 / 35 000"
        if (!m_cancelFlag->load())
            m_progressText->SetLabel(wxString::Format(_("%s / %s"), FormatCount(static_cast<long>(done)), FormatCount(static_cast<long>(total))));
    } else {
        m_gauge->Pulse();
        if (!m_cancelFlag->load())
            m_progressText->SetLabel(wxString::Format(wxPLURAL("%s line", "%s lines", done), FormatCount(static_cast<long>(done))));
    }
}

void ExportDialog::OnOutcome(const Outcome& outcome)
{
    SetRunning(false);
    if (outcome.cancelled) {
        m_cancelled = true;
        m_gauge->SetValue(0);
        m_gauge->Hide();
        ShowResult(_("Export cancelled: no file was written."), kCashMuted);
        return;
    }
    m_written = outcome.file;
    m_gauge->Show();
    m_gauge->SetValue(m_gauge->GetRange());
    wxString text = wxString::Format(_("Written: %s"), wxString::FromUTF8(outcome.file.string()));
    if (outcome.rows >= 0)
        text += "\n" + wxString::Format(wxPLURAL("%s line", "%s lines", outcome.rows), FormatCount(static_cast<long>(outcome.rows)));
    m_openFolder->Show();
    ShowResult(text, kCashOk);
}

void ExportDialog::OnFailed(const Failure& failure)
{
    SetRunning(false);
    m_gauge->Hide();
    wxString text = wxString::Format(_("Not exported: %s"), failure.message);
    if (failure.field == "siren")
        text += "\n" + _("The SIREN is the setting business_siren (else the first 9 digits of business_siret).");
    ShowResult(text, kCashError);
}

}  // namespace narcisse::ui
