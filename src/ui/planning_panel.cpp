#include "ui/planning_panel.h"

#include "app/settings.h"
#include "ui/access.h"
#include "ui/format.h"
#include "ui/icons.h"
#include "ui/move_dialog.h"
#include "ui/planning_grid.h"
#include "ui/planning_legend.h"

#include <wx/bmpbuttn.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/infobar.h>
#include <wx/stattext.h>

#include <algorithm>

namespace narcisse::ui {
namespace {

// How far a nearest-day search looks on each side of today: a whole year, so an off-season start
// still lands on the season.
constexpr int kNearestDaySearchDays = 366;

// Another program's change shows within two seconds: a cheap stamp is asked for every second.
constexpr int kPollMilliseconds = 1000;
enum { kIdMinuteTimer = wxID_HIGHEST + 100, kIdPollTimer };

app::DayPlanning LoadNearest(domain::Store& store, domain::LocalDate date, domain::Instant now)
{
    app::DayPlanning planning = app::loadDayPlanning(store, date, now);
    if (!planning.departures.empty() || planning.boats.empty()) return planning;
    for (int k = 1; k <= kNearestDaySearchDays; ++k) {
        for (int sign : {+1, -1}) {
            app::DayPlanning other = app::loadDayPlanning(store, AddDays(date, sign * k), now);
            if (!other.departures.empty()) return other;
        }
    }
    return planning;
}

// The move of `booking` to departure `column` of `target` (any day), on row `row` or the best fit.
std::optional<app::MoveRequest> MoveRequestTo(const domain::Booking& booking, const app::DayPlanning& target, int column,
                                              std::optional<int> row, const std::optional<domain::Employee>& employee)
{
    if (column < 0 || column >= static_cast<int>(target.departures.size())) return std::nullopt;
    app::MoveRequest request;
    request.bookingId = booking.id;
    request.ref = booking.ref;
    request.date = target.date;
    request.time = target.departures[static_cast<std::size_t>(column)].departure.localStart;
    if (row && *row >= 0 && *row < static_cast<int>(target.boats.size()))
        request.boatId = target.boats[static_cast<std::size_t>(*row)].id;
    if (employee) request.employeeId = employee->id;
    return request;
}

wxBitmapButton* MakeIconButton(wxWindow* parent, const char* icon, const wxString& tip)
{
    auto* button = new wxBitmapButton(parent, wxID_ANY, GetIcon(icon, 20));
    button->SetToolTip(tip);
    return button;
}

}  // namespace

PlanningPanel::PlanningPanel(wxWindow* parent, std::shared_ptr<Session> session)
    : wxPanel(parent, wxID_ANY),
      m_session(std::move(session)),
      m_minute(this, kIdMinuteTimer),
      m_poll(this, kIdPollTimer),
      m_history(std::make_shared<app::PlanningHistory>())
{
    SetBackgroundColour(*wxWHITE);   // one white sheet with the grid, the bar and the legend on it
    m_date = m_requested = m_session->Today();
    BuildLayout();
    Bind(wxEVT_TIMER, &PlanningPanel::OnMinute, this, kIdMinuteTimer);
    Bind(wxEVT_TIMER, &PlanningPanel::OnPoll, this, kIdPollTimer);
    m_minute.Start(30 * 1000);   // keeps the current-time line moving
    m_poll.Start(kPollMilliseconds);
}

void PlanningPanel::BuildLayout()
{
    const int gap = FromDIP(6);
    auto* top = new wxBoxSizer(wxVERTICAL);

    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    auto* previous = MakeIconButton(this, "prev", _("Previous day (Ctrl+Left)"));
    m_picker = new wxDatePickerCtrl(this, wxID_ANY, ToWxDate(m_date), wxDefaultPosition, wxDefaultSize,
                                    wxDP_DROPDOWN | wxDP_SHOWCENTURY);
    m_picker->SetToolTip(_("Choose the day to show"));
    auto* next = MakeIconButton(this, "next", _("Next day (Ctrl+Right)"));
    auto* today = new wxButton(this, wxID_ANY, _("&Today"));
    today->SetBitmap(GetIcon("today", 16));
    today->SetToolTip(_("Show today (Ctrl+T)"));
    auto* refresh = MakeIconButton(this, "refresh", _("Reload the planning (F5)"));
    m_dateLabel = new wxStaticText(this, wxID_ANY, wxString());
    m_dateLabel->SetFont(GetFont().Scaled(1.25f).Bold());
    m_summary = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                 wxST_ELLIPSIZE_END | wxALIGN_RIGHT);
    m_summary->SetForegroundColour(wxColour(0x3A, 0x46, 0x55));

