#include "ui/days_off_dialog.h"

#include "ui/access.h"
#include "ui/format.h"
#include "ui/icons.h"

#include <wx/datectrl.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/statline.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>

namespace narcisse::ui {
namespace {

const wxColour kErrorColour(0xC5, 0x30, 0x30);
const wxColour kErrorField(0xFD, 0xEC, 0xEC);
const wxColour kMutedText(0x5F, 0x6B, 0x7A);
const wxColour kPastText(0x9A, 0xA3, 0xAE);

enum Column { kFrom, kTo, kDays, kReason };

// Every day off the business will record lies within these bounds (as app::removeDayOff assumes).
const domain::LocalDate kFirstDay{date::year{1900}, date::January, date::day{1}};
const domain::LocalDate kLastDay{date::year{2999}, date::December, date::day{31}};

// A date picker is a composite (a combo with a text inside): its parts take the colour too.
void Tint(wxWindow* field, const wxColour& colour)
{
    field->SetBackgroundColour(colour);
    field->Refresh();
    for (auto* child : field->GetChildren()) Tint(child, colour);
}

bool IsPastOn(const domain::DayOff& off, domain::LocalDate today) { return off.to < today; }

// Upcoming and current days off first, soonest first; then the past ones, latest first.
void SortForReading(std::vector<app::DayOffRow>& rows, domain::LocalDate today)
{
    std::stable_sort(rows.begin(), rows.end(), [today](const app::DayOffRow& a, const app::DayOffRow& b) {
        const bool pastA = IsPastOn(a.dayOff, today);
        const bool pastB = IsPastOn(b.dayOff, today);
        if (pastA != pastB) return !pastA;
        return pastA ? a.dayOff.from > b.dayOff.from : a.dayOff.from < b.dayOff.from;
    });
}

std::optional<domain::Uuid> ActingEmployee(const Session& session)
{
    return session.employee ? std::optional(session.employee->id) : std::nullopt;
}

}  // namespace

DaysOffDialog::DaysOffDialog(wxWindow* parent, std::shared_ptr<Session> session, domain::Employee employee)
    : wxDialog(parent, wxID_ANY,
               // TRANSLATORS: the title of the days off dialog, with the employee's name
               wxString::Format(_("Days off — %s"), wxString::FromUTF8(employee.name)), wxDefaultPosition,
               wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_session(std::move(session)),
      m_employee(std::move(employee)),
      m_today(m_session->Today())
{
    SetIcons(GetAppIcons());
    m_confirm = [this](const wxString& question) {
        wxMessageDialog ask(this, question, _("Remove a day off"), wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION);
        ask.SetYesNoLabels(_("&Remove"), _("Cancel"));
        return ask.ShowModal() == wxID_YES;
    };
    BuildLayout();
    Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Close(); }, wxID_CLOSE);
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) {
        if (IsModal())
            EndModal(wxID_CLOSE);
        else
            Destroy();
    });
    Reload();
}

