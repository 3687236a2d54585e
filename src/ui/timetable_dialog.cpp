#include "ui/timetable_dialog.h"

#include "domain/errors.h"
#include "ui/format.h"
#include "ui/icons.h"

#include <wx/checkbox.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/listbox.h>
#include <wx/listctrl.h>
#include <wx/spinctrl.h>
#include <wx/statbox.h>
#include <wx/statline.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>

namespace narcisse::ui {
namespace {

const wxColour kErrorColour(0xC5, 0x30, 0x30);
const wxColour kFieldError(0xFD, 0xE2, 0xE2);
const wxColour kMutedText(0x5F, 0x6B, 0x7A);
const wxColour kBodyText(0x23, 0x2F, 0x3E);

// Monday first, as the rule's bit mask (bit 0 = Monday), in the locale's abbreviations.
wxString WeekdayAbbr(int mondayFirst)
{
    return wxDateTime::GetWeekDayName(static_cast<wxDateTime::WeekDay>((mondayFirst + 1) % 7), wxDateTime::Name_Abbr);
}

wxString WeekdaysLabel(std::uint8_t mask)
{
    if ((mask & 0x7F) == 0x7F) return _("every day");
    wxString text;
    for (int i = 0; i < 7; ++i)
        if ((mask >> i) & 1) text += (text.empty() ? "" : " ") + WeekdayAbbr(i);
    return text;
}

wxString MinutesText(domain::Minutes m)
{
    // TRANSLATORS: a duration in minutes, "20 min"
    return wxString::Format(_("%d min"), static_cast<int>(m.count()));
}

wxString Utf8(const std::string& s)
{
    return wxString::FromUTF8(s);
}

std::optional<domain::Uuid> ActingEmployee(const Session& session)
{
    return session.employee ? std::optional(session.employee->id) : std::nullopt;
}

}  // namespace

// The bookings a refused change would strand: virtual, since a season can hold thousands of them.
class StrandedList : public wxListCtrl {
public:
    explicit StrandedList(wxWindow* parent)
        : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, parent->FromDIP(wxSize(-1, 170)),
                     wxLC_REPORT | wxLC_VIRTUAL | wxLC_HRULES | wxLC_SINGLE_SEL)
    {
        AppendColumn(_("Reference"), wxLIST_FORMAT_LEFT, FromDIP(120));
        AppendColumn(_("Date"), wxLIST_FORMAT_LEFT, FromDIP(230));
        AppendColumn(_("Departure"), wxLIST_FORMAT_LEFT, FromDIP(80));
        AppendColumn(_("Boat"), wxLIST_FORMAT_LEFT, FromDIP(120));
        AppendColumn(_("Party"), wxLIST_FORMAT_LEFT, FromDIP(90));
        AppendColumn(_("Customer"), wxLIST_FORMAT_LEFT, FromDIP(220));
    }

    void SetRows(std::vector<app::StrandedBooking> rows)
    {
        m_rows = std::move(rows);
        SetItemCount(static_cast<long>(m_rows.size()));
        Refresh();
    }
    const std::vector<app::StrandedBooking>& Rows() const { return m_rows; }

private:
    wxString OnGetItemText(long item, long column) const override
    {
        const auto& b = m_rows[static_cast<std::size_t>(item)];
        switch (column) {
        case 0: return Utf8(b.ref.str());
        case 1: return FormatLongDate(b.date);
        case 2: return FormatWallTime(b.time);
        case 3: return Utf8(b.boatName);
        case 4: return PartyShort(b.party);
        default: return Utf8(b.customerName);
        }
    }

    std::vector<app::StrandedBooking> m_rows;
};

TimetableDialog::TimetableDialog(wxWindow* parent, std::shared_ptr<Session> session)
    : wxDialog(parent, wxID_ANY, _("Timetable"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_session(std::move(session))
{
    SetIcons(GetAppIcons());
    BuildLayout();
    Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Close(); }, wxID_CLOSE);
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) {
        if (IsModal())
            EndModal(wxID_CLOSE);
        else
            Destroy();
    });
    Load();
}

