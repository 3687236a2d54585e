#include "ui/desk_panel.h"

#include "ui/booking_card_dialog.h"
#include "ui/desk_banner.h"
#include "ui/end_of_day_dialog.h"
#include "ui/format.h"
#include "ui/sale_dialog.h"

#include <wx/button.h>
#include <wx/checkbox.h>
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

const wxString kDot = wxString::FromUTF8(" · ");

wxString Utf8(const std::string& s) { return wxString::FromUTF8(s); }

}  // namespace

DeskPanel::DeskPanel(wxWindow* parent, std::shared_ptr<Session> session)
    : wxPanel(parent, wxID_ANY),
      m_session(std::move(session)),
      m_searchTimer(this, kIdSearchTimer),
      m_minute(this, kIdDeskMinute)
{
    BuildLayout();
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { Search(); }, kIdSearchTimer);
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { Reload(); }, kIdDeskMinute);
    Bind(wxEVT_CHAR_HOOK, &DeskPanel::OnCharHook, this);
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
    auto* endOfDay = new wxButton(this, wxID_ANY, _("End of day…"));
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
    left->Add(heading(_("Next departures")), wxSizerFlags().Border(wxBOTTOM, FromDIP(4)));
    left->Add(m_departures, wxSizerFlags(1).Expand());
    auto* right = new wxBoxSizer(wxVERTICAL);
    right->Add(heading(_("Bookings found")), wxSizerFlags().Border(wxBOTTOM, FromDIP(4)));
    right->Add(m_resultList, wxSizerFlags(1).Expand());
    auto* body = new wxBoxSizer(wxHORIZONTAL);
    body->Add(left, wxSizerFlags().Expand().Border(wxRIGHT, gap));
    body->Add(right, wxSizerFlags(1).Expand());

    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(actions, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, gap));
    top->Add(m_thisOnly, wxSizerFlags().Border(wxLEFT | wxTOP, gap));
    top->Add(m_banner, wxSizerFlags().Expand().Border(wxALL, gap));
    top->Add(body, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, gap));
    top->Add(m_status, wxSizerFlags().Expand().Border(wxALL, gap));
    SetSizer(top);
}

void DeskPanel::Reload()
{
    if (m_loading) return;
    m_loading = true;
    const auto clock = m_session->clock;
    RunOnWorker(
        *m_session->worker, this, [clock](domain::Store& store) { return app::deskDepartures(store, *clock); },
        [](DeskPanel& p, app::DeskDay day) {
            p.m_loading = false;
            p.m_day = std::move(day);
            p.m_title->SetLabel(FormatLongDate(p.m_day->date));
            p.FillDepartures();
            p.Layout();
            if (auto then = std::exchange(p.m_whenLoaded, nullptr)) then();
        },
        [](DeskPanel& p, const Failure& f) {
            p.m_loading = false;
            p.SetStatus(f.message, true);
        });
}

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
    if (deps.empty()) SetStatus(_("No departure left today."));
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
    if (domain::PublicRef::tryParse(text)) return Scan(text);
    // Typed text: Enter opens the first match (the results are those of the text as it is now).
    m_searchTimer.Stop();
    if (!m_results.empty() && !m_searching) OpenCard(m_results.front().booking.ref);
    else Search();
}

void DeskPanel::Scan(const std::string& text)
{
    std::optional<domain::Instant> departure;
    if (m_thisOnly->GetValue() && m_day)
        if (const auto i = SelectedDeparture(); i && *i < m_day->departures.size()) departure = m_day->departures[*i].start;
    std::optional<domain::Uuid> employee;
    if (m_session->employee) employee = m_session->employee->id;
    // A scanner's next ticket starts in an empty field.
    m_searchTimer.Stop();
    ++m_searchGeneration;
    m_search->ChangeValue(wxString());
    m_scanning = true;
    const auto clock = m_session->clock;
    RunOnWorker(
        *m_session->worker, this,
        [clock, text, departure, employee](domain::Store& store) {
            return app::boardByScan(store, *clock, text, departure, employee);
        },
        [](DeskPanel& p, app::ScanResult result) {
            p.m_scanning = false;
            p.m_banner->ShowResult(result);
            p.m_results.clear();
            if (result.booking) p.m_results.push_back(*result.booking);
            p.FillResults();
            p.m_lastScan = std::move(result);
            p.Layout();
            p.FocusSearch();
            p.Reload();
        },
        [](DeskPanel& p, const Failure& f) {
            p.m_scanning = false;
            p.SetStatus(f.message, true);
        });
}

void DeskPanel::OpenSale()
{
    if (!m_day) {
        m_whenLoaded = [this] { OpenSale(); };
        return Reload();
    }
    if (m_sale) return m_sale->Raise();
    app::DeskDay day = *m_day;
    if (const auto i = SelectedDeparture()) day.preselected = *i;
    auto* dialog = new SaleDialog(this, m_session, SaleDialog::Mode::Sale, day);
    dialog->SetOnDone([this](const app::DeskSaleResult&) { Changed(); });
    dialog->Bind(wxEVT_DESTROY, [this](wxWindowDestroyEvent& e) {
        CallAfter([this] { FocusSearch(); });
        e.Skip();
    });
    m_sale = dialog;
    dialog->Show();
}

void DeskPanel::OpenPhoneBooking()
{
    if (!m_day) {
        m_whenLoaded = [this] { OpenPhoneBooking(); };
        return Reload();
    }
    if (m_sale) return m_sale->Raise();
    app::DeskDay day = *m_day;
    if (const auto i = SelectedDeparture()) day.preselected = *i;
    auto* dialog = new SaleDialog(this, m_session, SaleDialog::Mode::Phone, day);
    dialog->SetOnDone([this](const app::DeskSaleResult&) { Changed(); });
    m_sale = dialog;
    dialog->Show();
}

void DeskPanel::Collect(const domain::PublicRef& ref)
{
    if (!m_lastScan || !m_lastScan->booking || m_lastScan->booking->booking.ref != ref) return OpenCard(ref);
    app::BookingSummary summary = *m_lastScan->booking;
    summary.due = m_lastScan->due;
    auto* dialog = new SaleDialog(this, m_session, summary);
    dialog->SetOnDone([this](const app::DeskSaleResult&) { Changed(); });
    m_sale = dialog;
    dialog->Show();
}

void DeskPanel::OpenCard(const domain::PublicRef& ref)
{
    if (m_card) m_card->Destroy();
    m_card = ShowBookingCard(this, m_session, ref);
    m_card->SetOnChanged([this] { Changed(); });
}

void DeskPanel::OpenEndOfDay()
{
    if (m_endOfDay) return m_endOfDay->Raise();
    auto* dialog = new EndOfDayDialog(this, m_session);
    dialog->SetOnApplied([this] { Changed(); });
    m_endOfDay = dialog;
    dialog->Show();
}

void DeskPanel::Changed()
{
    Reload();
    if (m_search->GetValue().Strip(wxString::both).length() >= 2) Search();
}

void DeskPanel::SetStatus(const wxString& text, bool error)
{
    m_status->SetLabel(text);
    m_status->SetForegroundColour(error ? wxColour(0xB0, 0x1E, 0x1E) : GetForegroundColour());
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
    event.Skip();
}

}  // namespace narcisse::ui