void DaysOffDialog::BuildLayout()
{
    const int margin = FromDIP(18);
    const int gap = FromDIP(8);
    auto* top = new wxBoxSizer(wxVERTICAL);

    m_list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(560, 220)),
                            wxLC_REPORT | wxLC_SINGLE_SEL | wxLC_HRULES);
    m_list->AppendColumn(_("From"), wxLIST_FORMAT_LEFT, FromDIP(150));
    m_list->AppendColumn(_("To"), wxLIST_FORMAT_LEFT, FromDIP(150));
    m_list->AppendColumn(_("Days"), wxLIST_FORMAT_RIGHT, FromDIP(60));
    m_list->AppendColumn(_("Reason"), wxLIST_FORMAT_LEFT, FromDIP(190));
    top->Add(m_list, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxTOP, margin));

    auto* listActions = new wxBoxSizer(wxHORIZONTAL);
    m_status = new wxStaticText(this, wxID_ANY, _("Loading…"));
    m_status->SetForegroundColour(kMutedText);
    listActions->Add(m_status, wxSizerFlags(1).CenterVertical().Border(wxRIGHT, FromDIP(12)));
    m_remove = new wxButton(this, wxID_ANY, _("&Remove…"));
    listActions->Add(m_remove);
    top->Add(listActions, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, margin));

    auto* heading = new wxStaticText(this, wxID_ANY, _("Add a day off"));
    heading->SetFont(GetFont().Bold());
    top->Add(heading, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, margin));

    auto* form = new wxFlexGridSizer(2, gap, FromDIP(12));
    form->AddGrowableCol(1);
    auto label = [&](const wxString& text, const std::string& name) {
        auto* l = new wxStaticText(this, wxID_ANY, text);
        m_labels[name] = l;
        return l;
    };
    const long pickerStyle = wxDP_DROPDOWN | wxDP_SHOWCENTURY;
    m_from = new wxDatePickerCtrl(this, wxID_ANY, ToWxDate(m_today), wxDefaultPosition, wxDefaultSize, pickerStyle);
    m_to = new wxDatePickerCtrl(this, wxID_ANY, ToWxDate(m_today), wxDefaultPosition, wxDefaultSize, pickerStyle);
    m_reason = new wxTextCtrl(this, wxID_ANY);
    m_reason->SetHint(_("Holiday, training, medical appointment…"));
    auto* dates = new wxBoxSizer(wxHORIZONTAL);
    dates->Add(m_from, wxSizerFlags().CenterVertical());
    // TRANSLATORS: between the two dates of a day off: "from [date] to [date]"
    dates->Add(label(_("to"), "to"), wxSizerFlags().CenterVertical().Border(wxLEFT | wxRIGHT, gap));
    dates->Add(m_to, wxSizerFlags().CenterVertical());
    form->Add(label(_("&From:"), "from"), wxSizerFlags().CenterVertical().Right());
    form->Add(dates);
    form->Add(label(_("R&eason:"), "reason"), wxSizerFlags().CenterVertical().Right());
    form->Add(m_reason, wxSizerFlags().Expand());
    m_fields = {{"from", m_from}, {"to", m_to}, {"reason", m_reason}};
    m_add = new wxButton(this, wxID_ADD, _("&Add"));
    form->AddSpacer(0);
    form->Add(m_add, wxSizerFlags().Left());
    top->Add(form, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, margin));

    m_error = new wxStaticText(this, wxID_ANY, wxString());
    m_error->SetForegroundColour(kErrorColour);
    m_error->SetFont(GetFont().Bold());
    top->Add(m_error, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, margin));
    m_error->Hide();

    top->Add(new wxStaticLine(this), wxSizerFlags().Expand().Border(wxTOP, FromDIP(12)));
    auto* buttons = new wxStdDialogButtonSizer();
    buttons->AddButton(new wxButton(this, wxID_CLOSE, _("&Close")));
    buttons->Realize();
    top->Add(buttons, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    SetSizerAndFit(top);
    CentreOnParent();

    m_add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnAdd(); });
    m_remove->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnRemove(); });
    m_list->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { UpdateButtons(); });
    m_list->Bind(wxEVT_LIST_ITEM_DESELECTED, [this](wxListEvent&) { UpdateButtons(); });
    UpdateButtons();
}

void DaysOffDialog::Reload()
{
    ++m_pending;
    const auto id = m_employee.id.str();
    RunOnWorker(
        *m_session->worker, this,
        [id](domain::Store& store) { return app::listDaysOff(store, id, kFirstDay, kLastDay); },
        [](DaysOffDialog& d, std::vector<app::DayOffRow> rows) {
            --d.m_pending;
            d.OnLoaded(std::move(rows));
        },
        [](DaysOffDialog& d, const Failure& failure) {
            --d.m_pending;
            d.m_status->SetLabel(wxString::Format(_("The days off cannot be read: %s"), failure.message));
        });
}

void DaysOffDialog::OnLoaded(std::vector<app::DayOffRow> rows)
{
    SortForReading(rows, m_today);
    m_rows = std::move(rows);
    m_loaded = true;
    m_list->DeleteAllItems();
    int upcoming = 0;
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        const auto& off = m_rows[i].dayOff;
        const long item = m_list->InsertItem(static_cast<long>(i), FormatLongDate(off.from));
        m_list->SetItem(item, kTo, FormatLongDate(off.to));
        const auto days = (date::sys_days{off.to} - date::sys_days{off.from}).count() + 1;
        m_list->SetItem(item, kDays, FormatCount(days));
        m_list->SetItem(item, kReason, wxString::FromUTF8(off.reason));
        if (IsPastOn(off, m_today))
            m_list->SetItemTextColour(item, kPastText);
        else
            ++upcoming;
    }
    const int past = static_cast<int>(m_rows.size()) - upcoming;
    wxString counts = m_rows.empty() ? _("No day off recorded.")
                                     : wxString::Format(wxPLURAL("%d upcoming", "%d upcoming", upcoming), upcoming) +
                                           " · " + wxString::Format(wxPLURAL("%d past", "%d past", past), past);
    m_counts = counts;
    m_status->SetLabel(m_notice.empty() ? counts : m_notice + "  " + counts);
    m_notice.clear();
    UpdateButtons();
}