void TimetableDialog::BuildLayout()
{
    const int margin = FromDIP(18);
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(this, wxID_ANY, _("Timetable"));
    title->SetFont(GetFont().Scaled(1.4f).Bold());
    title->SetForegroundColour(kBodyText);
    top->Add(title, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, margin));

    auto* columns = new wxBoxSizer(wxHORIZONTAL);
    columns->Add(BuildSeasons(), wxSizerFlags(3).Expand());
    columns->Add(BuildChanges(), wxSizerFlags(2).Expand().Border(wxLEFT, FromDIP(12)));
    top->Add(columns, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxTOP, margin));
    top->Add(BuildRefusal(), wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, margin));

    top->AddSpacer(FromDIP(12));
    top->Add(new wxStaticLine(this), wxSizerFlags().Expand());
    auto* footer = new wxBoxSizer(wxHORIZONTAL);
    auto* note = new wxStaticText(this, wxID_ANY, _("Departures holding bookings are never removed silently."));
    note->SetForegroundColour(kMutedText);
    footer->Add(note, wxSizerFlags(1).CenterVertical());
    footer->Add(new wxButton(this, wxID_CLOSE, _("&Close")), wxSizerFlags().CenterVertical());
    top->Add(footer, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));

    SetSizer(top);
    m_error->Hide();
    m_strandedTitle->Hide();
    m_stranded->Hide();
    SetMinSize(FromDIP(wxSize(1060, 600)));
    Fit();
    SetEscapeId(wxID_CLOSE);
    CentreOnParent();
}

wxSizer* TimetableDialog::BuildSeasons()
{
    auto* box = new wxStaticBoxSizer(wxVERTICAL, this, _("Seasons"));
    wxWindow* parent = box->GetStaticBox();
    m_seasons = new wxListCtrl(parent, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(-1, 150)),
                               wxLC_REPORT | wxLC_SINGLE_SEL | wxLC_HRULES);
    for (const auto& [label, width] : std::vector<std::pair<wxString, int>>{{_("From"), 95},
                                                                             {_("To"), 95},
                                                                             {_("Days"), 170},
                                                                             {_("First"), 60},
                                                                             {_("Last"), 60},
                                                                             {_("Every"), 65},
                                                                             {_("Ride"), 65}})
        m_seasons->AppendColumn(label, wxLIST_FORMAT_LEFT, FromDIP(width));
    m_seasons->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { OnSeasonSelected(); });
    box->Add(m_seasons, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(6)));

    m_formTitle = new wxStaticText(parent, wxID_ANY, _("New season"));
    m_formTitle->SetFont(GetFont().Bold());
    box->Add(m_formTitle, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(6)));

    auto* grid = new wxFlexGridSizer(4, FromDIP(8), FromDIP(10));
    auto label = [&](const wxString& text) {
        grid->Add(new wxStaticText(parent, wxID_ANY, text), wxSizerFlags().CenterVertical());
    };
    m_from = new wxDatePickerCtrl(parent, wxID_ANY);
    m_to = new wxDatePickerCtrl(parent, wxID_ANY);
    label(_("Valid &from:"));
    grid->Add(m_from);
    label(_("&to:"));
    grid->Add(m_to);
    m_first = new wxTextCtrl(parent, wxID_ANY, "10:00", wxDefaultPosition, FromDIP(wxSize(80, -1)));
    m_last = new wxTextCtrl(parent, wxID_ANY, "18:40", wxDefaultPosition, FromDIP(wxSize(80, -1)));
    m_first->SetHint("HH:MM");
    m_last->SetHint("HH:MM");
    label(_("First &departure:"));
    grid->Add(m_first);
    label(_("&Last departure:"));
    grid->Add(m_last);
    m_interval = new wxSpinCtrl(parent, wxID_ANY, "20", wxDefaultPosition, wxDefaultSize,
                                wxSP_ARROW_KEYS, 1, 24 * 60, 20);
    m_ride = new wxSpinCtrl(parent, wxID_ANY, "45", wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS,
                            1, 8 * 60, 45);
    label(_("&Every (min):"));
    grid->Add(m_interval);
    label(_("&Ride (min):"));
    grid->Add(m_ride);
    box->Add(grid, wxSizerFlags().Border(wxALL, FromDIP(6)));

    auto* days = new wxPanel(parent);
    auto* daysSizer = new wxBoxSizer(wxHORIZONTAL);
    daysSizer->Add(new wxStaticText(days, wxID_ANY, _("Weekdays:")), wxSizerFlags().CenterVertical());
    for (int i = 0; i < 7; ++i) {
        m_weekdays[static_cast<std::size_t>(i)] = new wxCheckBox(days, wxID_ANY, WeekdayAbbr(i));
        m_weekdays[static_cast<std::size_t>(i)]->SetValue(true);
        daysSizer->Add(m_weekdays[static_cast<std::size_t>(i)], wxSizerFlags().CenterVertical().Border(wxLEFT, FromDIP(8)));
    }
    days->SetSizer(daysSizer);
    m_weekdayBox = days;
    box->Add(days, wxSizerFlags().Border(wxALL, FromDIP(6)));

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* add = new wxButton(parent, wxID_ANY, _("&New season"));
    m_deleteSeason = new wxButton(parent, wxID_ANY, _("De&lete season"));
    m_saveSeason = new wxButton(parent, wxID_ANY, _("&Save season"));
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnNewSeason(); });
    m_deleteSeason->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnDeleteSeason(); });
    m_saveSeason->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnSaveSeason(); });
    buttons->Add(add);
    buttons->Add(m_deleteSeason, wxSizerFlags().Border(wxLEFT, FromDIP(6)));
    buttons->AddStretchSpacer();
    buttons->Add(m_saveSeason);
    box->Add(buttons, wxSizerFlags().Expand().Border(wxALL, FromDIP(6)));
    return box;
}

