#include "ui/desk_panel.h"

#include "ui/booking_card_dialog.h"
#include "ui/cash_drawer_dialog.h"
#include "ui/cash_labels.h"
#include "ui/close_day_dialog.h"
#include "ui/closings_dialog.h"
#include "ui/desk_banner.h"
#include "ui/end_of_day_dialog.h"
#include "ui/format.h"
#include "ui/sale_dialog.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <utility>

namespace narcisse::ui {
namespace {

// Results as you type, but not a query per keystroke of a scanner (which types in a few ms).
constexpr int kSearchDelayMilliseconds = 150;
// "Seats free" and the departures still ahead drift as the day goes: read again every minute.
constexpr int kMinuteMilliseconds = 60 * 1000;
enum { kIdSearchTimer = wxID_HIGHEST + 400, kIdDeskMinute };

const wxColour kErrorText(0xB0, 0x1E, 0x1E);

wxString Utf8(const std::string& s) { return wxString::FromUTF8(s); }

// A ticket's reference rather than a name to look for: it goes to the boarding check (which
// names a wrong one) instead of staying in the field, where the next scan would be glued to it.
bool LooksLikeTicket(const std::string& text)
{
    if (domain::PublicRef::tryParse(text)) return true;
    return wxString::FromUTF8(text).Upper().StartsWith("SN-");
}

}  // namespace

DeskPanel::DeskPanel(wxWindow* parent, std::shared_ptr<Session> session)
    : wxPanel(parent, wxID_ANY),
      m_session(std::move(session)),
      m_date(m_session->Today()),
      m_searchTimer(this, kIdSearchTimer),
      m_minute(this, kIdDeskMinute)
{
    BuildLayout();
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { Search(); }, kIdSearchTimer);
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { Reload(); }, kIdDeskMinute);
    Bind(wxEVT_CHAR_HOOK, &DeskPanel::OnCharHook, this);
    // Messages wrap at the panel's width: a long one is never cut.
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        CallAfter([this] { SetStatus(m_statusText, m_status->GetForegroundColour() == kErrorText); });
    });
    m_minute.Start(kMinuteMilliseconds);
}