    bar->Add(previous, wxSizerFlags().CenterVertical());
    bar->Add(m_picker, wxSizerFlags().CenterVertical().Border(wxLEFT, gap));
    bar->Add(next, wxSizerFlags().CenterVertical().Border(wxLEFT, gap));
    bar->Add(today, wxSizerFlags().CenterVertical().Border(wxLEFT, gap));
    bar->Add(refresh, wxSizerFlags().CenterVertical().Border(wxLEFT, gap));
    bar->Add(m_dateLabel, wxSizerFlags().CenterVertical().Border(wxLEFT, FromDIP(18)));
    bar->Add(m_summary, wxSizerFlags(1).CenterVertical().Border(wxLEFT, FromDIP(18)));
    top->Add(bar, wxSizerFlags().Expand().Border(wxALL, FromDIP(8)));

    m_infoBar = new wxInfoBar(this);
    top->Add(m_infoBar, wxSizerFlags().Expand());

    m_grid = new PlanningGrid(this);
    if (!May(*m_session, domain::Action::MoveBooking)) m_grid->SetMoveRefusal(WhoMay(domain::Action::MoveBooking).utf8_string());
    top->Add(m_grid, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, FromDIP(8)));

    auto* legend = new PlanningLegend(this);
    top->Add(legend, wxSizerFlags().Border(wxALL, FromDIP(8)));
    SetSizer(top);

    previous->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ShowPreviousDay(); });
    next->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ShowNextDay(); });
    today->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ShowToday(); });
    refresh->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Reload(); });
    m_picker->Bind(wxEVT_DATE_CHANGED, &PlanningPanel::OnDateChanged, this);

    m_grid->SetOnMove([this](std::size_t booking, int column, int row) { RequestMove(booking, column, row); });
    m_grid->SetOnMoveDialog([this](std::size_t booking) { OpenMoveDialog(booking); });
    m_grid->SetOnRefused([this](const wxString& reason) {
        ShowNotice(wxString::Format(_("Cannot move there: %s"), reason), wxICON_WARNING);
    });
    const std::weak_ptr<Session> session = m_session;
    m_grid->SetMoveRules(m_settings, [session] {
        const auto s = session.lock();
        return s ? s->Now() : domain::Instant{};
    });
}

void PlanningPanel::ShowDate(domain::LocalDate date)
{
    SetDate(date);
    m_requested = date;
    Load(false);
}

void PlanningPanel::ShowTodayOrNearest()
{
    const domain::LocalDate today = m_session->Today();
    SetDate(today);
    m_requested = today;
    Load(true);
}

void PlanningPanel::ShowToday()
{
    ShowDate(m_session->Today());
}

void PlanningPanel::ShowPreviousDay()
{
    ShowDate(AddDays(m_date, -1));
}

void PlanningPanel::ShowNextDay()
{
    ShowDate(AddDays(m_date, +1));
}

void PlanningPanel::Reload()
{
    ShowDate(m_date);
}

void PlanningPanel::SetDate(domain::LocalDate date)
{
    m_date = date;
    m_picker->SetValue(ToWxDate(date));
    m_dateLabel->SetLabel(FormatLongDate(date));
    Layout();
}