wxSizer* TimetableDialog::BuildChanges()
{
    auto* box = new wxStaticBoxSizer(wxVERTICAL, this, _("One-off changes"));
    wxWindow* parent = box->GetStaticBox();
    auto* dateRow = new wxBoxSizer(wxHORIZONTAL);
    m_changeDate = new wxDatePickerCtrl(parent, wxID_ANY, ToWxDate(m_session->Today()));
    m_changeDate->Bind(wxEVT_DATE_CHANGED, [this](wxDateEvent&) { Load(); });
    dateRow->Add(new wxStaticText(parent, wxID_ANY, _("On &date:")), wxSizerFlags().CenterVertical());
    dateRow->Add(m_changeDate, wxSizerFlags().Border(wxLEFT, FromDIP(8)));
    box->Add(dateRow, wxSizerFlags().Border(wxALL, FromDIP(6)));

    auto* lists = new wxBoxSizer(wxHORIZONTAL);
    auto* left = new wxBoxSizer(wxVERTICAL);
    left->Add(new wxStaticText(parent, wxID_ANY, _("Departures")));
    m_departures = new wxListBox(parent, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(120, 170)));
    m_departures->Bind(wxEVT_LISTBOX, [this](wxCommandEvent&) {
        const int i = m_departures->GetSelection();
        if (i != wxNOT_FOUND)
            m_changeTime->SetValue(Utf8(domain::hhmm(m_overview.departures.departures[static_cast<std::size_t>(i)].localStart)));
    });
    left->Add(m_departures, wxSizerFlags(1).Expand().Border(wxTOP, FromDIP(4)));
    auto* right = new wxBoxSizer(wxVERTICAL);
    right->Add(new wxStaticText(parent, wxID_ANY, _("Changes on that date")));
    m_changes = new wxListBox(parent, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(230, 170)));
    m_changes->Bind(wxEVT_LISTBOX, [this](wxCommandEvent&) { m_removeChange->Enable(m_changes->GetSelection() != wxNOT_FOUND); });
    right->Add(m_changes, wxSizerFlags(1).Expand().Border(wxTOP, FromDIP(4)));
    m_removeChange = new wxButton(parent, wxID_ANY, _("&Undo this change"));
    m_removeChange->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnRemoveChange(); });
    m_removeChange->Disable();
    right->Add(m_removeChange, wxSizerFlags().Border(wxTOP, FromDIP(4)));
    lists->Add(left, wxSizerFlags().Expand());
    lists->Add(right, wxSizerFlags(1).Expand().Border(wxLEFT, FromDIP(8)));
    box->Add(lists, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(6)));

    auto* grid = new wxFlexGridSizer(2, FromDIP(6), FromDIP(8));
    grid->AddGrowableCol(1);
    m_changeTime = new wxTextCtrl(parent, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(80, -1)));
    m_changeTime->SetHint("HH:MM");
    m_changeRide = new wxSpinCtrl(parent, wxID_ANY, "45", wxDefaultPosition, wxDefaultSize,
                                  wxSP_ARROW_KEYS, 1, 8 * 60, 45);
    m_changeNote = new wxTextCtrl(parent, wxID_ANY);
    m_changeNote->SetHint(_("Why (shown to staff)"));
    grid->Add(new wxStaticText(parent, wxID_ANY, _("T&ime:")), wxSizerFlags().CenterVertical());
    grid->Add(m_changeTime);
    grid->Add(new wxStaticText(parent, wxID_ANY, _("Ride (min):")), wxSizerFlags().CenterVertical());
    grid->Add(m_changeRide);
    grid->Add(new wxStaticText(parent, wxID_ANY, _("&Note:")), wxSizerFlags().CenterVertical());
    grid->Add(m_changeNote, wxSizerFlags().Expand());
    box->Add(grid, wxSizerFlags().Expand().Border(wxALL, FromDIP(6)));

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    m_addDeparture = new wxButton(parent, wxID_ANY, _("&Add extra departure"));
    m_cancelDeparture = new wxButton(parent, wxID_ANY, _("&Cancel departure"));
    m_addDeparture->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnAddDeparture(); });
    m_cancelDeparture->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnCancelDeparture(); });
    buttons->Add(m_addDeparture);
    buttons->Add(m_cancelDeparture, wxSizerFlags().Border(wxLEFT, FromDIP(6)));
    box->Add(buttons, wxSizerFlags().Border(wxALL, FromDIP(6)));
    return box;
}