void DeskPanel::BuildLayout()
{
    SetBackgroundColour(*wxWHITE);
    const int gap = FromDIP(10);

    m_title = new wxStaticText(this, wxID_ANY, _("Desk"));
    wxFont titleFont = GetFont().Bold();
    titleFont.SetPointSize(15);
    m_title->SetFont(titleFont);

    m_search = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(420, -1)),
                              wxTE_PROCESS_ENTER);
    wxFont searchFont = GetFont();
    searchFont.SetPointSize(16);
    m_search->SetFont(searchFont);
    m_search->SetHint(_("Scan a ticket or type a reference, name, phone, e-mail (F3)"));
    m_thisOnly = new wxCheckBox(this, wxID_ANY, _("Board for the &selected departure only"));
    m_thisOnly->SetToolTip(_("Off: a ticket for any of today's departures boards. On: only the departure chosen on the left."));
    auto* sale = new wxButton(this, wxID_ANY, _("New sale (F5)"));
    auto* phone = new wxButton(this, wxID_ANY, _("Phone booking (F6)"));
    auto* endOfDay = new wxButton(this, wxID_ANY, _("End of day (F8)…"));
    sale->SetFont(GetFont().Bold());
    sale->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OpenSale(); });
    phone->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OpenPhoneBooking(); });
    endOfDay->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OpenEndOfDay(); });

    m_banner = new DeskBanner(this);
    m_banner->SetOnCollect([this](const domain::PublicRef& ref) { Collect(ref); });

    m_departures = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(380, -1)),
                                  wxLC_REPORT | wxLC_SINGLE_SEL);
    m_departures->AppendColumn(_("Time"), wxLIST_FORMAT_LEFT, FromDIP(70));
    m_departures->AppendColumn(_("Seats free"), wxLIST_FORMAT_RIGHT, FromDIP(90));
    m_departures->AppendColumn(_("Largest party"), wxLIST_FORMAT_RIGHT, FromDIP(110));
    m_departures->AppendColumn(_("Note"), wxLIST_FORMAT_LEFT, FromDIP(100));
    m_departures->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) {
        const auto i = static_cast<std::size_t>(e.GetIndex());
        if (m_day && i < m_day->departures.size()) m_chosen = m_day->departures[i].start;
    });
    m_departures->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { OpenSale(); });

    m_resultList = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    for (const auto& [title, width] : std::initializer_list<std::pair<wxString, int>>{
             {_("Reference"), 120}, {_("Departure"), 140}, {_("Boat"), 90}, {_("Party"), 80},
             {_("Customer"), 170}, {_("State"), 100}, {_("Due"), 90}})
        m_resultList->AppendColumn(title, title == _("Due") ? wxLIST_FORMAT_RIGHT : wxLIST_FORMAT_LEFT, FromDIP(width));
    m_resultList->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) {
        const auto i = static_cast<std::size_t>(e.GetIndex());
        if (i < m_results.size()) OpenCard(m_results[i].booking.ref);
    });
    m_status = new wxStaticText(this, wxID_ANY, wxString());

    m_search->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { m_searchTimer.StartOnce(kSearchDelayMilliseconds); });
    m_search->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { Submit(); });
    // Down from the field goes to the results, so Enter there opens a card.
    m_search->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
        if (e.GetKeyCode() == WXK_DOWN && m_resultList->GetItemCount() > 0) {
            m_resultList->SetFocus();
            m_resultList->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                                       wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
            return;
        }
        e.Skip();
    });

    auto* actions = new wxBoxSizer(wxHORIZONTAL);
    actions->Add(m_title, wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(20)));
    // The hint disappears once the field has the focus (always, here): a label says what it takes.
    auto* searchLabel = new wxStaticText(this, wxID_ANY, _("Scan or find (F3)"));
    searchLabel->SetFont(GetFont().Bold());
    actions->Add(searchLabel, wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(8)));
    actions->Add(m_search, wxSizerFlags(1).CenterVertical().Border(wxRIGHT, gap));
    actions->Add(sale, wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(6)));
    actions->Add(phone, wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(6)));
    actions->Add(endOfDay, wxSizerFlags().CenterVertical());

    auto* left = new wxBoxSizer(wxVERTICAL);
    auto heading = [this](const wxString& text) {
        auto* h = new wxStaticText(this, wxID_ANY, text);
        h->SetFont(GetFont().Bold().Scaled(1.1f));
        return h;
    };
    m_departuresHeading = heading(_("Next departures"));
    left->Add(m_departuresHeading, wxSizerFlags().Border(wxBOTTOM, FromDIP(4)));
    left->Add(BuildDateRow(), wxSizerFlags().Expand().Border(wxBOTTOM, FromDIP(6)));
    left->Add(m_departures, wxSizerFlags(1).Expand());
    auto* right = new wxBoxSizer(wxVERTICAL);
    right->Add(heading(_("Bookings found")), wxSizerFlags().Border(wxBOTTOM, FromDIP(4)));
    right->Add(m_resultList, wxSizerFlags(1).Expand());
    auto* body = new wxBoxSizer(wxHORIZONTAL);
    body->Add(left, wxSizerFlags().Expand().Border(wxRIGHT, gap));
    body->Add(right, wxSizerFlags(1).Expand());

    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(BuildDrawerStrip(), wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, gap));
    top->Add(actions, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, gap));
    top->Add(m_thisOnly, wxSizerFlags().Border(wxLEFT | wxTOP, gap));
    top->Add(m_banner, wxSizerFlags().Expand().Border(wxALL, gap));
    top->Add(body, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, gap));
    top->Add(m_status, wxSizerFlags().Expand().Border(wxALL, gap));
    SetSizer(top);
}