void DaysOffDialog::UpdateButtons()
{
    AllowFor(m_remove, *m_session, domain::Action::ManageStaff, m_pending == 0 && m_list->GetSelectedItemCount() > 0);
    AllowFor(m_add, *m_session, domain::Action::ManageStaff, m_pending == 0);
}

void DaysOffDialog::OnAdd()
{
    if (m_pending > 0) return;
    ClearError();
    m_status->SetLabel(m_counts);   // the last change's notice is no news any more
    app::DayOffRequest request{m_employee.id.str(), FromWxDate(m_from->GetValue()), FromWxDate(m_to->GetValue()),
                               m_reason->GetValue().utf8_string()};
    const auto clock = m_session->clock;
    const auto acting = ActingEmployee(*m_session);
    ++m_pending;
    UpdateButtons();
    RunOnWorker(
        *m_session->worker, this,
        [request, clock, acting](domain::Store& store) { return app::addDayOff(store, *clock, request, acting); },
        [](DaysOffDialog& d, domain::DayOff added) {
            --d.m_pending;
            d.m_reason->Clear();
            d.Changed(wxString::Format(_("Day off added from %s to %s."), FormatLongDate(added.from),
                                       FormatLongDate(added.to)));
        },
        [](DaysOffDialog& d, const Failure& failure) {
            --d.m_pending;
            d.UpdateButtons();
            d.ShowFailure(failure);
        });
}

void DaysOffDialog::OnRemove()
{
    if (m_pending > 0) return;
    const long item = m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (item < 0 || static_cast<std::size_t>(item) >= m_rows.size()) return;
    const auto off = m_rows[static_cast<std::size_t>(item)].dayOff;
    const wxString question =
        off.from == off.to
            ? wxString::Format(_("Remove the day off of %s on %s?"), wxString::FromUTF8(m_employee.name),
                               FormatLongDate(off.from))
            : wxString::Format(_("Remove the days off of %s from %s to %s?"), wxString::FromUTF8(m_employee.name),
                               FormatLongDate(off.from), FormatLongDate(off.to));
    if (!m_confirm(question)) return;
    ClearError();
    m_status->SetLabel(m_counts);
    const auto clock = m_session->clock;
    const auto acting = ActingEmployee(*m_session);
    ++m_pending;
    UpdateButtons();
    RunOnWorker(
        *m_session->worker, this,
        [id = off.id, clock, acting](domain::Store& store) {
            app::removeDayOff(store, *clock, id, acting);
            return true;
        },
        [](DaysOffDialog& d, bool) {
            --d.m_pending;
            d.Changed(_("Day off removed."));
        },
        [](DaysOffDialog& d, const Failure& failure) {
            --d.m_pending;
            d.UpdateButtons();
            d.ShowFailure(failure);
        });
}

void DaysOffDialog::Changed(const wxString& status)
{
    m_notice = status;   // shown with the counts once the list is back
    Reload();
    if (m_onChanged) m_onChanged();
}

void DaysOffDialog::ShowFailure(const Failure& failure)
{
    m_error->SetLabel(failure.message);
    m_error->Wrap(FromDIP(520));
    m_error->Show();
    if (const auto field = m_fields.find(failure.field); field != m_fields.end()) {
        m_highlighted = field->second;
        m_highlightedLabel = m_labels[failure.field];
        Tint(m_highlighted, kErrorField);
        m_highlightedLabel->SetForegroundColour(kErrorColour);
        m_highlightedLabel->SetFont(GetFont().Bold());
        m_highlighted->SetFocus();
    }
    Layout();
    Fit();
}

void DaysOffDialog::ClearError()
{
    if (m_highlighted) {
        Tint(m_highlighted, wxNullColour);
        m_highlightedLabel->SetForegroundColour(wxNullColour);
        m_highlightedLabel->SetFont(GetFont());
    }
    m_highlighted = nullptr;
    m_highlightedLabel = nullptr;
    if (m_error->IsShown()) {
        m_error->Hide();
        Layout();
    }
}

wxString DaysOffDialog::ErrorText() const
{
    return m_error->IsShown() ? m_error->GetLabel() : wxString();
}

wxString DaysOffDialog::StatusText() const
{
    return m_status->GetLabel();
}

bool DaysOffDialog::IsPast(long row) const
{
    return row >= 0 && static_cast<std::size_t>(row) < m_rows.size() &&
           IsPastOn(m_rows[static_cast<std::size_t>(row)].dayOff, m_today);
}

}  // namespace narcisse::ui