void PlanningPanel::Load(bool nearestIfEmpty, bool quiet)
{
    const std::uint64_t generation = ++m_generation;
    if (!quiet) {
        m_loaded = false;
        m_notice.clear();
        m_infoBar->Dismiss();
        m_summary->SetLabel(_("Loading…"));
    }
    const domain::LocalDate date = m_date;
    const auto clock = m_session->clock;
    RunOnWorker(
        *m_session->worker, this,
        [date, clock, nearestIfEmpty](domain::Store& store) {
            LoadedDay loaded;
            // Read before the day: a commit in between shows as a change, and is loaded again.
            loaded.stamp = store.changeStamp();
            store.read([&](domain::StoreReader& r) { loaded.settings = app::loadBusinessSettings(r); });
            loaded.planning = nearestIfEmpty ? LoadNearest(store, date, clock->now())
                                             : app::loadDayPlanning(store, date, clock->now());
            return loaded;
        },
        [generation](PlanningPanel& panel, LoadedDay loaded) { panel.OnLoaded(generation, std::move(loaded)); },
        [generation](PlanningPanel& panel, const Failure& failure) { panel.OnLoadFailed(generation, failure); });
}

void PlanningPanel::OnLoaded(std::uint64_t generation, LoadedDay loaded)
{
    if (generation != m_generation) return;   // the user has moved to another day meanwhile
    app::DayPlanning& planning = loaded.planning;
    m_stamp = loaded.stamp;
    m_settings = loaded.settings;
    const std::weak_ptr<Session> session = m_session;
    m_grid->SetMoveRules(m_settings, [session] {
        const auto s = session.lock();
        return s ? s->Now() : domain::Instant{};
    });
    if (planning.date != m_date) {
        SetDate(planning.date);
        m_notice = wxString::Format(_("No departures on %s: showing %s, the nearest day with departures."),
                                    FormatLongDate(m_requested), FormatLongDate(planning.date));
        m_infoBar->ShowMessage(m_notice, wxICON_INFORMATION);
    }
    const bool newDay = !m_planning || m_planning->date != planning.date;
    m_planning = std::make_shared<const app::DayPlanning>(std::move(planning));
    m_grid->SetPlanning(m_planning);
    if (m_selectAfterLoad) {
        m_grid->SelectBooking(*m_selectAfterLoad);
        m_selectAfterLoad.reset();
    }
    UpdateNow();
    if (newDay) m_grid->ScrollToNow();   // a reload leaves the view where the user put it
    UpdateSummary();
    m_loaded = true;
}

void PlanningPanel::OnLoadFailed(std::uint64_t generation, const Failure& failure)
{
    if (generation != m_generation) return;
    m_summary->SetLabel(wxString());
    m_planning.reset();
    m_grid->SetPlanning(nullptr);
    m_grid->SetMessage(_("The planning could not be loaded."));
    m_notice = wxString::Format(_("The planning could not be loaded: %s"), failure.message);
    m_infoBar->ShowMessage(m_notice, wxICON_ERROR);
}