wxSizer* DeskPanel::BuildDrawerStrip()
{
    // The drawer at a glance, and the button to the day's next step (open → close the day → closings).
    m_drawerStrip = new wxPanel(this);
    m_drawerText = new wxStaticText(m_drawerStrip, wxID_ANY, _("Reading the drawer…"));
    m_drawerText->SetFont(GetFont().Bold().Scaled(1.15f));
    m_nextStep = new wxButton(m_drawerStrip, wxID_ANY, _("&Open the drawer…"));
    m_nextStep->SetFont(GetFont().Bold());
    m_cashInOut = new wxButton(m_drawerStrip, wxID_ANY, _("Cash &in / out…"));
    m_cashInOut->Hide();
    m_nextStep->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (!m_drawer || m_drawer->state == app::DeskDrawer::State::Closed) return OpenCashDrawer();
        if (m_drawer->state == app::DeskDrawer::State::Open) return OpenCloseDay();
        OpenClosings();
    });
    m_cashInOut->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OpenCashDrawer(); });
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(m_drawerText, wxSizerFlags(1).CenterVertical().Border(wxALL, FromDIP(8)));
    row->Add(m_cashInOut, wxSizerFlags().CenterVertical().Border(wxTOP | wxBOTTOM | wxRIGHT, FromDIP(6)));
    row->Add(m_nextStep, wxSizerFlags().CenterVertical().Border(wxTOP | wxBOTTOM | wxRIGHT, FromDIP(6)));
    m_drawerStrip->SetSizer(row);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_drawerStrip, wxSizerFlags().Expand());
    return sizer;
}

wxSizer* DeskPanel::BuildDateRow()
{
    // The date whose departures are sold: today, or any day ahead (Alt+Left / Alt+Right).
    m_previousDay = new wxButton(this, wxID_ANY, wxString::FromUTF8("◀"), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
    m_previousDay->SetToolTip(_("The day before (Alt+Left)"));
    auto* next = new wxButton(this, wxID_ANY, wxString::FromUTF8("▶"), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
    next->SetToolTip(_("The day after (Alt+Right)"));
    auto* today = new wxButton(this, wxID_ANY, _("Today"), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
    today->SetToolTip(_("Back to today's next departures (Alt+Home)"));
    m_datePicker = new wxDatePickerCtrl(this, wxID_ANY, ToWxDate(m_date), wxDefaultPosition, wxDefaultSize,
                                        wxDP_DROPDOWN | wxDP_SHOWCENTURY);
    m_datePicker->SetRange(ToWxDate(m_session->Today()), wxDefaultDateTime);
    m_datePicker->SetToolTip(_("Sell or book a ride on another day"));
    m_previousDay->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ShowPreviousDay(); });
    next->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ShowNextDay(); });
    today->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ShowDate(m_session->Today()); });
    m_datePicker->Bind(wxEVT_DATE_CHANGED, [this](wxDateEvent& e) { ShowDate(FromWxDate(e.GetDate())); });
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(m_previousDay, wxSizerFlags().CenterVertical());
    row->Add(m_datePicker, wxSizerFlags(1).CenterVertical().Border(wxLEFT | wxRIGHT, FromDIP(4)));
    row->Add(next, wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(8)));
    row->Add(today, wxSizerFlags().CenterVertical());
    return row;
}

bool DeskPanel::IsToday() const { return m_date == m_session->Today(); }

void DeskPanel::ShowDate(domain::LocalDate date)
{
    const domain::LocalDate today = m_session->Today();
    if (date < today) date = today;   // a departure that has left cannot be sold
    m_datePicker->SetValue(ToWxDate(date));
    m_previousDay->Enable(date > today);
    if (date == m_date && m_day) return;
    m_date = date;
    m_chosen.reset();
    m_day.reset();
    m_departures->DeleteAllItems();
    Reload();
}

void DeskPanel::ShowNextDay() { ShowDate(AddDays(m_date, 1)); }
void DeskPanel::ShowPreviousDay() { ShowDate(AddDays(m_date, -1)); }

void DeskPanel::Reload()
{
    // After midnight the desk sells the new day.
    if (m_date < m_session->Today()) {
        m_date = m_session->Today();
        m_datePicker->SetRange(ToWxDate(m_date), wxDefaultDateTime);
        m_datePicker->SetValue(ToWxDate(m_date));
    }
    m_loading = true;
    const std::uint64_t generation = ++m_loadGeneration;
    const auto clock = m_session->clock;
    const std::optional<domain::LocalDate> date = IsToday() ? std::nullopt : std::optional(m_date);
    RunOnWorker(
        *m_session->worker, this,
        [clock, date](domain::Store& store) {
            return Loaded{app::deskDepartures(store, *clock, date), app::deskDrawer(store, *clock)};
        },
        [generation](DeskPanel& p, Loaded loaded) {
            if (generation != p.m_loadGeneration) return;   // the date changed meanwhile
            p.m_loading = false;
            p.ShowLoaded(std::move(loaded));
            if (auto then = std::exchange(p.m_whenLoaded, nullptr)) then();
        },
        [generation](DeskPanel& p, const Failure& f) {
            if (generation != p.m_loadGeneration) return;
            p.m_loading = false;
            p.m_whenLoaded = nullptr;
            p.SetStatus(f.message, true);
        });
}