wxSizer* TimetableDialog::BuildRefusal()
{
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    m_error = new wxStaticText(this, wxID_ANY, wxString());
    m_error->SetForegroundColour(kErrorColour);
    m_error->SetFont(GetFont().Bold());
    sizer->Add(m_error, wxSizerFlags().Expand().Border(wxTOP, FromDIP(10)));
    m_strandedTitle = new wxStaticText(this, wxID_ANY, wxString());
    m_strandedTitle->SetForegroundColour(kBodyText);
    sizer->Add(m_strandedTitle, wxSizerFlags().Expand().Border(wxTOP, FromDIP(4)));
    m_stranded = new StrandedList(this);
    sizer->Add(m_stranded, wxSizerFlags().Expand().Border(wxTOP, FromDIP(6)));
    return sizer;
}

void TimetableDialog::Load()
{
    Run(Form::Change, {});
}

void TimetableDialog::Run(Form form, std::function<void(domain::Store&)> change)
{
    ClearProblems();
    ++m_pending;
    const auto date = FromWxDate(m_changeDate->GetValue());
    const bool changing = static_cast<bool>(change);
    RunOnWorker(
        *m_session->worker, this,
        [change, date](domain::Store& store) {
            Outcome outcome;
            try {
                if (change) change(store);
            } catch (const app::StrandedBookings& e) {
                outcome.refusal = e.what();
                outcome.stranded = e.bookings();
            }
            outcome.overview = app::loadTimetable(store, date);
            return outcome;
        },
        [changing](TimetableDialog& d, Outcome outcome) {
            --d.m_pending;
            const bool landed = changing && !outcome.refusal;
            d.OnLoaded(std::move(outcome));
            if (landed && d.m_onChanged) d.m_onChanged();
        },
        [form](TimetableDialog& d, const Failure& failure) {
            --d.m_pending;
            d.OnFailed(form, failure);
        });
}