void PlanningPanel::UpdateSummary()
{
    if (!m_planning) return;
    const auto& p = *m_planning;
    const int departures = static_cast<int>(p.departures.size());
    wxString text = wxString::Format(wxPLURAL("%d departure", "%d departures", departures), departures);
    if (departures > 0) {
        const int held = p.seatsHeld(), total = p.seatsTotal();
        text += wxString::FromUTF8(" · ") +
                wxString::Format(_("%s of %s seats held (%d%%)"), FormatCount(held), FormatCount(total),
                                 total > 0 ? (held * 100 + total / 2) / total : 0);
    }
    if (!p.blocks.empty()) {
        const int closures = static_cast<int>(p.blocks.size());
        text += wxString::FromUTF8(" · ") + wxString::Format(wxPLURAL("%d closure", "%d closures", closures), closures);
    }
    wxString skipped;
    if (!p.skipped.empty()) {
        wxString times;
        for (const auto& time : p.skipped) {
            if (!times.empty()) times += ", ";
            times += FormatWallTime(time.localStart);
        }
        skipped = wxString::FromUTF8(" · ") +
                  wxString::Format(wxPLURAL("%s skipped: that time does not exist on the day the clocks change",
                                            "%s skipped: those times do not exist on the day the clocks change",
                                            static_cast<int>(p.skipped.size())),
                                   times);
    }
    // A boatman on two boats is one warning per boat (each row shows its own): the day's line counts
    // him once.
    std::vector<const domain::CrewWarning*> warnings;
    for (const auto& warning : p.crewWarnings) {
        const bool again = warning.kind == domain::CrewWarning::Kind::TwoBoats &&
                           std::any_of(warnings.begin(), warnings.end(), [&](const domain::CrewWarning* w) {
                               return w->kind == warning.kind && w->employeeId == warning.employeeId;
                           });
        if (!again) warnings.push_back(&warning);
    }
    // The first warning in the line; all of them, one a line, in its tooltip.
    wxString tip = text + skipped;
    if (!warnings.empty()) {
        const int n = static_cast<int>(warnings.size());
        const wxString count =
            wxString::FromUTF8(" · ⚠ ") + wxString::Format(wxPLURAL("%d crew warning", "%d crew warnings", n), n);
        text += count + ": " + wxString::FromUTF8(warnings.front()->message) + (n > 1 ? wxString::FromUTF8("…") : wxString());
        tip += count;
        for (const auto* warning : warnings) tip += "\n" + wxString::FromUTF8("⚠ " + warning->message);
    }
    text += skipped;
    m_summary->SetLabel(text);
    m_summary->SetToolTip(tip);
    if (m_session->Today() == p.date) m_dateLabel->SetLabel(FormatLongDate(p.date) + wxString::FromUTF8(" · ") + _("today"));
    Layout();
}

void PlanningPanel::UpdateNow()
{
    const bool today = m_planning && m_planning->date == m_session->Today();
    m_grid->SetNow(today ? std::optional<domain::Instant>(m_session->Now()) : std::nullopt);
}

std::vector<wxString> PlanningPanel::ShownDepartureLabels() const
{
    return m_grid->DepartureLabels();
}

wxString PlanningPanel::SummaryText() const
{
    return m_summary->GetLabel();
}

wxString PlanningPanel::DateText() const
{
    return m_dateLabel->GetLabel();
}

void PlanningPanel::OnDateChanged(wxDateEvent& event)
{
    if (event.GetDate().IsValid()) ShowDate(FromWxDate(event.GetDate()));
}

void PlanningPanel::OnMinute(wxTimerEvent&)
{
    UpdateNow();
}

void PlanningPanel::OnPoll(wxTimerEvent&)
{
    // Never while the user holds a booking in the air or an edit is on its way: the next tick will do.
    if (m_polling || !m_loaded || !m_stamp || m_editing || m_grid->IsDragging()) return;
    m_polling = true;
    RunOnWorker(
        *m_session->worker, this, [](domain::Store& store) { return store.changeStamp(); },
        [](PlanningPanel& panel, std::int64_t stamp) {
            panel.m_polling = false;
            if (!panel.m_loaded || !panel.m_stamp || stamp == *panel.m_stamp) return;
            panel.m_stamp = stamp;   // one reload per change, even if the reload is slow
            ++panel.m_liveReloads;
            panel.Load(false, true);
        },
        [](PlanningPanel& panel, const Failure& failure) {
            panel.m_polling = false;
            const wxString text = wxString::Format(_("Live updates paused: %s"), failure.message);
            if (panel.m_notice != text) panel.ShowNotice(text, wxICON_WARNING);
        });
}

void PlanningPanel::ShowNotice(const wxString& text, int icon)
{
    m_notice = text;
    m_infoBar->ShowMessage(text, icon);
    Layout();
}