void DeskPanel::ShowLoaded(Loaded loaded)
{
    m_day = std::move(loaded.day);
    m_drawer = std::move(loaded.drawer);
    m_title->SetLabel(FormatLongDate(m_day->date));
    m_departuresHeading->SetLabel(IsToday() ? _("Next departures") : _("Departures of the day"));
    m_previousDay->Enable(!IsToday());
    FillDepartures();
    ShowDrawer();
    Layout();
}

void DeskPanel::ShowDrawer()
{
    if (!m_drawer) return;
    const auto& d = *m_drawer;
    wxString text;
    wxColour background;
    m_cashInOut->Show(d.state == app::DeskDrawer::State::Open);
    switch (d.state) {
    case app::DeskDrawer::State::Closed:
        text = _("Drawer closed — open it to take cash");
        background = wxColour(0xFF, 0xF1, 0xD6);
        m_nextStep->SetLabel(_("&Open the drawer…"));
        m_nextStep->SetToolTip(_("Count the float and open the drawer (F7)"));
        break;
    case app::DeskDrawer::State::Open:
        // TRANSLATORS: the Desk view's drawer line: opening time, float counted, cash expected now
        text = wxString::Format(_("Drawer open since %s, float %s, expected %s"),
                                d.session ? FormatClockTime(*m_session, d.session->openedAt) : wxString(),
                                d.session ? FormatMoney(d.session->openingFloat) : wxString(), FormatMoney(d.expectedCash));
        if (d.registerDay != m_session->Today())
            text += "\n" + wxString::Format(_("Its cash goes to the closing of %s."), FormatLongDate(d.registerDay));
        background = wxColour(0xE3, 0xF2, 0xE6);
        m_nextStep->SetLabel(_("Close the day (&Z)…"));
        m_nextStep->SetToolTip(_("Count the drawer and store the daily closing (F9)"));
        break;
    case app::DeskDrawer::State::DayClosed:
        text = d.dayClosing ? wxString::Format(_("Day closed: Z #%lld"), static_cast<long long>(*d.dayClosing))
                            : wxString(_("Day closed"));
        background = wxColour(0xE8, 0xEE, 0xF4);
        m_nextStep->SetLabel(_("C&losings…"));
        m_nextStep->SetToolTip(_("The stored closings; month and year closings (Shift+F9)"));
        break;
    }
    m_drawerText->SetLabelText(text);
    m_drawerStrip->SetBackgroundColour(background);
    m_drawerStrip->Layout();
    m_drawerStrip->Refresh();
}

wxString DeskPanel::DrawerText() const { return m_drawerText->GetLabelText(); }
wxString DeskPanel::StatusText() const { return m_statusText; }