void TimetableDialog::OnLoaded(Outcome outcome)
{
    m_overview = std::move(outcome.overview);
    m_loaded = true;
    FillSeasons();
    FillChanges();
    if (outcome.refusal) {
        const int n = static_cast<int>(outcome.stranded.size());
        ShowError(_("This change would take away departures that hold bookings."));
        m_strandedTitle->SetLabel(wxString::Format(
            wxPLURAL("%d booking must be moved or cancelled first:", "%d bookings must be moved or cancelled first:", n),
            n));
        m_stranded->SetRows(std::move(outcome.stranded));
        m_strandedTitle->Show();
        m_stranded->Show();
    }
    Layout();
    Fit();
}

void TimetableDialog::OnFailed(Form form, const Failure& failure)
{
    // A validation error names its field: point at it in the form the change came from.
    wxWindow* field = nullptr;
    const std::string& f = failure.field;
    if (form == Form::Season) {
        if (f == "valid from") field = m_from;
        else if (f == "valid to") field = m_to;
        else if (f == "weekdays") field = m_weekdayBox;
        else if (f == "first departure") field = m_first;
        else if (f == "last departure") field = m_last;
        else if (f == "interval") field = m_interval;
        else if (f == "ride duration") field = m_ride;
    } else {
        if (f == "date") field = m_changeDate;
        else if (f == "time") field = m_changeTime;
        else if (f == "ride duration") field = m_changeRide;
    }
    ShowError(failure.message, field);
    Layout();
    Fit();
}