bool PlanningPanel::MayMove()
{
    if (May(*m_session, domain::Action::MoveBooking)) return true;
    ShowNotice(WhoMay(domain::Action::MoveBooking), wxICON_INFORMATION);
    return false;
}

void PlanningPanel::RequestMove(std::size_t booking, int column, std::optional<int> row)
{
    if (!m_planning || m_editing || booking >= m_planning->bookings.size() || !MayMove()) return;
    const auto request = MoveRequestTo(m_planning->bookings[booking], *m_planning, column, row, m_session->employee);
    if (!request) return;
    RunEdit(
        [request = *request](app::PlanningHistory& history, domain::Store& store, const domain::Clock& clock) {
            return history.Do(std::make_unique<app::MoveCommand>(request), store, clock);
        },
        wxString());
}

void PlanningPanel::OpenMoveDialog(std::size_t booking)
{
    if (!m_planning || m_editing || booking >= m_planning->bookings.size() || !MayMove()) return;
    const domain::Booking moved = m_planning->bookings[booking];
    MoveDialog dialog(this, m_planning, booking, m_settings, m_session->Now(), m_session->worker.get());
    if (dialog.ShowModal() != wxID_OK || m_editing) return;
    // The day chosen in the dialog, which may not be the one on screen.
    const auto day = dialog.Day();
    if (!day) return;
    const auto request = MoveRequestTo(moved, *day, dialog.Column(), dialog.Row(), m_session->employee);
    if (!request) return;
    RunEdit(
        [request = *request](app::PlanningHistory& history, domain::Store& store, const domain::Clock& clock) {
            return history.Do(std::make_unique<app::MoveCommand>(request), store, clock);
        },
        wxString());
}

void PlanningPanel::OpenMoveDialog()
{
    if (const auto index = m_grid->SelectedBookingIndex())
        OpenMoveDialog(*index);
    else
        ShowNotice(_("Select a booking first: click it, or press Tab in its cell."), wxICON_INFORMATION);
}

void PlanningPanel::Undo()
{
    if (!CanUndo()) return;
    RunEdit([](app::PlanningHistory& history, domain::Store& store, const domain::Clock& clock) {
        return history.Undo(store, clock);
    },
            _("Undone: %s"));
}

void PlanningPanel::Redo()
{
    if (!CanRedo()) return;
    RunEdit([](app::PlanningHistory& history, domain::Store& store, const domain::Clock& clock) {
        return history.Redo(store, clock);
    },
            _("Redone: %s"));
}

void PlanningPanel::RunEdit(HistoryStep step, const wxString& done)
{
    m_editing = true;
    m_summary->SetLabel(_("Saving…"));
    const auto history = m_history;
    const auto clock = m_session->clock;
    RunOnWorker(
        *m_session->worker, this,
        [history, clock, step](domain::Store& store) {
            Edited edited;
            edited.outcome = step(*history, store, *clock);
            edited.state = history->State();
            return edited;
        },
        [done](PlanningPanel& panel, Edited edited) { panel.OnEdited(std::move(edited), done); },
        [](PlanningPanel& panel, const Failure& failure) { panel.OnEditRefused(failure); });
}

void PlanningPanel::OnEdited(Edited edited, const wxString& done)
{
    m_editing = false;
    m_historyState = edited.state;
    const wxString message = wxString::FromUTF8(edited.outcome.message);
    ShowNotice(done.empty() ? message : wxString::Format(done, message), wxICON_INFORMATION);
    m_selectAfterLoad = edited.outcome.bookingId;
    Load(false, true);
}

void PlanningPanel::OnEditRefused(const Failure& failure)
{
    m_editing = false;
    ShowNotice(wxString::Format(_("Refused: %s"), failure.message), wxICON_WARNING);
    Load(false, true);   // what refused it (another desk's sale, say) is worth seeing
}

}  // namespace narcisse::ui