void DeskPanel::FillDepartures()
{
    m_departures->DeleteAllItems();
    const auto& deps = m_day->departures;
    std::optional<std::size_t> select = m_day->preselected;
    for (std::size_t i = 0; i < deps.size(); ++i) {
        const auto& d = deps[i];
        const long row = m_departures->InsertItem(static_cast<long>(i), FormatWallTime(d.time));
        if (d.closedReason) {
            m_departures->SetItem(row, 1, _("closed"));
            m_departures->SetItem(row, 3, Utf8(*d.closedReason));
            m_departures->SetItemTextColour(row, wxColour(0xB0, 0x1E, 0x1E));
        } else {
            m_departures->SetItem(row, 1, wxString::Format("%d / %d", d.seatsFree, d.capacity));
            m_departures->SetItem(row, 2, wxString::Format("%d", d.largestParty));
            if (d.seatsFree == 0) {
                m_departures->SetItem(row, 3, _("full"));
                m_departures->SetItemTextColour(row, wxColour(0x80, 0x80, 0x80));
            }
        }
        if (m_chosen && d.start == *m_chosen) select = i;
    }
    if (deps.empty()) SetStatus(IsToday() ? _("No departure left today.") : _("No departure on this day."));
    if (select) {
        const long row = static_cast<long>(*select);
        m_departures->SetItemState(row, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                                   wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
        m_departures->EnsureVisible(row);
    }
}

std::optional<std::size_t> DeskPanel::SelectedDeparture() const
{
    const long row = m_departures->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (row < 0) return std::nullopt;
    return static_cast<std::size_t>(row);
}

void DeskPanel::FocusSearch()
{
    m_search->SetFocus();
    m_search->SelectAll();
}

void DeskPanel::Search()
{
    const std::string text = m_search->GetValue().Strip(wxString::both).ToStdString(wxConvUTF8);
    const std::uint64_t generation = ++m_searchGeneration;
    if (text.size() < 2) {
        m_searching = false;
        m_results.clear();
        FillResults();
        return;
    }
    m_searching = true;
    const auto clock = m_session->clock;
    RunOnWorker(
        *m_session->worker, this,
        [clock, text](domain::Store& store) { return app::findBookings(store, *clock, text); },
        [generation](DeskPanel& p, std::vector<app::BookingSummary> found) {
            if (generation != p.m_searchGeneration) return;   // the text changed meanwhile
            p.m_searching = false;
            p.m_results = std::move(found);
            p.FillResults();
        },
        [generation](DeskPanel& p, const Failure& f) {
            if (generation != p.m_searchGeneration) return;
            p.m_searching = false;
            p.SetStatus(f.message, true);
        });
}

void DeskPanel::FillResults()
{
    m_resultList->DeleteAllItems();
    for (std::size_t i = 0; i < m_results.size(); ++i) {
        const auto& s = m_results[i];
        const long row = m_resultList->InsertItem(static_cast<long>(i), Utf8(s.booking.ref.str()));
        m_resultList->SetItem(row, 1, Utf8(s.departure));
        m_resultList->SetItem(row, 2, Utf8(s.boatName));
        m_resultList->SetItem(row, 3, PartyShort(s.booking.party));
        m_resultList->SetItem(row, 4, Utf8(s.booking.customerName));
        m_resultList->SetItem(row, 5, StateName(s.booking.state));
        m_resultList->SetItem(row, 6, s.due.cents() > 0 ? FormatMoney(s.due) : wxString());
        if (s.due.cents() > 0) m_resultList->SetItemTextColour(row, wxColour(0xC0, 0x4A, 0x00));
    }
    const wxString text = m_search->GetValue().Strip(wxString::both);
    if (text.length() >= 2)
        SetStatus(m_results.empty() ? wxString::Format(_("No booking matches \"%s\"."), text)
                                    : wxString::Format(wxPLURAL("%d booking found: Down, then Enter opens its card.",
                                                                "%d bookings found: Down, then Enter opens a card.",
                                                                static_cast<int>(m_results.size())),
                                                       static_cast<int>(m_results.size())));
    else
        SetStatus(wxString());
}

void DeskPanel::Submit()
{
    const std::string text = m_search->GetValue().Strip(wxString::both).ToStdString(wxConvUTF8);
    if (text.empty()) return;
    if (LooksLikeTicket(text)) return Scan(text);
    // Typed text: Enter opens the first match (the results are those of the text as it is now).
    m_searchTimer.Stop();
    if (!m_results.empty() && !m_searching) OpenCard(m_results.front().booking.ref);
    else Search();
}

wxString DeskPanel::Now() const { return FormatClockSeconds(*m_session, m_session->Now()); }

void DeskPanel::Scan(const std::string& text)
{
    std::optional<domain::Instant> departure;
    if (m_thisOnly->GetValue() && m_day)
        if (const auto i = SelectedDeparture(); i && *i < m_day->departures.size()) departure = m_day->departures[*i].start;
    std::optional<domain::Uuid> employee;
    if (m_session->employee) employee = m_session->employee->id;
    // A scanner's next ticket starts in an empty field, whatever this one's outcome; the previous
    // passenger's results go too.
    m_searchTimer.Stop();
    ++m_searchGeneration;
    m_searching = false;
    m_search->ChangeValue(wxString());
    m_results.clear();
    FillResults();
    ++m_scanning;
    const auto clock = m_session->clock;
    const wxString scanned = wxString::FromUTF8(text);
    RunOnWorker(
        *m_session->worker, this,
        [clock, text, departure, employee](domain::Store& store) {
            return app::boardByScan(store, *clock, text, departure, employee);
        },
        [scanned](DeskPanel& p, app::ScanResult result) {
            --p.m_scanning;
            p.m_banner->ShowResult(result, scanned, p.Now());
            p.m_results.clear();
            if (result.booking) p.m_results.push_back(*result.booking);
            p.FillResults();
            p.m_lastScan = std::move(result);
            p.Layout();
            // Not SelectAll: the scanner may already be typing the next ticket.
            if (FindFocus() != p.m_search) p.m_search->SetFocus();
            p.Reload();
        },
        [scanned](DeskPanel& p, const Failure& f) {
            --p.m_scanning;
            p.m_lastScan.reset();
            p.m_banner->ShowFailure(scanned, f.message, p.Now());
            p.Layout();
            if (FindFocus() != p.m_search) p.m_search->SetFocus();
        });
}

void DeskPanel::OpenSale()
{
    if (!m_day) {
        m_whenLoaded = [this] { OpenSale(); };
        if (!m_loading) Reload();
        return;
    }
    if (m_sale) return m_sale->Raise();
    app::DeskDay day = *m_day;
    if (const auto i = SelectedDeparture()) day.preselected = *i;
    auto* dialog = new SaleDialog(this, m_session, SaleDialog::Mode::Sale, day);
    dialog->SetOnDone([this](const app::DeskSaleResult&) { DataChanged(); });
    FocusSearchWhenGone(dialog);
    m_sale = dialog;
    dialog->Show();
}

void DeskPanel::OpenPhoneBooking()
{
    if (!m_day) {
        m_whenLoaded = [this] { OpenPhoneBooking(); };
        if (!m_loading) Reload();
        return;
    }
    if (m_sale) return m_sale->Raise();
    app::DeskDay day = *m_day;
    if (const auto i = SelectedDeparture()) day.preselected = *i;
    auto* dialog = new SaleDialog(this, m_session, SaleDialog::Mode::Phone, day);
    dialog->SetOnDone([this](const app::DeskSaleResult&) { DataChanged(); });
    FocusSearchWhenGone(dialog);
    m_sale = dialog;
    dialog->Show();
}

void DeskPanel::Collect(const domain::PublicRef& ref)
{
    if (!m_lastScan || !m_lastScan->booking || m_lastScan->booking->booking.ref != ref) return OpenCard(ref);
    if (m_sale) return m_sale->Raise();
    app::BookingSummary summary = *m_lastScan->booking;
    summary.due = m_lastScan->due;
    auto* dialog = new SaleDialog(this, m_session, summary);
    dialog->SetOnDone([this](const app::DeskSaleResult& result) { Collected(result); });
    FocusSearchWhenGone(dialog);
    m_sale = dialog;
    dialog->Show();
}

void DeskPanel::Collected(const app::DeskSaleResult& result)
{
    // The banner asked for money that is now paid: it must not keep asking (nor offer a second Collect).
    wxString who = wxString::FromUTF8(result.sale.booking.ref.str());
    if (m_lastScan && m_lastScan->booking && m_lastScan->booking->booking.ref == result.sale.booking.ref) {
        m_lastScan->booking->booking = result.sale.booking;
        m_lastScan->booking->due = domain::Money::zero();
        m_lastScan->due = domain::Money::zero();
        who = BookingWho(*m_lastScan->booking);
    }
    const wxString message =
        result.receipt ? wxString::Format(_("Receipt no. %lld. Scan the ticket again to board."),
                                          static_cast<long long>(result.receipt->number))
                       : wxString(_("Scan the ticket again to board."));
    m_banner->ShowCollected(who, message, Now());
    if (m_card && m_card->Card() && m_card->Card()->summary.booking.ref == result.sale.booking.ref) m_card->Reload();
    DataChanged();
}

void DeskPanel::OpenCard(const domain::PublicRef& ref)
{
    if (m_card) m_card->Destroy();
    m_card = ShowBookingCard(this, m_session, ref);
    m_card->SetOnChanged([this] { DataChanged(); });
    FocusSearchWhenGone(m_card.get());
}

void DeskPanel::OpenEndOfDay()
{
    if (m_endOfDay) return m_endOfDay->Raise();
    auto* dialog = new EndOfDayDialog(this, m_session);
    dialog->SetOnApplied([this] { DataChanged(); });
    FocusSearchWhenGone(dialog);
    m_endOfDay = dialog;
    dialog->Show();
}

void DeskPanel::OpenCashDrawer()
{
    if (m_cashDrawer) return m_cashDrawer->Raise();
    m_cashDrawer = ShowCashDrawer(this, m_session);
    m_cashDrawer->SetOnChanged([this] { DataChanged(); });
    FocusSearchWhenGone(m_cashDrawer.get());
}

void DeskPanel::OpenCloseDay()
{
    if (m_closeDay) return m_closeDay->Raise();
    // The day whose Z the drawer's cash belongs to: today, unless the drawer was opened after today's Z.
    domain::LocalDate day = m_session->Today();
    if (m_drawer && m_drawer->state == app::DeskDrawer::State::Open) day = m_drawer->registerDay;
    m_closeDay = ShowCloseDay(this, m_session, day);
    m_closeDay->SetOnClosed([this](const domain::Closing&) { DataChanged(); });
    FocusSearchWhenGone(m_closeDay.get());
}

void DeskPanel::OpenClosings()
{
    if (m_closings) return m_closings->Raise();
    m_closings = ShowClosings(this, m_session);
    FocusSearchWhenGone(m_closings.get());
}

void DeskPanel::FocusSearchWhenGone(wxWindow* dialog)
{
    // Whatever closes, the next keystrokes (a scanner's) go to the scan field.
    dialog->Bind(wxEVT_DESTROY, [this](wxWindowDestroyEvent& e) {
        CallAfter([this] {
            // Not when another of the desk's windows took over (a card replaced by the next one).
            if (!m_sale && !m_card && !m_endOfDay && !m_cashDrawer && !m_closeDay && !m_closings) FocusSearch();
        });
        e.Skip();
    });
}

void DeskPanel::DataChanged()
{
    Reload();
    if (m_search->GetValue().Strip(wxString::both).length() >= 2) Search();
}

void DeskPanel::SetStatus(const wxString& text, bool error)
{
    // Wrapped to the panel's width: a long refusal ("database is busy: try again…") is read whole.
    m_statusText = text;
    m_status->SetForegroundColour(error ? kErrorText : GetForegroundColour());
    m_status->SetLabelText(text);
    const int width = GetClientSize().x - FromDIP(20);
    if (width > FromDIP(200)) m_status->Wrap(width);
    Layout();
}

bool DeskPanel::RedirectToSearch(wxKeyEvent& event)
{
    // A scanner types into whatever has the focus: a keystroke that lands on a list, a button or
    // the check box goes to the scan field instead, so its Enter boards rather than clicks.
    wxWindow* focus = FindFocus();
    if (!focus || focus == m_search || dynamic_cast<wxTextEntry*>(focus)) return false;
    bool inside = false;
    for (wxWindow* w = focus; w; w = w->GetParent())
        if (w == this) inside = true;
    if (!inside) return false;
    if (event.GetModifiers() != wxMOD_NONE && event.GetModifiers() != wxMOD_SHIFT) return false;
    wxChar c = event.GetUnicodeKey();
    if (c == WXK_NONE || c <= ' ') return false;
    // The key event carries the key, not the character: an unshifted letter is a small one.
    if (!event.ShiftDown() && c >= 'A' && c <= 'Z') c = static_cast<wxChar>(c - 'A' + 'a');
    m_search->SetFocus();
    m_search->SetValue(wxString(c));   // a new input starts: nothing of a previous one is kept
    m_search->SetInsertionPointEnd();
    return true;
}

void DeskPanel::OnCharHook(wxKeyEvent& event)
{
    if (!event.HasAnyModifiers()) {
        switch (event.GetKeyCode()) {
        case WXK_F3: return FocusSearch();
        case WXK_F5: return OpenSale();
        case WXK_F6: return OpenPhoneBooking();
        default: break;
        }
    }
    if (event.GetModifiers() == wxMOD_ALT) {
        switch (event.GetKeyCode()) {
        case WXK_RIGHT: return ShowNextDay();
        case WXK_LEFT: return ShowPreviousDay();
        case WXK_HOME: return ShowDate(m_session->Today());
        default: break;
        }
    }
    if (RedirectToSearch(event)) return;
    event.Skip();
}

}  // namespace narcisse::ui