void TimetableDialog::FillSeasons()
{
    m_seasons->DeleteAllItems();
    long selected = -1;
    for (const auto& r : m_overview.rules) {
        const long i = m_seasons->InsertItem(m_seasons->GetItemCount(), ToWxDate(r.validFrom).FormatISODate());
        m_seasons->SetItem(i, 1, ToWxDate(r.validTo).FormatISODate());
        m_seasons->SetItem(i, 2, WeekdaysLabel(r.weekdays));
        m_seasons->SetItem(i, 3, FormatWallTime(r.firstDeparture));
        m_seasons->SetItem(i, 4, FormatWallTime(r.lastDeparture));
        m_seasons->SetItem(i, 5, MinutesText(r.interval));
        m_seasons->SetItem(i, 6, MinutesText(r.rideDuration));
        if (m_editing && r.id == *m_editing) selected = i;
    }
    // Keep the season being edited selected without overwriting what the user typed in the form.
    if (selected >= 0) {
        m_seasons->SetEvtHandlerEnabled(false);
        m_seasons->SetItemState(selected, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
        m_seasons->SetEvtHandlerEnabled(true);
    } else if (m_editing) {
        OnNewSeason();   // deleted: the form goes back to a new season
    }
    m_deleteSeason->Enable(selected >= 0);
}

void TimetableDialog::FillChanges()
{
    m_departures->Clear();
    for (const auto& d : m_overview.departures.departures) {
        const bool extra = std::any_of(m_overview.exceptions.begin(), m_overview.exceptions.end(), [&](const auto& e) {
            return e.kind == domain::TimetableException::Kind::Extra && e.time == d.localStart;
        });
        // TRANSLATORS: a departure added for one date only, in the list of the day's departures
        m_departures->Append(FormatWallTime(d.localStart) + (extra ? wxString(" · ") + _("extra") : wxString()));
    }
    m_changes->Clear();
    for (const auto& e : m_overview.exceptions) {
        wxString text = e.kind == domain::TimetableException::Kind::Extra
                            ? wxString::Format(_("Extra departure at %s (%s)"), FormatWallTime(e.time), MinutesText(e.rideDuration))
                            : wxString::Format(_("Departure at %s cancelled"), FormatWallTime(e.time));
        if (!e.note.empty()) text += " — " + Utf8(e.note);
        m_changes->Append(text);
    }
    for (const auto& s : m_overview.departures.skipped)
        m_changes->Append(wxString::Format(_("Skipped: %s"), Utf8(s.reason)));
    m_removeChange->Disable();
}

void TimetableDialog::FillSeasonForm(const domain::TimetableRule& rule)
{
    m_editing = rule.id;
    m_formTitle->SetLabel(_("Season"));
    m_from->SetValue(ToWxDate(rule.validFrom));
    m_to->SetValue(ToWxDate(rule.validTo));
    for (std::size_t i = 0; i < 7; ++i) m_weekdays[i]->SetValue((rule.weekdays >> i) & 1);
    m_first->SetValue(Utf8(domain::hhmm(rule.firstDeparture)));
    m_last->SetValue(Utf8(domain::hhmm(rule.lastDeparture)));
    m_interval->SetValue(static_cast<int>(rule.interval.count()));
    m_ride->SetValue(static_cast<int>(rule.rideDuration.count()));
}

std::optional<domain::TimetableRule> TimetableDialog::ReadSeasonForm()
{
    domain::TimetableRule rule;
    rule.id = m_editing.value_or(domain::Uuid::generate());
    rule.validFrom = FromWxDate(m_from->GetValue());
    rule.validTo = FromWxDate(m_to->GetValue());
    rule.weekdays = 0;
    for (std::size_t i = 0; i < 7; ++i)
        if (m_weekdays[i]->GetValue()) rule.weekdays = static_cast<std::uint8_t>(rule.weekdays | (1u << i));
    rule.interval = domain::Minutes{m_interval->GetValue()};
    rule.rideDuration = domain::Minutes{m_ride->GetValue()};
    try {
        rule.firstDeparture = domain::parseWallTime(m_first->GetValue().Trim().Trim(false).utf8_string(), "first departure");
        rule.lastDeparture = domain::parseWallTime(m_last->GetValue().Trim().Trim(false).utf8_string(), "last departure");
    } catch (const domain::ValidationError& e) {
        ShowError(Utf8(e.what()), e.field() == "first departure" ? m_first : m_last);
        return std::nullopt;
    }
    return rule;
}

void TimetableDialog::ClearProblems()
{
    if (m_highlighted) {
        m_highlighted->SetBackgroundColour(wxNullColour);
        m_highlighted->Refresh();
        m_highlighted = nullptr;
    }
    m_error->Hide();
    m_strandedTitle->Hide();
    m_stranded->Hide();
    m_stranded->SetRows({});
}

void TimetableDialog::ShowError(const wxString& message, wxWindow* field)
{
    m_error->SetLabel(message);
    m_error->Wrap(FromDIP(1000));
    m_error->Show();
    if (field) {
        m_highlighted = field;
        field->SetBackgroundColour(kFieldError);
        field->Refresh();
        field->SetFocus();
    }
    Layout();
}

wxString TimetableDialog::ErrorText() const
{
    return m_error->IsShown() ? m_error->GetLabel() : wxString();
}

std::vector<app::StrandedBooking> TimetableDialog::StrandedShown() const
{
    return m_stranded->IsShown() ? m_stranded->Rows() : std::vector<app::StrandedBooking>{};
}

void TimetableDialog::SelectSeason(long index)
{
    m_seasons->SetItemState(index, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    OnSeasonSelected();
}

void TimetableDialog::ShowChangesOf(domain::LocalDate date)
{
    m_changeDate->SetValue(ToWxDate(date));
    Load();
}

void TimetableDialog::OnSeasonSelected()
{
    const long i = m_seasons->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (i < 0 || static_cast<std::size_t>(i) >= m_overview.rules.size()) return;
    FillSeasonForm(m_overview.rules[static_cast<std::size_t>(i)]);
    m_deleteSeason->Enable();
}

void TimetableDialog::OnNewSeason()
{
    m_editing.reset();
    m_formTitle->SetLabel(_("New season"));
    const long i = m_seasons->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (i >= 0) m_seasons->SetItemState(i, 0, wxLIST_STATE_SELECTED);
    m_deleteSeason->Disable();
}

void TimetableDialog::OnSaveSeason()
{
    ClearProblems();
    const auto rule = ReadSeasonForm();
    if (!rule) return;
    const auto clock = m_session->clock;
    const auto acting = ActingEmployee(*m_session);
    m_editing = rule->id;
    Run(Form::Season, [rule = *rule, clock, acting](domain::Store& store) {
        app::saveTimetableRule(store, *clock, rule, acting);
    });
}

void TimetableDialog::OnDeleteSeason()
{
    if (!m_editing) return;
    const auto id = *m_editing;
    const auto clock = m_session->clock;
    const auto acting = ActingEmployee(*m_session);
    Run(Form::Season, [id, clock, acting](domain::Store& store) { app::deleteTimetableRule(store, *clock, id, acting); });
}

void TimetableDialog::OnAddDeparture()
{
    ClearProblems();
    app::ExtraDeparture extra;
    extra.date = FromWxDate(m_changeDate->GetValue());
    try {
        extra.time = domain::parseWallTime(m_changeTime->GetValue().Trim().Trim(false).utf8_string(), "time");
    } catch (const domain::ValidationError& e) {
        ShowError(Utf8(e.what()), m_changeTime);
        return;
    }
    extra.rideDuration = domain::Minutes{m_changeRide->GetValue()};
    extra.note = m_changeNote->GetValue().Trim().Trim(false).utf8_string();
    const auto clock = m_session->clock;
    const auto acting = ActingEmployee(*m_session);
    Run(Form::Change, [extra, clock, acting](domain::Store& store) { app::addExtraDeparture(store, *clock, extra, acting); });
}

void TimetableDialog::OnCancelDeparture()
{
    ClearProblems();
    const auto date = FromWxDate(m_changeDate->GetValue());
    domain::Minutes time{0};
    try {
        time = domain::parseWallTime(m_changeTime->GetValue().Trim().Trim(false).utf8_string(), "time");
    } catch (const domain::ValidationError& e) {
        ShowError(Utf8(e.what()), m_changeTime);
        return;
    }
    const std::string note = m_changeNote->GetValue().Trim().Trim(false).utf8_string();
    const auto clock = m_session->clock;
    const auto acting = ActingEmployee(*m_session);
    Run(Form::Change, [date, time, note, clock, acting](domain::Store& store) {
        app::cancelDeparture(store, *clock, date, time, note, acting);
    });
}

void TimetableDialog::OnRemoveChange()
{
    const int i = m_changes->GetSelection();
    if (i == wxNOT_FOUND || static_cast<std::size_t>(i) >= m_overview.exceptions.size()) return;
    const auto id = m_overview.exceptions[static_cast<std::size_t>(i)].id;
    const auto clock = m_session->clock;
    const auto acting = ActingEmployee(*m_session);
    Run(Form::Change, [id, clock, acting](domain::Store& store) { app::removeTimetableException(store, *clock, id, acting); });
}

TimetableDialog* ShowTimetableDialog(wxWindow* parent, std::shared_ptr<Session> session)
{
    auto* dialog = new TimetableDialog(parent, std::move(session));
    dialog->Show();
    return dialog;
}

}  // namespace narcisse::ui
